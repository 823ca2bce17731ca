package dev.autogenerate.schema;

import java.util.List;

/**
 * A constraint on a table. Constraints are compared by what they constrain (columns, referenced
 * table, expression), never by name alone: each database names unnamed constraints its own way.
 */
public sealed interface TableConstraint extends TableElement
    permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint {

  /** The constraint's name, or null when the database is to choose it. */
  String name();

  /** The constrained columns, in order; empty for a check constraint. */
  List<String> columns();
}
