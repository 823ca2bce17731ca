package dev.autogenerate.database.sqlite;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The guard a rebuild begins with, on a real SQLite file: it stops on a table whose definition
 * holds what the rebuild cannot make again (a generated column, a COLLATE, in any case or
 * layout), and lets any other table through, one with a column named after the word included.
 */
class SqliteKeepableGuardTest {

  @Test
  void aGeneratedColumnOrACollationStopsTheRebuildAndNothingElseDoes() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table plain (id integer primary key, collated_at text, note text default 'collate')");
      statement.execute("create table nocase (id integer primary key, label text\n\tCOLLATE\tNOCASE)");
      statement.execute("create table derived (id integer primary key, a int, b int generated always as (a * 2) stored)");
      statement.execute("create table typed (id integer primary key, a int) strict");
      statement.execute("create table keyed (id integer primary key, a int) without rowid");

      assertDoesNotThrow(() -> run(statement, "plain"));
      for (String refused : List.of("nocase", "derived", "typed", "keyed")) {
        SQLException stopped = assertThrows(SQLException.class, () -> run(statement, refused));
        assertTrue(stopped.getMessage().contains("table " + refused + " has a generated column, a COLLATE, or is STRICT"),
            stopped.getMessage());
        statement.execute("drop table if exists temp._autogenerate_rebuild_guard");
      }
    }
  }

  @Test
  void everyRebuildBeginsWithTheGuard() {
    Table from = new Table("users", List.of(column("id", SqlType.INTEGER)), Optional.empty());
    Table to = new Table("users", List.of(column("id", SqlType.BIGINT)), Optional.empty());
    List<String> guard = SqliteTableRebuild.keepableGuard(from);
    assertEquals(guard, SqliteTableRebuild.statements(from, to, dev.autogenerate.schema.Schema.of(List.of(from)))
        .subList(0, guard.size()));
  }

  private static void run(Statement statement, String table) throws SQLException {
    Table shape = new Table(table, List.of(column("id", SqlType.INTEGER)), Optional.empty());
    for (String sql : SqliteTableRebuild.keepableGuard(shape)) {
      statement.execute(sql);
    }
  }
}
