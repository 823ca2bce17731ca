package dev.autogenerate.dialect;

import static dev.autogenerate.dialect.CommonDdl.literal;
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
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL: transactional DDL, and an {@code alter} for everything this model changes. */
final class PostgresDialect implements SqlDialect {

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }

  @Override
  public String typeName(SqlType type) {
    switch (type.kind()) {
      case DOUBLE: return "double precision";
      case TIME: return TypeSpelling.withPrecision("time", type);
      case TIME_TZ: return TypeSpelling.withPrecision("time", type) + " with time zone";
      case TIMESTAMP: return TypeSpelling.withPrecision("timestamp", type);
      case TIMESTAMP_TZ: return TypeSpelling.withPrecision("timestamp", type) + " with time zone";
      case UUID: return "uuid";
      // bytea has no length; a declared binary length is a Java-side limit only.
      case BINARY: return "bytea";
      case JSON: return "jsonb";
      default: return TypeSpelling.common(type);
    }
  }

  @Override
  public boolean sameType(SqlType databaseType, SqlType entityType, boolean identity) {
    if (databaseType.kind() == SqlType.Kind.BINARY && entityType.kind() == SqlType.Kind.BINARY) {
      return true;
    }
    return databaseType.equals(entityType);
  }

  @Override
  public boolean supportsComments() {
    return true;
  }

  @Override
  public boolean supportsEnumTypes() {
    return true;
  }

  @Override
  public boolean foreignKeysMayReferenceLaterTables() {
    return false;
  }

  @Override
  public boolean comparesSequenceIncrement() {
    return true;
  }

  @Override
  public List<String> statements(Operation operation, Schema before) {
    if (operation instanceof CreateTable create) {
      return createTable(create.table());
    }
    if (operation instanceof DropTable drop) {
      return List.of("drop table " + qualifiedName(drop.table()));
    }
    if (operation instanceof AddColumn add) {
      List<String> statements = new ArrayList<>();
      statements.add("alter table " + qualifiedName(add.table()) + " add column " + columnDefinition(add.column()));
      columnComment(add.table(), add.column().name(), add.column().comment(), false).forEach(statements::add);
      return statements;
    }
    if (operation instanceof DropColumn drop) {
      return List.of("alter table " + qualifiedName(drop.table()) + " drop column " + quote(drop.column()));
    }
    if (operation instanceof AlterColumn alter) {
      return alterColumn(alter);
    }
    if (operation instanceof SetTableComment comment) {
      return List.of("comment on table " + qualifiedName(comment.table()) + " is "
          + (comment.comment() == null ? "null" : literal(comment.comment())));
    }
    if (operation instanceof AddConstraint add) {
      return List.of("alter table " + qualifiedName(add.table()) + " add " + CommonDdl.constraintClause(add.constraint()));
    }
    if (operation instanceof DropConstraint drop) {
      return List.of("alter table " + qualifiedName(drop.table()) + " drop constraint " + quote(drop.name()));
    }
    if (operation instanceof CreateIndex create) {
      return List.of(CommonDdl.createIndex(create.table(), create.index()));
    }
    if (operation instanceof DropIndex drop) {
      // Index names are scoped by schema: the index is in its table's schema.
      return List.of("drop index " + CommonDdl.inSchemaOf(drop.table(), drop.name()));
    }
    if (operation instanceof CreateSequence create) {
      return List.of("create sequence " + qualifiedName(create.sequence().name()) + " start with "
          + create.sequence().startWith() + " increment by " + create.sequence().incrementBy());
    }
    if (operation instanceof DropSequence drop) {
      return List.of("drop sequence " + qualifiedName(drop.name()));
    }
    if (operation instanceof CreateEnumType create) {
      return List.of(createEnumType(create.enumType()));
    }
    if (operation instanceof DropEnumType drop) {
      return List.of("drop type " + quote(drop.name()));
    }
    if (operation instanceof AlterEnumType alter) {
      return alterEnumType(alter, before);
    }
    if (operation instanceof ExecuteSql execute) {
      return List.of(execute.sql());
    }
    throw new IllegalArgumentException("PostgreSQL cannot run " + operation.describe());
  }

  private List<String> createTable(Table table) {
    List<String> elements = new ArrayList<>();
    table.columns().forEach(column -> elements.add(columnDefinition(column)));
    table.constraints().forEach(constraint -> elements.add(CommonDdl.constraintClause(constraint)));
    List<String> statements = new ArrayList<>();
    statements.add(CommonDdl.createTable(table.name(), elements));
    for (Column column : table.columns()) {
      columnComment(table.name(), column.name(), column.comment(), false).forEach(statements::add);
    }
    return statements;
  }

  private String columnDefinition(Column column) {
    StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(typeName(column.type()));
    if (column.defaultSql() != null) {
      sql.append(" default ").append(column.defaultSql());
    }
    if (column.identity()) {
      sql.append(" generated by default as identity");
    } else if (!column.nullable()) {
      sql.append(" not null");
    }
    return sql.toString();
  }

  private List<String> alterColumn(AlterColumn alter) {
    String column = quote(alter.column());
    List<String> actions = new ArrayList<>();
    alter.newType().ifPresent(type -> {
      String typeName = typeName(type);
      // USING lets PostgreSQL convert where no implicit cast exists (text -> integer, ...).
      actions.add("alter column " + column + " type " + typeName + " using " + column + "::" + typeName);
    });
    alter.newNullable().ifPresent(nullable ->
        actions.add("alter column " + column + (nullable ? " drop not null" : " set not null")));
    alter.newDefault().ifPresent(change -> actions.add("alter column " + column
        + (change.sql() == null ? " drop default" : " set default " + change.sql())));
    List<String> statements = new ArrayList<>();
    if (!actions.isEmpty()) {
      statements.add("alter table " + qualifiedName(alter.table()) + " " + String.join(", ", actions));
    }
    alter.newComment().ifPresent(change ->
        statements.addAll(columnComment(alter.table(), alter.column(), change.comment(), true)));
    return statements;
  }

  private static List<String> columnComment(String table, String column, String comment, boolean evenIfNull) {
    if (comment == null && !evenIfNull) {
      return List.of();
    }
    return List.of("comment on column " + qualifiedName(table) + "." + quote(column) + " is "
        + (comment == null ? "null" : literal(comment)));
  }

  private static String createEnumType(EnumType type) {
    return "create type " + quote(type.name()) + " as enum ("
        + type.values().stream().map(CommonDdl::literal).collect(Collectors.joining(", ")) + ")";
  }

  /**
   * New values are added in place. Anything else (a value removed, the order changed) takes the
   * safe recipe: rename the old type, create the new one, convert each column of the type
   * through text, drop the old type. The conversion fails, and the revision rolls back, if a row
   * still holds a value the new type lacks. Never {@code drop type ... cascade}.
   */
  private List<String> alterEnumType(AlterEnumType alter, Schema before) {
    EnumType existing = before.enumType(alter.name())
        .orElseThrow(() -> new IllegalArgumentException("no enum type " + alter.name()));
    List<String> statements = new ArrayList<>();
    if (alter.onlyAddsValuesTo(existing.values())) {
      List<String> values = alter.values();
      for (int i = 0; i < values.size(); i++) {
        String value = values.get(i);
        if (!existing.values().contains(value)) {
          String position = i + 1 < values.size() && existing.values().contains(values.get(i + 1))
              ? " before " + literal(values.get(i + 1))
              : i > 0 ? " after " + literal(values.get(i - 1)) : "";
          statements.add("alter type " + quote(alter.name()) + " add value " + literal(value) + position);
        }
      }
      return statements;
    }
    String old = alter.name() + "_old";
    statements.add("alter type " + quote(alter.name()) + " rename to " + quote(old));
    statements.add(createEnumType(new EnumType(alter.name(), alter.values())));
    SqlType enumType = SqlType.sqlType(alter.name());
    for (Table table : before.tables().values()) {
      for (Column column : table.columns()) {
        if (column.type().equals(enumType)) {
          String name = quote(column.name());
          String target = qualifiedName(table.name());
          if (column.defaultSql() != null) {
            statements.add("alter table " + target + " alter column " + name + " drop default");
          }
          statements.add("alter table " + target + " alter column " + name + " type " + quote(alter.name())
              + " using " + name + "::text::" + quote(alter.name()));
          if (column.defaultSql() != null) {
            statements.add("alter table " + target + " alter column " + name + " set default " + column.defaultSql());
          }
        }
      }
    }
    statements.add("drop type " + quote(old));
    return statements;
  }
}
