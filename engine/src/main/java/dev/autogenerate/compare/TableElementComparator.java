package dev.autogenerate.compare;

import dev.autogenerate.schema.Table;

/**
 * Compares one kind of object (columns, keys, foreign keys, checks, indexes, the comment) of a
 * table that both sides have, as Alembic's {@code compare/} has one function per kind. Each is a
 * function of the two tables: it records what it finds in {@code changes} and reads nothing else.
 */
interface TableElementComparator {

  /**
   * @param existing the table as the database has it
   * @param wanted the table as the entities map it, names filled in by the naming convention
   */
  void compare(Table existing, Table wanted, TableChanges changes);
}
