package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;

/**
 * The entities and the database differ in a way no migration can be written for as things stand:
 * a view reads, or a trigger names, a column the entities drop. {@code -m} stops on it with the message, as on any user error; {@code check} reports it
 * as the difference it is (exit 1), not as a failure to compare.
 */
public final class UnplannableDifference extends UserError {

  UnplannableDifference(String message, Throwable cause) {
    super(message, cause);
  }
}
