package dev.autogenerate.runtime;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's migration lock is a session's advisory lock keyed by the schema: it is released
 * under the key it was taken with, even when a revision moved the session to another schema. A
 * lock left held on a pooled connection (the Spring Boot starter's) would keep every other
 * instance of the application waiting for it.
 */
class MigrationLockReleaseTest {

  @Revision(id = "m0veschema01", message = "events, read from another schema from now on")
  public static final class MovesTheSession implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("events", column("id", SqlType.INTEGER).notNull());
      op.execute("create schema elsewhere");
      op.execute("set search_path to elsewhere, public");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("drop schema elsewhere");
      op.dropTable("events");
    }
  }

  @Test
  void theLockIsReleasedWhenARevisionMovedTheSessionToAnotherSchema() throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(MigrationScript.of(new MovesTheSession(), "MovesTheSession")));
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      new Migrator(history, TableFilter.defaults()).withProgress(line -> {}).upgrade(connection, "head");

      try (Statement statement = connection.createStatement();
          ResultSet held = statement.executeQuery("select count(*) from pg_locks where locktype = 'advisory'"
              + " and pid = pg_backend_pid()")) {
        held.next();
        assertEquals(0, held.getInt(1), "advisory locks this session still holds");
      }
    }
  }
}
