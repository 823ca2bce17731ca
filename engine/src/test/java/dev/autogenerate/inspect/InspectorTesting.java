package dev.autogenerate.inspect;

import dev.autogenerate.database.Database;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import dev.autogenerate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared helpers of the inspector tests. */
public final class InspectorTesting {

  private InspectorTesting() {}

  public static void execute(TestDatabase database, String... statements) throws SQLException {
    try (Connection connection = database.open()) {
      execute(connection, statements);
    }
  }

  public static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  public static Schema inspect(TestDatabase database) throws SQLException {
    return inspect(database, TableFilter.defaults());
  }

  public static Schema inspect(TestDatabase database, TableFilter filter) throws SQLException {
    try (Connection connection = database.open()) {
      return Database.forKind(database.kind()).inspector().inspect(connection, filter);
    }
  }

  /** A nullable, non-identity column. */
  public static Column col(String name, SqlType type) {
    return Column.column(name, type);
  }

  public static Column notNull(String name, SqlType type) {
    return Column.column(name, type).notNull();
  }

  public static Column identity(String name, SqlType type) {
    return Column.column(name, type).generatedAsIdentity();
  }

  public static SqlType raw(String name) {
    return SqlType.sqlType(name);
  }

  /** A table from its parts: columns, a primary key, constraints, indexes and a {@link #comment}. */
  public static Table table(String name, Object... parts) {
    List<Column> columns = new ArrayList<>();
    PrimaryKey key = null;
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    String comment = null;
    for (Object part : parts) {
      if (part instanceof Column column) {
        columns.add(column);
      } else if (part instanceof PrimaryKey primaryKey) {
        key = primaryKey;
      } else if (part instanceof UniqueConstraint unique) {
        uniques.add(unique);
      } else if (part instanceof ForeignKey foreignKey) {
        foreignKeys.add(foreignKey);
      } else if (part instanceof CheckConstraint check) {
        checks.add(check);
      } else if (part instanceof Index index) {
        indexes.add(index);
      } else if (part instanceof TableComment tableComment) {
        comment = tableComment.text();
      } else {
        throw new IllegalArgumentException("not a table part: " + part);
      }
    }
    return new Table(name, columns, Optional.ofNullable(key), uniques, foreignKeys, checks, indexes, comment);
  }

  /** A table's comment, as a part for {@link #table}. */
  public record TableComment(String text) {}

  public static TableComment comment(String text) {
    return new TableComment(text);
  }

  public static PrimaryKey pk(String name, String... columns) {
    return new PrimaryKey(name, List.of(columns));
  }

  public static ForeignKey fk(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
    return ForeignKey.foreignKey(name, columns, referencedTable, referencedColumns);
  }

  public static Schema schema(Table... tables) {
    return Schema.of(List.of(tables));
  }

  public static Schema schema(List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {
    return Schema.of(tables, sequences, enumTypes);
  }
}
