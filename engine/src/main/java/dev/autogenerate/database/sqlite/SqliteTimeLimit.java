package dev.autogenerate.database.sqlite;

import dev.autogenerate.database.TimeLimit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's bound on a statement's time: a progress handler that stops the statement running once
 * the time is up. sqlite-jdbc's query timeout is no such bound (it sets how long to wait for
 * another process's lock), and {@code Statement.cancel}'s interrupt stays pending on the
 * connection, failing the rollback that should follow; a handler's refusal fails only the
 * statement it stops.
 */
final class SqliteTimeLimit {

  /** How many of SQLite's virtual machine steps run between two looks at the clock. */
  private static final int STEPS_BETWEEN_CHECKS = 10_000;

  private SqliteTimeLimit() {}

  static TimeLimit start(Connection connection, Duration limit) throws SQLException {
    SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
    long deadline = System.nanoTime() + limit.toNanos();
    ProgressHandler.setHandler(sqlite, STEPS_BETWEEN_CHECKS, new ProgressHandler() {
      @Override
      protected int progress() {
        return System.nanoTime() - deadline > 0 ? 1 : 0;
      }
    });
    return () -> ProgressHandler.clearHandler(sqlite);
  }
}
