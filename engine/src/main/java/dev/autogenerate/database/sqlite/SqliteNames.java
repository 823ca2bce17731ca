package dev.autogenerate.database.sqlite;

import dev.autogenerate.schema.UnquotedNames;

/**
 * How SQLite tells names apart, and what a name means as its statement wrote it.
 *
 * <p>SQLite keeps a name as the statement that created it spelled it ({@code create table Tag}
 * is kept as {@code Tag}), and finds it again whatever the case of its ASCII letters. The model
 * names things as PostgreSQL holds them, and so do the entities and the migrations: a name
 * written without quotes folded to lower case, a quoted one kept exactly. Read as written, the
 * {@code Tag} that Hibernate's default naming creates (unquoted) would be another table than the
 * entities' {@code tag}, and a database Hibernate made could not be adopted: the migration would
 * create {@code tag} beside it, which SQLite refuses, and drop {@code Tag}. Read as SQLite keeps
 * the statement, it is {@code tag}, the same table for the comparison as for SQLite itself.
 */
final class SqliteNames {

  private SqliteNames() {}

  /**
   * The model's name for a name a statement wrote: folded to lower case when written without
   * quotes, ASCII letters only, since those are all SQLite treats as the same letter ("É" is not
   * "é" to it, so folding it would name a table SQLite does not find).
   */
  static String asWritten(String text, boolean quoted) {
    return quoted ? text : asciiLowerCase(text);
  }

  /** Whether two names are one to SQLite, which ignores the case of ASCII letters only. */
  static boolean same(String one, String other) {
    return one.length() == other.length() && asciiLowerCase(one).equals(asciiLowerCase(other));
  }

  static String asciiLowerCase(String text) {
    return UnquotedNames.fold(text);
  }
}
