package dev.autogenerate.database.postgres;

import dev.autogenerate.database.Database.Read;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL's bound on a read: {@code statement_timeout} set local to a transaction of its own
 * (on a connection that commits each statement) or to a savepoint (inside the caller's
 * transaction), rolled back after the read. The rollback ends the setting and, when the read ran
 * out, the error that aborted the transaction; the savepoint is released, so that the caller's
 * next statements do not run one subtransaction deeper for each read (past 64, every backend's
 * snapshots slow down).
 */
final class PostgresTimeLimit {

  /**
   * The lower of the limit and the timeout the session already has, in milliseconds
   * ({@code pg_settings} gives it in milliseconds; 0 is none): a role or session that bounds its
   * statements more tightly keeps its bound.
   */
  private static final String SET_LIMIT = "select set_config('statement_timeout', (case when setting::bigint = 0"
      + " then %1$d else least(setting::bigint, %1$d) end)::text, true) from pg_settings where name = 'statement_timeout'";

  private PostgresTimeLimit() {}

  static <T> T readWithin(Connection connection, Duration limit, Read<T> read) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    Savepoint before = null;
    if (autoCommit) {
      connection.setAutoCommit(false);
    } else {
      before = connection.setSavepoint();
    }
    try {
      try (Statement statement = connection.createStatement()) {
        // At least a millisecond: 0 would mean no timeout at all.
        statement.execute(SET_LIMIT.formatted(Math.max(1, limit.toMillis())));
      }
      return read.run();
    } finally {
      try {
        if (autoCommit) {
          connection.rollback();
        } else {
          connection.rollback(before);
          connection.releaseSavepoint(before);
        }
      } finally {
        if (autoCommit) {
          connection.setAutoCommit(true);
        }
      }
    }
  }
}
