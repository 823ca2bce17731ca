package dev.autogenerate.runtime;

import dev.autogenerate.inspect.TableFilter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The table that records which revision the database is at: one row while at a revision, none
 * at base, with a checksum of the operations that revision ran, so that a migration edited
 * after it was applied is noticed. The tool owns it and the diff never sees it.
 */
public final class VersionTable {

  public static final String NAME = TableFilter.VERSION_TABLE;

  private VersionTable() {}

  /** The current revision id, or null when the database is at base (or has no version table). */
  public static String current(Connection connection) throws SQLException {
    if (!exists(connection)) {
      return null;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select version_num from " + NAME)) {
      String current = null;
      while (rows.next()) {
        if (current != null) {
          throw new UserError(NAME + " holds several revisions; this tool keeps one: delete all rows but the real one");
        }
        current = rows.getString(1);
      }
      return current;
    }
  }

  /** The checksum recorded with the current revision, or null (base, or none recorded). */
  public static String checksum(Connection connection) throws SQLException {
    if (!exists(connection)) {
      return null;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select checksum from " + NAME)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /**
   * Records a revision as current, or base when {@code revisionId} is null.
   *
   * @param checksum the checksum of the operations the revision ran ({@link MigrationScript#checksum()})
   */
  public static void set(Connection connection, String revisionId, String checksum) throws SQLException {
    if (!exists(connection)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(createSql(false));
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("delete from " + NAME);
    }
    if (revisionId != null) {
      try (PreparedStatement insert =
          connection.prepareStatement("insert into " + NAME + " (version_num, checksum) values (?, ?)")) {
        insert.setString(1, revisionId);
        insert.setString(2, checksum);
        insert.executeUpdate();
      }
    }
  }

  /** The table's DDL, the same on both databases; {@code ifNotExists} for scripts that may run twice. */
  static String createSql(boolean ifNotExists) {
    return "create table " + (ifNotExists ? "if not exists " : "") + NAME + " (\n  version_num varchar(32) not null,\n"
        + "  checksum varchar(64),\n"
        + "  constraint " + NAME + "_pkc primary key (version_num)\n)";
  }

  static boolean exists(Connection connection) throws SQLException {
    return tableExists(connection, NAME);
  }

  /** Whether a table of this name is in the connection's current schema. */
  static boolean tableExists(Connection connection, String name) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String schema = connection.getSchema();
    try (ResultSet tables = metadata.getTables(null, schema, name, new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}
