package dev.autogenerate.dialect;

import static dev.autogenerate.dialect.CommonDdl.qualifiedName;
import static dev.autogenerate.dialect.SqlIdentifiers.quote;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQLite. Declared types are spelled the way Hibernate's SQLite dialect spells them, so that an
 * application that validates its schema with Hibernate ({@code hbm2ddl.auto=validate}) accepts
 * what the migrations created. SQLite keeps fewer distinctions than the portable model (it has no
 * {@code timestamptz}, no {@code uuid}); two portable types that SQLite spells alike are the same
 * type here, so the diff on SQLite never reports a difference SQLite cannot store, while the
 * migration itself keeps the portable type for PostgreSQL.
 *
 * <p>SQLite cannot alter a column or add and drop constraints. For those it rebuilds the table:
 * create the new shape under a temporary name, copy the rows, drop the old table, rename the new
 * one, and create the indexes again. Comments and enum types do not exist here and cost nothing.
 * A sequence is what Hibernate emulates it with: a one-row table holding {@code next_val}.
 */
final class SqliteDialect implements SqlDialect {

  private static final String REBUILD_PREFIX = "_autogenerate_rebuild_";

  private static final Set<SqlType.Kind> INTEGER_KINDS =
      EnumSet.of(SqlType.Kind.SMALLINT, SqlType.Kind.INTEGER, SqlType.Kind.BIGINT);

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  @Override
  public String typeName(SqlType type) {
    switch (type.kind()) {
      case DOUBLE: return "double";
      case TIME:
      case TIME_TZ: return "time";
      case TIMESTAMP:
      case TIMESTAMP_TZ: return "timestamp";
      case UUID:
      case BINARY: return "blob";
      case JSON: return "json";
      default: return TypeSpelling.common(type);
    }
  }

  /**
   * Types are the same when SQLite spells them alike. An identity column must be declared exactly
   * {@code integer} to become SQLite's rowid alias, so there any integer width is the same type.
   */
  @Override
  public boolean sameType(SqlType databaseType, SqlType entityType, boolean identity) {
    if (identity && INTEGER_KINDS.contains(databaseType.kind()) && INTEGER_KINDS.contains(entityType.kind())) {
      return true;
    }
    return typeName(databaseType).equals(typeName(entityType));
  }

  @Override
  public boolean supportsComments() {
    return false;
  }

  @Override
  public boolean supportsEnumTypes() {
    return false;
  }

  @Override
  public boolean foreignKeysMayReferenceLaterTables() {
    return true;
  }

  @Override
  public boolean comparesSequenceIncrement() {
    return false;
  }

  @Override
  public List<String> statements(Operation operation, Schema before) {
    if (operation instanceof CreateTable create) {
      return List.of(createTable(create.table().name(), create.table()));
    }
    if (operation instanceof DropTable drop) {
      return List.of("drop table " + qualifiedName(drop.table()));
    }
    if (operation instanceof AddColumn add) {
      Column column = add.column();
      if (!column.nullable() && column.defaultSql() == null) {
        return rebuild(before.requireTable(add.table()), add.applyTo(before).requireTable(add.table()));
      }
      return List.of("alter table " + qualifiedName(add.table()) + " add column " + columnDefinition(column, false));
    }
    if (operation instanceof DropColumn drop) {
      Table table = before.requireTable(drop.table());
      if (isConstrained(table, drop.column())) {
        return rebuild(table, drop.applyTo(before).requireTable(drop.table()));
      }
      return List.of("alter table " + qualifiedName(drop.table()) + " drop column " + quote(drop.column()));
    }
    if (operation instanceof AlterColumn alter) {
      boolean commentOnly = alter.changes().size() == 1 && alter.newComment().isPresent();
      return commentOnly ? List.of() : rebuild(before.requireTable(alter.table()),
          alter.applyTo(before).requireTable(alter.table()));
    }
    if (operation instanceof AddConstraint || operation instanceof DropConstraint) {
      String table = operation instanceof AddConstraint add ? add.table() : ((DropConstraint) operation).table();
      return rebuild(before.requireTable(table), operation.applyTo(before).requireTable(table));
    }
    if (operation instanceof CreateIndex create) {
      return List.of(CommonDdl.createIndex(create.table(), create.index()));
    }
    if (operation instanceof DropIndex drop) {
      return List.of("drop index " + quote(drop.name()));
    }
    if (operation instanceof CreateSequence create) {
      // Hibernate's emulation of a sequence on SQLite: a table with one row holding the next value.
      String table = quote(create.sequence().name());
      return List.of("create table " + table + " (next_val bigint)",
          "insert into " + table + " (next_val) values (" + create.sequence().startWith() + ")");
    }
    if (operation instanceof DropSequence drop) {
      return List.of("drop table " + quote(drop.name()));
    }
    if (operation instanceof SetTableComment || operation instanceof CreateEnumType
        || operation instanceof DropEnumType || operation instanceof AlterEnumType) {
      return List.of();
    }
    if (operation instanceof ExecuteSql execute) {
      return List.of(execute.sql());
    }
    throw new IllegalArgumentException("SQLite cannot run " + operation.describe());
  }

