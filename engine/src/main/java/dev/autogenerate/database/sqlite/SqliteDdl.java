package dev.autogenerate.database.sqlite;

import static dev.autogenerate.database.SqlIdentifiers.quote;

import dev.autogenerate.database.Ddl;
import dev.autogenerate.database.TypeSpelling;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How SQLite declares tables and columns. Types are spelled the way Hibernate's SQLite dialect
 * spells them, so that an application that validates its schema with Hibernate
 * ({@code hbm2ddl.auto=validate}) accepts what the migrations created. An identity column with an
 * integer type that is the whole primary key becomes SQLite's rowid alias.
 */
final class SqliteDdl {

  static final Set<SqlType.Kind> INTEGER_KINDS = EnumSet.of(SqlType.Kind.SMALLINT, SqlType.Kind.INTEGER, SqlType.Kind.BIGINT);

  private SqliteDdl() {}

  /** The type as SQLite's DDL (and Hibernate's SQLite dialect) spells it. */
  static String typeName(SqlType type) {
    switch (type.kind()) {
      case DOUBLE: return "double";
      case TIME:
      case TIME_TZ: return "time";
      case TIMESTAMP:
      case TIMESTAMP_TZ: return "timestamp";
      case UUID:
      case BINARY: return "blob";
      case JSON: return "json";
      case RAW: return type.equals(LARGE_OBJECT) ? "blob" : type.rawName();
      default: return TypeSpelling.common(type);
    }
  }

  /**
   * PostgreSQL's large object reference, which Hibernate's PostgreSQL dialect (the one the entities
   * are read with) makes of every {@code @Lob}. SQLite has no such type, and a column declared
   * {@code oid} would have numeric affinity, storing the text '00123' as the number 123: spelled
   * {@code blob}, the column keeps each value as it is given, text or bytes.
   */
  static final SqlType LARGE_OBJECT = SqlType.sqlType("oid");

  /** {@code create table name (...)} for a table of the given shape. */
  static String createTable(String name, Table table) {
    boolean rowidAlias = rowidAlias(table) != null;
    List<String> elements = new ArrayList<>();
    table.columns().forEach(column -> elements.add(columnDefinition(column, rowidAlias && column.identity())));
    table.constraints().stream()
        .filter(constraint -> !(rowidAlias && constraint == table.primaryKey().orElse(null)))
        .forEach(constraint -> elements.add(Ddl.constraintClause(constraint)));
    return Ddl.createTable(name, elements);
  }

  /** The identity column that can be SQLite's autoincrementing rowid alias, or null. */
  static Column rowidAlias(Table table) {
    if (table.primaryKey().isEmpty() || table.primaryKey().get().columns().size() != 1) {
      return null;
    }
    String keyColumn = table.primaryKey().get().columns().get(0);
    Column column = table.column(keyColumn).orElseThrow();
    return column.identity() && INTEGER_KINDS.contains(column.type().kind()) ? column : null;
  }

  static String columnDefinition(Column column, boolean rowidAlias) {
    if (rowidAlias) {
      return quote(column.name()) + " integer primary key autoincrement";
    }
    StringBuilder definition = new StringBuilder(quote(column.name())).append(' ').append(typeName(column.type()));
    if (column.defaultSql() != null) {
      definition.append(" default ").append(parenthesizedIfExpression(column.defaultSql()));
    }
    if (!column.nullable()) {
      definition.append(" not null");
    }
    return definition.toString();
  }

  /** SQLite takes a literal default as it is, but an expression only in parentheses. */
  static String parenthesizedIfExpression(String defaultSql) {
    String trimmed = defaultSql.trim();
    boolean literal = trimmed.matches("-?\\d+(\\.\\d+)?|'([^']|'')*'|(?i)null|true|false|current_(time|date|timestamp)")
        || isOneParenthesizedGroup(trimmed);
    return literal ? trimmed : "(" + trimmed + ")";
  }

  /**
   * Whether the whole text is one parenthesis and what it encloses: {@code (1 + 2)}, but not
   * {@code (1) + (2)}, which starts and ends with one too. Parentheses in quotes do not count.
   */
  private static boolean isOneParenthesizedGroup(String text) {
    if (!text.startsWith("(") || !text.endsWith(")")) {
      return false;
    }
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0; // a doubled quote closes and reopens: the same for counting
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0 && i < text.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0 && quote == 0;
  }

  /** {@code create view "name" as query}, as the diff and a table rebuild create a view again. */
  static String createView(String name, String definition) {
    return "create view " + quote(name) + " as " + definition;
  }
}
