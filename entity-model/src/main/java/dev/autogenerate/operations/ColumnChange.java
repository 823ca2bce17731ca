package dev.autogenerate.operations;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.SqlType;

/**
 * One property an {@link AlterColumn} sets. Named like the SQL it becomes, so a migration reads
 * {@code op.alterColumn("users", "email", setNotNull(), setDefault("''"))}.
 */
public sealed interface ColumnChange {

  /** The column with this change made. */
  Column applyTo(Column column);

  /** The change that restores what {@code before} had. */
  ColumnChange inverse(Column before);

  /** As a reader says it: {@code type bigint}, {@code set not null}, {@code drop default}. */
  String describe();

  /** The column's new type. */
  record SetType(SqlType type) implements ColumnChange {
    @Override
    public Column applyTo(Column column) {
      return column.withType(type);
    }

    @Override
    public ColumnChange inverse(Column before) {
      return new SetType(before.type());
    }

    @Override
    public String describe() {
      return "type " + type;
    }
  }

  /** Whether the column may hold nulls from now on. */
  record SetNullable(boolean nullable) implements ColumnChange {
    @Override
    public Column applyTo(Column column) {
      return column.withNullable(nullable);
    }

    @Override
    public ColumnChange inverse(Column before) {
      return new SetNullable(before.nullable());
    }

    @Override
    public String describe() {
      return nullable ? "drop not null" : "set not null";
    }
  }

  /**
   * Whether the database generates the column's values (an identity): {@code addIdentity()} on
   * PostgreSQL starts the identity past the values the rows hold; {@code dropIdentity()} leaves the
   * values to the application (a sequence it reads, say).
   */
  record SetIdentity(boolean identity) implements ColumnChange {
    @Override
    public Column applyTo(Column column) {
      return column.withIdentity(identity);
    }

    @Override
    public ColumnChange inverse(Column before) {
      return new SetIdentity(before.identity());
    }

    @Override
    public String describe() {
      return identity ? "add identity" : "drop identity";
    }
  }

  /** The column's server default, as SQL; null drops the default. */
  record SetDefault(String sql) implements ColumnChange {
    public SetDefault {
      sql = sql == null || sql.isBlank() ? null : sql;
    }

    @Override
    public Column applyTo(Column column) {
      return column.defaultSql(sql);
    }

    @Override
    public ColumnChange inverse(Column before) {
      return new SetDefault(before.defaultSql());
    }

    @Override
    public String describe() {
      return sql == null ? "drop default" : "set default " + sql;
    }
  }

  /** The column's comment; null removes it. */
  record SetComment(String comment) implements ColumnChange {
    public SetComment {
      comment = comment == null || comment.isBlank() ? null : comment;
    }

    @Override
    public Column applyTo(Column column) {
      return column.comment(comment);
    }

    @Override
    public ColumnChange inverse(Column before) {
      return new SetComment(before.comment());
    }

    @Override
    public String describe() {
      return comment == null ? "drop comment" : "set comment";
    }
  }

  static ColumnChange type(SqlType type) {
    return new SetType(type);
  }

  static ColumnChange setNotNull() {
    return new SetNullable(false);
  }

  static ColumnChange dropNotNull() {
    return new SetNullable(true);
  }

  static ColumnChange addIdentity() {
    return new SetIdentity(true);
  }

  static ColumnChange dropIdentity() {
    return new SetIdentity(false);
  }

  static ColumnChange setDefault(String sql) {
    return new SetDefault(sql);
  }

  static ColumnChange dropDefault() {
    return new SetDefault(null);
  }

  static ColumnChange setComment(String comment) {
    return new SetComment(comment);
  }

  static ColumnChange dropComment() {
    return new SetComment(null);
  }
}
