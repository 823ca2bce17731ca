package dev.autogenerate.compare;

/**
 * A stated rename the comparison cannot carry out (the database has neither the old nor the new
 * name, or two of the old ones); the message names the rename, where it was stated, and the fix.
 * The project turns it into a one-line user error.
 */
public final class RenameConflict extends RuntimeException {

  RenameConflict(String message) {
    super(message);
  }
}
