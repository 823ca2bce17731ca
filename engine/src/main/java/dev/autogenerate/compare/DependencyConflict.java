package dev.autogenerate.compare;

/**
 * A change the diff cannot make while a view or trigger depends on what it changes, and cannot
 * make safe by dropping and creating that view or trigger again: a view reading a column or
 * table the change drops ({@link ViewRecreation}), a trigger naming one ({@link TriggerConflicts}).
 * The message names the dependent, what it reads, and the fix. The project turns it into a
 * one-line user error.
 */
public final class DependencyConflict extends RuntimeException {

  DependencyConflict(String message) {
    super(message);
  }
}
