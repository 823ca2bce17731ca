package dev.autogenerate.database.sqlite;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The entities' table and column names as the database already spells them. SQLite tells names
 * apart regardless of ASCII case ({@code Tag} and {@code tag} are one table, and it refuses to
 * rename one to the other), and keeps the case a table was created with: Hibernate's own DDL
 * creates the entity {@code Tag} as {@code Tag}, where the entities are read as {@code tag}, as
 * PostgreSQL folds them. Compared as spelled, such a database wanted every table created beside
 * itself and the old one dropped; taking its spelling, it has no difference, and a migration then
 * names what the database has.
 */
final class DatabaseSpelling {

  private DatabaseSpelling() {}

  static Schema of(Schema entities, Connection connection) throws SQLException {
    Map<String, String> tables = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select name from sqlite_master where type = 'table'")) {
      while (rows.next()) {
        tables.putIfAbsent(folded(rows.getString(1)), rows.getString(1));
      }
    }
    Schema schema = entities;
    for (Table table : entities.tables().values()) {
      String existing = tables.get(folded(table.name()));
      if (existing == null) {
        continue;
      }
      if (!existing.equals(table.name()) && !schema.hasTable(existing)) {
        schema = schema.withTableRenamed(table.name(), existing);
      }
      Map<String, String> columns = columnsOf(connection, existing);
      for (Column column : table.columns()) {
        String spelled = columns.get(folded(column.name()));
        if (spelled != null && !spelled.equals(column.name())
            && schema.requireTable(existing).column(spelled).isEmpty()) {
          schema = schema.withColumnRenamed(existing, column.name(), spelled);
        }
      }
    }
    return schema;
  }

  private static Map<String, String> columnsOf(Connection connection, String table) throws SQLException {
    Map<String, String> columns = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("select name from pragma_table_info(?)")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.putIfAbsent(folded(rows.getString(1)), rows.getString(1));
        }
      }
    }
    return columns;
  }

  /** As SQLite compares names: ASCII letters only. */
  private static String folded(String name) {
    StringBuilder folded = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return folded.toString();
  }
}
