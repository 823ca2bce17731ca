package dev.autogenerate.project;

import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * The tables of the entities that a database already has while there is no migration at all: a
 * database made by Hibernate's {@code hbm2ddl}, by hand or by another tool, that was never
 * adopted. Comparing it with the entities finds nothing to do, yet a database built from the
 * migrations would have none of these tables; {@code baseline} writes the first migration that
 * creates them and records the database at it. Flyway refuses a schema without its history table
 * for the same reason.
 *
 * @param names the tables, in the entities' order
 */
record UnadoptedTables(List<String> names) {

  /** Where there are migrations: the database is theirs, adopted by a baseline or built by them. */
  static final UnadoptedTables NONE = new UnadoptedTables(List.of());

  UnadoptedTables {
    names = List.copyOf(names);
  }

  /**
   * @param database the database's schema, spelled as the entities spell their names
   * @param entities the entities' schema, without the tables the tool does not own
   */
  static UnadoptedTables in(Schema database, Schema entities) {
    return new UnadoptedTables(entities.tables().keySet().stream().filter(database::hasTable).toList());
  }

  boolean isEmpty() {
    return names.isEmpty();
  }

  private static final String PROBLEM = "there are no migrations, yet the database already has ";

  /** Whether a warning is {@link #warning()}'s: then {@code -m} refuses until a baseline. */
  static boolean isItsWarning(String warning) {
    return warning.startsWith(PROBLEM);
  }

  /** Why nothing built from the migrations is this database, and what adopts it. */
  String problem() {
    return PROBLEM + names.size() + " of the entities' tables ("
        + Project.firstOf(names, 3) + "): a database built from the migrations would lack them";
  }

  /** What {@code check} and an application's start-up report. */
  String warning() {
    return problem() + "; adopt this database as it is with autogenerate baseline -m \"adopt the existing schema\""
        + " (it writes the first migration, creating them, and records the database at it)";
  }

  /** Why {@code -m} writes nothing. */
  String refusal() {
    return problem() + ", and a first migration written now would not create them; adopt this database first with"
        + " autogenerate baseline -m \"adopt the existing schema\", then autogenerate -m MESSAGE for what the entities change";
  }
}
