package dev.autogenerate.compare;

/**
 * A change the diff cannot make while a view reads what it changes, and cannot make safe by
 * dropping and creating the view again (the view reads a column or table the change drops); the
 * message names the view, what it reads, and the fix. The project turns it into a one-line user
 * error.
 */
public final class ViewConflict extends RuntimeException {

  ViewConflict(String message) {
    super(message);
  }
}
