package dev.autogenerate.dialect;

import static dev.autogenerate.dialect.SqlIdentifiers.quote;

import dev.autogenerate.schema.PrimaryKey;
import java.util.List;
import java.util.stream.Collectors;

/** DDL fragments both databases spell the same way. */
final class CommonDdl {

  private CommonDdl() {}

  static String columnList(List<String> columns) {
    return columns.stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "));
  }

  static String primaryKeyClause(PrimaryKey key) {
    String constraint = key.name() == null ? "" : "constraint " + quote(key.name()) + " ";
    return constraint + "primary key (" + columnList(key.columns()) + ")";
  }

  /** {@code create table name (\n  element,\n  element\n)}, one element a line. */
  static String createTable(String table, List<String> elements) {
    return "create table " + quote(table) + " (\n  " + String.join(",\n  ", elements) + "\n)";
  }
}
