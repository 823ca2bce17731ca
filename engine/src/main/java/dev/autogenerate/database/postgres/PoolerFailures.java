package dev.autogenerate.database.postgres;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells what is wrong when a pool in front of PostgreSQL (PgBouncer) fails a command with a driver
 * error that names neither the pool nor the fix.
 *
 * <p>Prepared statements: after a few runs of one statement the driver prepares it on the server,
 * once per session, under a name of its own ({@code S_1}, {@code S_2}, ...). A pool that hands
 * each transaction whichever server session is free (PgBouncer before 1.21, or without
 * {@code max_prepared_statements}) sends the next use to a session that does not have it, or the
 * next preparing to one that has that name already, and the server refuses.
 *
 * <p>A pool too small: a migration holds two server connections at once (the lock's, and the one
 * its revisions run on), and PgBouncer ends a client that waited {@code query_wait_timeout} for
 * one.
 */
public final class PoolerFailures {

  private static final String ALREADY_EXISTS = "42P05";
  private static final String DOES_NOT_EXIST = "26000";

  /** The driver's own names: a migration's own {@code prepare} is its author's business. */
  private static final Pattern DRIVER_NAME = Pattern.compile("prepared statement \"S_\\d+\"");

  private PoolerFailures() {}

  /** The line to tell in place of the driver's error, or empty when the failure is another. */
  public static Optional<String> explain(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (!(cause instanceof SQLException sql)) {
        continue;
      }
      String message = String.valueOf(sql.getMessage());
      if ((ALREADY_EXISTS.equals(sql.getSQLState()) || DOES_NOT_EXIST.equals(sql.getSQLState()))
          && DRIVER_NAME.matcher(message).find()) {
        return Optional.of("the driver's prepared statements did not follow its connection: it goes through a pool in"
            + " transaction pooling (PgBouncer), which hands each transaction whichever server session is free; add"
            + " prepareThreshold=0 to the url (...?prepareThreshold=0), or set max_prepared_statements in PgBouncer"
            + " 1.21 or later");
      }
      if (message.contains("query_wait_timeout")) {
        return Optional.of("the pool in front of the database (PgBouncer) found no free server connection for this"
            + " command within its query_wait_timeout: a migration holds two at once (the lock's and its own), so"
            + " give the pool more (default_pool_size), or run when fewer clients hold them");
      }
    }
    return Optional.empty();
  }
}