  private String createTable(String name, Table table) {
    boolean rowidAlias = rowidAlias(table) != null;
    List<String> elements = new ArrayList<>();
    table.columns().forEach(column -> elements.add(columnDefinition(column, rowidAlias && column.identity())));
    table.constraints().stream()
        .filter(constraint -> !(rowidAlias && constraint == table.primaryKey().orElse(null)))
        .forEach(constraint -> elements.add(CommonDdl.constraintClause(constraint)));
    return CommonDdl.createTable(name, elements);
  }

  /** The identity column that can be SQLite's autoincrementing rowid alias, or null. */
  private static Column rowidAlias(Table table) {
    if (table.primaryKey().isEmpty() || table.primaryKey().get().columns().size() != 1) {
      return null;
    }
    String keyColumn = table.primaryKey().get().columns().get(0);
    Column column = table.column(keyColumn).orElseThrow();
    return column.identity() && INTEGER_KINDS.contains(column.type().kind()) ? column : null;
  }

  private String columnDefinition(Column column, boolean rowidAlias) {
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
  private static String parenthesizedIfExpression(String defaultSql) {
    String trimmed = defaultSql.trim();
    boolean literal = trimmed.matches("-?\\d+(\\.\\d+)?|'([^']|'')*'|(?i)null|true|false|current_(time|date|timestamp)")
        || (trimmed.startsWith("(") && trimmed.endsWith(")"));
    return literal ? trimmed : "(" + trimmed + ")";
  }

  private static boolean isConstrained(Table table, String column) {
    return table.constraints().stream().anyMatch(constraint -> constraint.columns().contains(column))
        || table.checks().stream().anyMatch(check -> check.expression().contains(column))
        || table.indexes().stream().anyMatch(index -> !index.isManaged() || index.columnNames().contains(column));
  }

  /** The statements that turn table {@code from} into {@code to}, keeping the rows and the indexes. */
  private List<String> rebuild(Table from, Table to) {
    String temporary = REBUILD_PREFIX + to.name();
    String copied = to.columns().stream()
        .map(Column::name)
        .filter(from::hasColumn)
        .map(SqlIdentifiers::quote)
        .collect(Collectors.joining(", "));
    List<String> statements = new ArrayList<>();
    statements.add(createTable(temporary, to));
    statements.add("insert into " + quote(temporary) + " (" + copied + ") select " + copied + " from "
        + qualifiedName(from.name()));
    statements.add("drop table " + qualifiedName(from.name()));
    statements.add("alter table " + quote(temporary) + " rename to " + quote(to.name()));
    for (Index index : to.indexes()) {
      statements.add(CommonDdl.createIndex(to.name(), index));
    }
    return statements;
  }
}
