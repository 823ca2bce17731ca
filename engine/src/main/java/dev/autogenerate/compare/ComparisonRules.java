package dev.autogenerate.compare;

import dev.autogenerate.schema.SqlType;

/**
 * What the comparison must know about the database it compares against. Each database supplies
 * its own ({@code dev.autogenerate.database.Database#comparisonRules()}); the comparators know
 * no database by name.
 */
public interface ComparisonRules {

  /**
   * Whether a column declared with {@code entityType} and one the database reports as
   * {@code databaseType} hold the same type here. Both come through the same parser, so this only
   * decides what the parser cannot, such as lengths this database ignores.
   *
   * @param identity whether the column is an identity column on both sides
   */
  boolean sameType(SqlType databaseType, SqlType entityType, boolean identity);

  /**
   * Whether every portable type is stored as itself, so {@link #sameType} sees every change of
   * type; where not (SQLite declares {@code timestamp} and {@code timestamptz} alike), the type
   * the applied migrations gave a column is compared too, for the databases that tell them apart.
   */
  default boolean storesExactTypes() {
    return true;
  }

  /**
   * Whether an integer primary key numbers its rows by itself whatever was declared, so that the
   * database reads it as an identity where the migrations made none (SQLite's rowid alias); the
   * identity the applied migrations gave the column then says what it is, for the databases that
   * tell them apart.
   */
  default boolean integerKeysNumberThemselves() {
    return false;
  }

  /**
   * What a reviewer should know of a column's type change here beyond the types, appended to its
   * note ({@code " (...)"}); none by default.
   */
  default String typeChangeNote(SqlType from, SqlType to) {
    return "";
  }

  /**
   * Whether a column default is how the database fills an id rather than a default the mapping
   * states (PostgreSQL's {@code nextval('users_id_seq')} on a serial column).
   */
  boolean isGeneratedDefault(String defaultSql);

  /**
   * Whether a foreign key may name a table or key that does not exist yet within a revision. Where
   * it may (SQLite checks references only when the revision commits), each table's changes,
   * foreign keys included, run together; where not, foreign keys are dropped before and added
   * after every table's other changes.
   */
  boolean foreignKeysMayReferenceLaterTables();

  /** Whether a sequence's increment is stored, so that it can be compared. */
  boolean storesSequenceIncrement();

  /**
   * Whether a trigger's statement holds its body, whose tables and columns the database checks
   * when a column is dropped or a table renamed (SQLite); where the statement only names the
   * function it runs (PostgreSQL), only the relation a trigger is on tells what it depends on.
   */
  boolean triggerStatementsHoldTheirBodies();

  /**
   * An expression (a default, a check) in the normal form both sides are compared in: the same
   * meaning gives the same text, whatever way the database rewrote it.
   */
  default String normalForm(String expression) {
    return SqlExpressions.normalize(expression);
  }
}
