package dev.autogenerate.runtime;

import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table that records where the database is: one row per head it is at (one on a linear
 * history, none at base, one per branch after {@code upgrade heads}), as Alembic's
 * {@code alembic_version}; each row keeps a checksum of the operations that revision ran, so
 * that a migration edited after it was applied is noticed. The tool owns it and the diff never
 * sees it.
 */
public final class VersionTable {

  public static final String NAME = TableFilter.VERSION_TABLE;

  private VersionTable() {}

  /** One row: a head the database is at, and the checksum of what that revision ran (null if unknown). */
  public record Row(String revision, String checksum) {}

  /** The rows, by revision id; none at base or without the table. */
  public static List<Row> rows(Connection connection) throws SQLException {
    return exists(connection) ? rowsOfExisting(connection) : new ArrayList<>();
  }

  /**
   * The rows of a version table known to be there: one query, without first looking for the
   * table in the catalog (through JDBC's metadata, a heavy query and another round trip).
   */
  static List<Row> rowsOfExisting(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select version_num, checksum from " + NAME + " order by version_num")) {
      while (result.next()) {
        rows.add(new Row(result.getString(1), result.getString(2)));
      }
    }
    return rows;
  }

  /** The heads the database is at: none at base. */
  public static List<String> heads(Connection connection) throws SQLException {
    return rows(connection).stream().map(Row::revision).toList();
  }

  /**
   * The one revision the database is at, or null at base (or without a version table).
   *
   * @throws UserError when it is at several heads: ask {@link #heads} instead
   */
  public static String current(Connection connection) throws SQLException {
    List<String> heads = heads(connection);
    if (heads.size() > 1) {
      throw new UserError("the database is at " + heads.size() + " heads (" + String.join(", ", heads)
          + "), not one: run autogenerate merge -m \"MESSAGE\" and upgrade head to join them");
    }
    return heads.isEmpty() ? null : heads.get(0);
  }

  /** Creates the table where it is missing. */
  static void createIfMissing(Connection connection) throws SQLException {
    if (!exists(connection)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(createSql(false));
      }
    }
  }

  /** Records the database as being at exactly these heads (none: base). */
  static void set(Connection connection, List<Row> heads) throws SQLException {
    createIfMissing(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute("delete from " + NAME);
    }
    moveExisting(connection, List.of(), heads);
  }

  /**
   * Moves the record, in a table known to be there: rows for heads no longer heads go, rows for
   * new heads come; the deletes in one batch, the inserts in another (a single transaction's net
   * move is written once, before it commits).
   */
  static void moveExisting(Connection connection, Collection<String> removed, Collection<Row> added)
      throws SQLException {
    if (!removed.isEmpty()) {
      try (PreparedStatement delete = connection.prepareStatement("delete from " + NAME + " where version_num = ?")) {
        for (String revision : removed) {
          delete.setString(1, revision);
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    if (!added.isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement("insert into " + NAME + " (version_num, checksum) values (?, ?)")) {
        for (Row head : added) {
          insert.setString(1, head.revision());
          insert.setString(2, head.checksum());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  /** The same move as {@link #moveExisting}, as SQL for a script. */
  static String moveSql(List<String> removed, List<Row> added) {
    StringBuilder sql = new StringBuilder();
    if (!removed.isEmpty()) {
      sql.append("delete from ").append(NAME).append(" where version_num in (")
          .append(removed.stream().map(VersionTable::literal).collect(Collectors.joining(", "))).append(");\n");
    }
    for (Row head : added) {
      sql.append("insert into ").append(NAME).append(" (version_num, checksum) values (")
          .append(literal(head.revision())).append(", ").append(head.checksum() == null ? "null" : literal(head.checksum()))
          .append(");\n");
    }
    return sql.toString();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
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
    return Database.of(connection).hasTable(connection, name);
  }
}
