package dev.autogenerate.dialect;

import static dev.autogenerate.dialect.SqlIdentifiers.quote;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.DatabaseKind;
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
 * <p>SQLite cannot alter a column, nor add a NOT NULL column without a default. For those it
 * rebuilds the table: create the new shape under a temporary name, copy the rows, drop the old
 * table, rename the new one.
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
      case BOOLEAN: return "boolean";
      case SMALLINT: return "smallint";
      case INTEGER: return "integer";
      case BIGINT: return "bigint";
      case REAL: return "real";
      case DOUBLE: return "double";
      case NUMERIC: return TypeSpelling.withPrecision("numeric", type);
      case CHAR: return TypeSpelling.withLength("char", type);
      case VARCHAR: return TypeSpelling.withLength("varchar", type);
      case TEXT: return "text";
      case DATE: return "date";
      case TIME:
      case TIME_TZ: return "time";
      case TIMESTAMP:
      case TIMESTAMP_TZ: return "timestamp";
      case UUID:
      case BINARY: return "blob";
      case JSON: return "json";
      case RAW: return type.rawName();
      default: throw new IllegalArgumentException("no SQLite type for " + type);
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
  public List<String> statements(Operation operation, Schema before) {
    if (operation instanceof CreateTable create) {
      return List.of(createTable(create.table().name(), create.table()));
    }
    if (operation instanceof DropTable drop) {
      return List.of("drop table " + quote(drop.table()));
    }
    if (operation instanceof AddColumn add) {
      if (!add.column().nullable()) {
        return rebuild(before.requireTable(add.table()), add.applyTo(before).requireTable(add.table()));
      }
      return List.of("alter table " + quote(add.table()) + " add column " + columnDefinition(add.column(), false));
    }
    if (operation instanceof DropColumn drop) {
      return List.of("alter table " + quote(drop.table()) + " drop column " + quote(drop.column()));
    }
    if (operation instanceof AlterColumn alter) {
      return rebuild(before.requireTable(alter.table()), alter.applyTo(before).requireTable(alter.table()));
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
    if (!rowidAlias) {
      table.primaryKey().ifPresent(key -> elements.add(CommonDdl.primaryKeyClause(key)));
    }
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
    String definition = quote(column.name()) + " " + typeName(column.type());
    return column.nullable() ? definition : definition + " not null";
  }

  /** The statements that turn table {@code from} into {@code to}, keeping the rows. */
  private List<String> rebuild(Table from, Table to) {
    String temporary = REBUILD_PREFIX + to.name();
    String copied = to.columns().stream()
        .map(Column::name)
        .filter(from::hasColumn)
        .map(SqlIdentifiers::quote)
        .collect(Collectors.joining(", "));
    return List.of(
        createTable(temporary, to),
        "insert into " + quote(temporary) + " (" + copied + ") select " + copied + " from " + quote(from.name()),
        "drop table " + quote(from.name()),
        "alter table " + quote(temporary) + " rename to " + quote(to.name()));
  }
}
