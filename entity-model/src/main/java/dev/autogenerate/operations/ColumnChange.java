package dev.autogenerate.operations;

import dev.autogenerate.schema.SqlType;

/**
 * One property an {@link AlterColumn} sets. Named like the SQL it becomes, so a migration reads
 * {@code op.alterColumn("users", "email", setNotNull())}.
 */
public sealed interface ColumnChange {

  /** The column's new type. */
  record SetType(SqlType type) implements ColumnChange {}

  /** Whether the column may hold nulls from now on. */
  record SetNullable(boolean nullable) implements ColumnChange {}

  static ColumnChange type(SqlType type) {
    return new SetType(type);
  }

  static ColumnChange setNotNull() {
    return new SetNullable(false);
  }

  static ColumnChange dropNotNull() {
    return new SetNullable(true);
  }
}
