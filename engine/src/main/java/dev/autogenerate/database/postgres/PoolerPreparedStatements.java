package dev.autogenerate.database.postgres;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells what is wrong when PostgreSQL's driver and a pool in transaction pooling disagree. After a
 * few runs of one statement the driver prepares it on the server, once per session, under a name
 * of its own ({@code S_1}, {@code S_2}, ...). A pool that hands each transaction whichever server
 * session is free (PgBouncer before 1.21, or without {@code max_prepared_statements}) sends the
 * next use to a session that does not have it, or the next preparing to one that has that name
 * already, and the server refuses: a driver error that names neither the pool nor the fix.
 */
public final class PoolerPreparedStatements {

  private static final String ALREADY_EXISTS = "42P05";
  private static final String DOES_NOT_EXIST = "26000";

  /** The driver's own names: a migration's own {@code prepare} is its author's business. */
  private static final Pattern DRIVER_NAME = Pattern.compile("prepared statement \"S_\\d+\"");

  private PoolerPreparedStatements() {}

  /** The line to tell in place of the driver's error, or empty when the failure is another. */
  public static Optional<String> explain(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && (ALREADY_EXISTS.equals(sql.getSQLState()) || DOES_NOT_EXIST.equals(sql.getSQLState()))
          && DRIVER_NAME.matcher(String.valueOf(sql.getMessage())).find()) {
        return Optional.of("the driver's prepared statements did not follow its connection: it goes through a pool in"
            + " transaction pooling (PgBouncer), which hands each transaction whichever server session is free; add"
            + " prepareThreshold=0 to the url (...?prepareThreshold=0), or set max_prepared_statements in PgBouncer"
            + " 1.21 or later");
      }
    }
    return Optional.empty();
  }
}
