package dev.autogenerate.database.sqlite;

import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.database.Waiting;
import dev.autogenerate.runtime.UserError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite rebuilds tables to alter them, and dropping a table that others reference would, with
 * foreign keys enforced, delete or cascade. So enforcement is off while a revision runs (it can
 * only change outside a transaction), and the revision commits only if it left no reference
 * broken, whether enforcement was on or off before: SQLite never checks by itself what rows a
 * revision orphaned, so this check is what PostgreSQL's constraints do there.
 *
 * <p>References that were broken before the revision are not its doing and do not stop it; only
 * new ones do (counted per referencing and referenced table).
 *
 * <p>Each revision's transaction begins immediate: it takes SQLite's write lock first, so two
 * processes upgrading together take turns, and the one that waited reads the version the other
 * left. While the lock is busy it retries, says after a couple of seconds that it waits, and
 * gives up after the lock timeout.
 */
final class SqliteRevisionGuard implements RevisionGuard {

  /** How long one try to take the write lock waits inside SQLite before the next try. */
  private static final int TRY_MILLIS = 250;

  /** How long a statement of the revision waits for readers to let go (at commit, say). */
  private static final int STATEMENT_BUSY_MILLIS = 10_000;

  private final Connection connection;
  private final SQLiteConnection sqlite;
  private final boolean enforcedBefore;
  private final TransactionMode modeBefore;
  private final int busyTimeoutBefore;
  private Map<String, Integer> brokenBefore = Map.of();

  private SqliteRevisionGuard(Connection connection, SQLiteConnection sqlite, boolean enforcedBefore,
      TransactionMode modeBefore, int busyTimeoutBefore) {
    this.connection = connection;
    this.sqlite = sqlite;
    this.enforcedBefore = enforcedBefore;
    this.modeBefore = modeBefore;
    this.busyTimeoutBefore = busyTimeoutBefore;
  }

  /**
   * Turns enforcement off (outside any transaction), begins an immediate transaction, waiting
   * for the write lock, and notes the references already broken.
   */
  static SqliteRevisionGuard begin(Connection connection, LockWait wait) throws SQLException {
    SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
    boolean enforced = setEnforcement(connection, false);
    SQLiteConnectionConfig config = sqlite.getConnectionConfig();
    SqliteRevisionGuard guard = new SqliteRevisionGuard(connection, sqlite, enforced,
        config.getTransactionMode(), sqlite.getBusyTimeout());
    try {
      // Only this BEGIN is immediate: the driver begins the next transaction right after a
      // commit or rollback, and that one must not wait for a lock.
      config.setTransactionMode(TransactionMode.IMMEDIATE);
      sqlite.setBusyTimeout(TRY_MILLIS);
      Waiting.until(wait, "the write lock of this SQLite database (another process is migrating it)",
          () -> "", () -> tryBegin(connection, config));
      config.setTransactionMode(guard.modeBefore);
      sqlite.setBusyTimeout(Math.max(guard.busyTimeoutBefore, STATEMENT_BUSY_MILLIS));
      guard.brokenBefore = brokenReferences(connection);
      return guard;
    } catch (SQLException | RuntimeException e) {
      guard.close();
      throw e;
    }
  }

  private static boolean tryBegin(Connection connection, SQLiteConnectionConfig config) throws SQLException {
    try {
      connection.setAutoCommit(false);
      return true;
    } catch (SQLiteException e) {
      // The driver marks the connection manual-commit before its BEGIN runs: undo that, so the
      // next try begins again.
      config.setAutoCommit(true);
      if ((e.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) {
        return false;
      }
      throw e;
    }
  }

  /** Compares with the references broken at the last check (or the transaction's start), then remembers these. */
  @Override
  public void check(String subject) throws SQLException {
    Map<String, Integer> brokenAfter = brokenReferences(connection);
    Map<String, Integer> before = brokenBefore;
    brokenBefore = brokenAfter;
    for (Map.Entry<String, Integer> broken : brokenAfter.entrySet()) {
      if (broken.getValue() > before.getOrDefault(broken.getKey(), 0)) {
        String[] tables = broken.getKey().split("\u0000");
        throw new UserError(subject + " leaves rows of " + tables[0] + " referencing missing rows of "
            + tables[1] + "; nothing of it was applied (delete or fix those rows first, in the migration or by hand)");
      }
    }
  }

  @Override
  public void close() throws SQLException {
    sqlite.getConnectionConfig().setTransactionMode(modeBefore);
    sqlite.setBusyTimeout(busyTimeoutBefore);
    setEnforcement(connection, enforcedBefore);
  }

  /** How many rows of each referencing table point at missing rows of each referenced table. */
  private static Map<String, Integer> brokenReferences(Connection connection) throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet violations = statement.executeQuery("pragma foreign_key_check")) {
      while (violations.next()) {
        // Keyed as SQLite finds tables: a rebuild may change the case a table's statement wrote.
        counts.merge(SqliteNames.asciiLowerCase(violations.getString(1)) + "\u0000"
            + SqliteNames.asciiLowerCase(violations.getString(3)), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** @return whether enforcement was on before */
  private static boolean setEnforcement(Connection connection, boolean enabled) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      boolean wasEnabled;
      try (ResultSet rows = statement.executeQuery("pragma foreign_keys")) {
        wasEnabled = rows.next() && rows.getInt(1) == 1;
      }
      statement.execute("pragma foreign_keys = " + (enabled ? "on" : "off"));
      return wasEnabled;
    }
  }
}
