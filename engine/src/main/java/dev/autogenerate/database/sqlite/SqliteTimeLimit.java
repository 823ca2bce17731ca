package dev.autogenerate.database.sqlite;

import dev.autogenerate.database.Database.Read;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's bound on a read: a progress handler that stops the statement running once the time is
 * up, and fails only that statement. No transaction is begun for it (a connection whose URL asks
 * for immediate transactions would take the write lock for a count), and the connection's
 * auto-commit is not touched. sqlite-jdbc's query timeout is no such bound (it sets how long to
 * wait for another process's lock), and {@code Statement.cancel}'s interrupt stays pending on the
 * connection, failing the statement after it. Time spent waiting for another process's lock is
 * the busy timeout's, not this bound's: the handler runs only while a statement executes.
 *
 * <p>sqlite-jdbc keeps one progress handler per connection and cannot tell which is set: an
 * application's own, on a connection it lends the migrator, is replaced for the read and then
 * cleared. A connection that does not unwrap to sqlite-jdbc's reads without a bound.
 */
final class SqliteTimeLimit {

  /** How many of SQLite's virtual machine steps run between two looks at the clock. */
  private static final int STEPS_BETWEEN_CHECKS = 10_000;

  private SqliteTimeLimit() {}

  static <T> T readWithin(Connection connection, Duration limit, Read<T> read) throws SQLException {
    SQLiteConnection sqlite;
    try {
      sqlite = connection.unwrap(SQLiteConnection.class);
    } catch (SQLException e) {
      return read.run();
    }
    long deadline = System.nanoTime() + limit.toNanos();
    ProgressHandler.setHandler(sqlite, STEPS_BETWEEN_CHECKS, new ProgressHandler() {
      @Override
      protected int progress() {
        return System.nanoTime() - deadline > 0 ? 1 : 0;
      }
    });
    try {
      return read.run();
    } finally {
      ProgressHandler.clearHandler(sqlite);
    }
  }
}
