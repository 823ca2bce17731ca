package dev.autogenerate.database.postgres;

import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.Waiting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A session-level advisory lock, one per database and schema (each schema keeps its own version
 * table), held for a whole upgrade or downgrade, on the connection the revisions run on: what a
 * command given only that connection uses. One that can open another holds the lock there
 * instead ({@link PostgresTransactionMigrationLock}), which a transaction-pooling PgBouncer
 * cannot lose. It is released when closed, or by the server
 * when the session ends, so a killed process never leaves it behind: while it is held the server
 * looks for a dead client even in the middle of a statement ({@link DeadClientCheck}).
 */
final class PostgresMigrationLock implements MigrationLock {

  /** The first half of the lock's key: "auto" in ASCII, so it is recognisable in pg_locks. */
  static final int KEY = 0x6175746f;

  /** The second half of this lock's key and of {@link PostgresRevisionLock}'s, in SQL: the current schema's. */
  static final String SCHEMA_KEY = "hashtext(coalesce(current_schema(), ''))";

  private final Connection connection;
  /** The second half of the key: the schema's, as it was when the lock was taken. */
  private final int schemaKey;
  private final DeadClientCheck deadClientCheck;

  private PostgresMigrationLock(Connection connection, int schemaKey, DeadClientCheck deadClientCheck) {
    this.connection = connection;
    this.schemaKey = schemaKey;
    this.deadClientCheck = deadClientCheck;
  }

  static PostgresMigrationLock acquire(Connection connection, LockWait wait) throws SQLException {
    int schemaKey = schemaKey(connection);
    Waiting.until(wait, "the migration lock of this database",
        () -> holder(connection, KEY), () -> tryLock(connection, schemaKey));
    try {
      return new PostgresMigrationLock(connection, schemaKey, DeadClientCheck.enable(connection));
    } catch (SQLException | RuntimeException e) {
      try {
        unlock(connection, schemaKey);
      } catch (SQLException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
  }

  /**
   * Releases the key it took, not the current schema's: a revision may have moved the session to
   * another schema ({@code set search_path}, or a new schema named as the user), and a lock left
   * held on a pooled connection would keep every other instance waiting.
   */
  @Override
  public void close() throws SQLException {
    unlock(connection, schemaKey);
    deadClientCheck.restore(connection);
  }

  private static void unlock(Connection connection, int schemaKey) throws SQLException {
    try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
      unlock.setInt(1, KEY);
      unlock.setInt(2, schemaKey);
      unlock.execute();
    }
  }

  static int schemaKey(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select " + SCHEMA_KEY)) {
      result.next();
      return result.getInt(1);
    }
  }

  private static boolean tryLock(Connection connection, int schemaKey) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
      lock.setInt(1, KEY);
      lock.setInt(2, schemaKey);
      try (ResultSet result = lock.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  /**
   * " (held by server process 1234, another migration)", or "" when it cannot be told.
   *
   * @param key the first half of an advisory lock's key (this lock's, or {@link PostgresRevisionLock}'s)
   */
  static String holder(Connection connection, int key) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select string_agg(pid::text, ', ') from pg_locks where locktype = 'advisory' and granted"
            + " and classid = ?::oid and objsubid = 2 and pid <> pg_backend_pid()")) {
      query.setLong(1, key);
      try (ResultSet result = query.executeQuery()) {
        String pids = result.next() ? result.getString(1) : null;
        return pids == null ? "" : " (held by server process " + pids + ", another migration)";
      }
    }
  }
}
