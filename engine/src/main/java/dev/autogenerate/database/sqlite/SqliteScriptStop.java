package dev.autogenerate.database.sqlite;

import static dev.autogenerate.database.SqlIdentifiers.quote;

import java.util.List;

/**
 * How a SQLite script written without the database stops where the database is not what it was
 * written for: SQLite has no block to raise an error from, so a temporary table's check, named
 * with the reason, holds only when the condition does, and {@code sqlite3 -bail} stops at the
 * insert that breaks it, printing that name.
 */
final class SqliteScriptStop {

  private SqliteScriptStop() {}

  /**
   * @param guard the temporary table's name, one per kind of check
   * @param condition an SQL expression true where the script may go on
   * @param failure the reason, and the way out, as the stopped script says it
   */
  static List<String> unless(String guard, String condition, String failure) {
    String table = "temp." + guard;
    return List.of(
        "create table " + table + " (ok integer constraint " + quote(failure) + " check (ok = 1))",
        "insert into " + table + " select " + condition,
        "drop table " + table);
  }
}
