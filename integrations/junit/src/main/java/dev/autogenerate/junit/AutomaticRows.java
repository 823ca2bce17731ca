package dev.autogenerate.junit;

import dev.autogenerate.database.Database;
import dev.autogenerate.database.SqlIdentifiers;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row in every empty table, without the project saying how: after each revision, each table
 * with no rows gets a row whose values follow from its columns' types, its foreign keys taking
 * a row of the table they reference (tables are filled parents first).
 *
 * <p>Only where that is safe: identity columns and columns with a default are left to the
 * database; a column of a type it cannot make up a value for (binary, a type only one database
 * knows) stays null, or, when it must not be null, the table stays empty; each insert runs in a
 * savepoint, so one a check or trigger refuses leaves the table empty and changes nothing else.
 */
final class AutomaticRows implements RowSeeder {

  private final TableFilter filter;

  AutomaticRows(TableFilter filter) {
    this.filter = filter;
  }

  @Override
  public void seed(String revision, Connection connection) throws SQLException {
    Schema schema = Database.of(connection).inspect(connection, filter);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      Set<String> tried = new HashSet<>();
      // Parents before children: a pass fills what it can, the next what those rows made possible.
      for (boolean progress = true; progress; ) {
        progress = false;
        for (Table table : schema.tables().values()) {
          if (tried.contains(table.name()) || count(connection, table.name()) > 0) {
            continue;
          }
          Optional<String> insert = insert(connection, schema, table);
          if (insert.isPresent()) {
            tried.add(table.name());
            progress |= inserted(connection, insert.get());
          }
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The insert of one row, or empty when a column cannot have a value yet (its parent table is empty). */
  private static Optional<String> insert(Connection connection, Schema schema, Table table) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    for (ForeignKey key : table.foreignKeys()) {
      Optional<List<String>> parent = firstRow(connection, key.referencedTable(), key.referencedColumns());
      if (parent.isPresent()) {
        for (int i = 0; i < key.columns().size(); i++) {
          values.put(key.columns().get(i), parent.get().get(i));
        }
      } else if (key.columns().stream().anyMatch(column -> !table.column(column).map(Column::nullable).orElse(true))) {
        return Optional.empty();
      }
    }
    for (Column column : table.columns()) {
      if (values.containsKey(column.name()) || column.identity() || column.defaultSql() != null
          || table.foreignKeys().stream().anyMatch(key -> key.columns().contains(column.name()))) {
        continue;
      }
      Optional<String> value = literal(column.type(), schema);
      if (value.isPresent()) {
        values.put(column.name(), value.get());
      } else if (!column.nullable()) {
        return Optional.empty();
      }
    }
    String target = TableRows.quoted(table.name());
    if (values.isEmpty()) {
      return Optional.of("insert into " + target + " default values");
    }
    return Optional.of("insert into " + target + " ("
        + values.keySet().stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", ")) + ") values ("
        + String.join(", ", values.values()) + ")");
  }

  /** A value of the type as an SQL literal both databases read, or empty for a type it cannot make one up for. */
  private static Optional<String> literal(SqlType type, Schema schema) {
    return Optional.ofNullable(switch (type.kind()) {
      case BOOLEAN -> "true";
      case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, NUMERIC -> "1";
      case CHAR, VARCHAR, TEXT -> "'a'";
      case DATE -> "'2020-01-02'";
      case TIME -> "'03:04:05'";
      case TIME_TZ -> "'03:04:05+00'";
      case TIMESTAMP -> "'2020-01-02 03:04:05'";
      case TIMESTAMP_TZ -> "'2020-01-02 03:04:05+00'";
      case UUID -> "'00000000-0000-0000-0000-000000000001'";
      case JSON -> "'{}'";
      case BINARY -> null;
      case RAW -> schema.enumTypes().values().stream()
          .filter(enumType -> enumType.name().equalsIgnoreCase(type.rawName()) && !enumType.values().isEmpty())
          .findFirst().map(EnumType::values).map(values -> quote(values.get(0))).orElse(null);
    });
  }

  private static Optional<List<String>> firstRow(Connection connection, String table, List<String> columns)
      throws SQLException {
    String select = "select " + columns.stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "))
        + " from " + TableRows.quoted(table) + " limit 1";
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(select)) {
      if (!row.next()) {
        return Optional.empty();
      }
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= columns.size(); i++) {
        String value = row.getString(i);
        values.add(value == null ? "null" : quote(value));
      }
      return Optional.of(values);
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select count(*) from " + TableRows.quoted(table))) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Runs the insert in a savepoint; a refused row is undone alone and leaves its table empty. */
  private static boolean inserted(Connection connection, String insert) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (Statement statement = connection.createStatement()) {
      statement.execute(insert);
      connection.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException refused) {
      connection.rollback(savepoint);
      return false;
    }
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
