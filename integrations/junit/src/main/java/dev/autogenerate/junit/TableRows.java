package dev.autogenerate.junit;

import dev.autogenerate.database.SqlIdentifiers;
import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rows of one table at one moment, each as {@code {column=value, ...}} with the columns in
 * name order and the values as the driver gives them as text, sorted: two snapshots are equal when
 * the table holds the same rows, whatever their physical order or the order of its columns.
 */
record TableRows(String table, List<String> rows) {

  TableRows {
    rows = List.copyOf(rows);
  }

  static TableRows read(Connection connection, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select * from " + quoted(table))) {
      ResultSetMetaData columns = result.getMetaData();
      while (result.next()) {
        Map<String, String> row = new TreeMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          Object value = result.getObject(i);
          row.put(columns.getColumnLabel(i), value instanceof byte[] bytes ? Arrays.toString(bytes) : result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    Collections.sort(rows);
    return new TableRows(table, rows);
  }

  /** The rows this snapshot has and {@code later} lacks, counted as many times as they repeat. */
  List<String> missingFrom(TableRows later) {
    List<String> left = new ArrayList<>(later.rows);
    List<String> missing = new ArrayList<>();
    for (String row : rows) {
      if (!left.remove(row)) {
        missing.add(row);
      }
    }
    return missing;
  }

  /** At most three rows, for a message. */
  static String sample(List<String> rows) {
    String shown = rows.stream().limit(3).collect(Collectors.joining(", "));
    return rows.size() > 3 ? shown + ", ..." : shown;
  }

  /** {@code orders}, {@code sales.orders}, {@code "Order"}: each part quoted as the database needs. */
  static String quoted(String table) {
    String schema = Schema.schemaOf(table);
    String name = SqlIdentifiers.quote(Schema.unqualified(table));
    return schema == null ? name : SqlIdentifiers.quote(schema) + "." + name;
  }
}
