package dev.autogenerate.database.postgres;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a refused privilege as what it is, where the driver's error reads as an unexpected one: a
 * command connected as a user that may read the application's tables but not the version table
 * (a read-only role for {@code check}, an application role for {@code upgrade}), or may not create
 * or alter what a revision does.
 */
public final class PrivilegeFailures {

  /** PostgreSQL's {@code insufficient_privilege}. */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private PrivilegeFailures() {}

  /** The line to tell in place of the driver's error, or empty when the failure is another. */
  public static Optional<String> explain(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
        String message = String.valueOf(sql.getMessage()).lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
        return Optional.of("the database refused the connection's user a privilege this command needs (" + message
            + "): connect as a user that owns the schema, or have its owner grant the privilege");
      }
    }
    return Optional.empty();
  }
}
