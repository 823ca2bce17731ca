package dev.autogenerate.database.postgres;

import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.Waiting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session-level advisory lock, one per database and schema (each schema keeps its own version
 * table), held for a whole upgrade or downgrade. It is released when closed, or by the server
 * when the session ends, so a killed process never leaves it behind.
 */
final class PostgresMigrationLock implements MigrationLock {

  /** The first half of the lock's key: "auto" in ASCII, so it is recognisable in pg_locks. */
  private static final int KEY = 0x6175746f;

  private final Connection connection;

  private PostgresMigrationLock(Connection connection) {
    this.connection = connection;
  }

  static PostgresMigrationLock acquire(Connection connection, LockWait wait) throws SQLException {
    Waiting.until(wait, "the migration lock of this database",
        () -> holder(connection), () -> tryLock(connection));
    return new PostgresMigrationLock(connection);
  }

  @Override
  public void close() throws SQLException {
    try (PreparedStatement unlock = connection.prepareStatement(
        "select pg_advisory_unlock(?, hashtext(current_schema()))")) {
      unlock.setInt(1, KEY);
      unlock.execute();
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "select pg_try_advisory_lock(?, hashtext(current_schema()))")) {
      lock.setInt(1, KEY);
      try (ResultSet result = lock.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  /** " (held by server process 1234, another migration)", or "" when it cannot be told. */
  private static String holder(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select string_agg(pid::text, ', ') from pg_locks where locktype = 'advisory' and granted"
            + " and classid = ?::oid and objsubid = 2 and pid <> pg_backend_pid()")) {
      query.setLong(1, KEY);
      try (ResultSet result = query.executeQuery()) {
        String pids = result.next() ? result.getString(1) : null;
        return pids == null ? "" : " (held by server process " + pids + ", another migration)";
      }
    }
  }
}
