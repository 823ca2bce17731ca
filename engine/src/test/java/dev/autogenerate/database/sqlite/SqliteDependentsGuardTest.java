package dev.autogenerate.database.sqlite;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.View;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The guard a script's rebuild begins with, on a real SQLite file: a view or a trigger made by
 * hand that reads the table stops it (SQLite's rename would fail on them); one the migrations
 * know, or one that names the table only inside a longer word, does not.
 */
class SqliteDependentsGuardTest {

  private static final Table USERS = new Table("users", List.of(column("id", SqlType.INTEGER)), Optional.empty());

  @Test
  void aViewOrTriggerMadeByHandThatReadsTheTableStopsTheScript() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table users (id integer primary key)");
      statement.execute("create table audit (id integer primary key, note text)");
      statement.execute("create view users_archive as select 1 as old_users, 2 as users_count");
      statement.execute("create trigger audit_note after insert on audit begin select 'users_x'; end");
      assertDoesNotThrow(() -> run(statement, Schema.of(List.of(USERS))), "only longer words hold the name");

      statement.execute("create view active_users as select id from\n\"USERS\" where id > 0");
      assertStops(statement, Schema.of(List.of(USERS)));
      Schema knowing = Schema.of(List.of(USERS)).withView(new View("active_users", "select id from users where id > 0", java.util.Map.of()));
      assertDoesNotThrow(() -> run(statement, knowing), "a view the migrations know is created again by the script");
      statement.execute("drop view active_users");

      statement.execute("create trigger audit_counts after insert on audit begin delete from users where id < 0; end");
      assertStops(statement, Schema.of(List.of(USERS)));
    }
  }

  private static void assertStops(Statement statement, Schema schema) throws SQLException {
    SQLException stopped = assertThrows(SQLException.class, () -> run(statement, schema));
    assertTrue(stopped.getMessage().contains("table users is read by views or triggers the migrations do not know"),
        stopped.getMessage());
    // A user test met it on a view an op.execute made: the way out names op.createView too.
    assertTrue(stopped.getMessage().contains("or by an op.execute, whose SQL the script cannot read")
        && stopped.getMessage().contains("or make such a view with op.createView"), stopped.getMessage());
    statement.execute("drop table if exists temp._autogenerate_dependents_guard");
  }

  private static void run(Statement statement, Schema schema) throws SQLException {
    for (String sql : SqliteTableRebuild.dependentsGuard(USERS, schema)) {
      statement.execute(sql);
    }
  }
}
