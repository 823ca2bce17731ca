package dev.autogenerate.database.sqlite;

import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.runtime.UserError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * SQLite rebuilds tables to alter them, and dropping a table that others reference would, with
 * foreign keys enforced, delete or cascade. So enforcement is off while a revision runs (it can
 * only change outside a transaction), and the revision commits only if it left no reference
 * broken, whether enforcement was on or off before: SQLite never checks by itself what rows a
 * revision orphaned, so this check is what PostgreSQL's constraints do there.
 *
 * <p>References that were broken before the revision are not its doing and do not stop it; only
 * new ones do (counted per referencing and referenced table).
 */
final class SqliteRevisionGuard implements RevisionGuard {

  private final Connection connection;
  private final boolean enforcedBefore;
  private final Map<String, Integer> brokenBefore;

  private SqliteRevisionGuard(Connection connection, boolean enforcedBefore, Map<String, Integer> brokenBefore) {
    this.connection = connection;
    this.enforcedBefore = enforcedBefore;
    this.brokenBefore = brokenBefore;
  }

  /** Turns enforcement off, outside any transaction, and notes the references already broken. */
  static SqliteRevisionGuard begin(Connection connection) throws SQLException {
    boolean enforced = setEnforcement(connection, false);
    return new SqliteRevisionGuard(connection, enforced, brokenReferences(connection));
  }

  @Override
  public void beforeCommit(String revision) throws SQLException {
    Map<String, Integer> brokenAfter = brokenReferences(connection);
    for (Map.Entry<String, Integer> broken : brokenAfter.entrySet()) {
      if (broken.getValue() > brokenBefore.getOrDefault(broken.getKey(), 0)) {
        String[] tables = broken.getKey().split("\u0000");
        throw new UserError("migration " + revision + " leaves rows of " + tables[0] + " referencing missing rows of "
            + tables[1] + "; nothing of it was applied (delete or fix those rows first, in the migration or by hand)");
      }
    }
  }

  @Override
  public void close() throws SQLException {
    setEnforcement(connection, enforcedBefore);
  }

  /** How many rows of each referencing table point at missing rows of each referenced table. */
  private static Map<String, Integer> brokenReferences(Connection connection) throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet violations = statement.executeQuery("pragma foreign_key_check")) {
      while (violations.next()) {
        counts.merge(violations.getString(1) + "\u0000" + violations.getString(3), 1, Integer::sum);
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
