package dev.autogenerate.database;

import static dev.autogenerate.database.SqlIdentifiers.quote;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;
import java.util.stream.Collectors;

/** DDL fragments both databases spell the same way. */
public final class Ddl {

  private Ddl() {}

  public static String columnList(List<String> columns) {
    return columns.stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "));
  }

  /** A table constraint as {@code create table} and {@code add constraint} spell it. */
  public static String constraintClause(TableConstraint constraint) {
    String prefix = constraint.name() == null ? "" : "constraint " + quote(constraint.name()) + " ";
    if (constraint instanceof PrimaryKey key) {
      return prefix + "primary key (" + columnList(key.columns()) + ")";
    }
    if (constraint instanceof UniqueConstraint unique) {
      return prefix + "unique (" + columnList(unique.columns()) + ")";
    }
    if (constraint instanceof CheckConstraint check) {
      return prefix + "check (" + check.expression() + ")";
    }
    ForeignKey key = (ForeignKey) constraint;
    StringBuilder clause = new StringBuilder(prefix)
        .append("foreign key (").append(columnList(key.columns())).append(") references ")
        .append(qualifiedName(key.referencedTable())).append(" (").append(columnList(key.referencedColumns())).append(")");
    if (key.onDelete() != ReferentialAction.NO_ACTION) {
      clause.append(" on delete ").append(key.onDelete().sql());
    }
    if (key.onUpdate() != ReferentialAction.NO_ACTION) {
      clause.append(" on update ").append(key.onUpdate().sql());
    }
    return clause.toString();
  }

  /** {@code create [unique] index name on table (a, b desc)}, or the verbatim definition. */
  public static String createIndex(String table, Index index) {
    return createIndex(table, index, false);
  }

  /** The same, {@code create index concurrently} when asked (PostgreSQL, outside a transaction). */
  public static String createIndex(String table, Index index, boolean concurrently) {
    if (!index.isManaged()) {
      return index.definition();
    }
    String columns = index.columns().stream()
        .map(column -> quote(column.name()) + (column.descending() ? " desc" : ""))
        .collect(Collectors.joining(", "));
    return "create " + (index.unique() ? "unique " : "") + "index " + (concurrently ? "concurrently " : "")
        + quote(index.name()) + " on "
        + qualifiedName(table) + " (" + columns + ")";
  }

  /** A table name that may be qualified by its schema: {@code sales.orders}. */
  public static String qualifiedName(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
  }

  /** An object named in the schema of {@code table}: {@code sales.ix_orders_placed} for {@code sales.orders}. */
  public static String inSchemaOf(String table, String name) {
    int dot = table.indexOf('.');
    return dot < 0 ? quote(name) : quote(table.substring(0, dot)) + "." + quote(name);
  }

  /** A SQL string literal. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** {@code create table name (\n  element,\n  element\n)}, one element a line. */
  public static String createTable(String table, List<String> elements) {
    return "create table " + qualifiedName(table) + " (\n  " + String.join(",\n  ", elements) + "\n)";
  }
}
