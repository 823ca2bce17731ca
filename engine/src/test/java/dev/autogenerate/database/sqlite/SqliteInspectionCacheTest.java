package dev.autogenerate.database.sqlite;

import static dev.autogenerate.inspect.InspectorTesting.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.InspectionCache;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The SQLite inspector's cache: a schema whose statements were inspected before is taken from it,
 * and nothing that changes what an inspection reads is ever answered from it.
 */
class SqliteInspectionCacheTest {

  private final TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
  private final MapCache cache = new MapCache();

  @Test
  void aSchemaInspectedBeforeComesFromTheCache() throws Exception {
    execute(database, "create table teams (id integer primary key, name text not null unique)",
        "create table players (id integer primary key, team_id integer references teams, created text)",
        "create index players_created on players (created desc)",
        "create view named_teams as select name from teams");
    Schema first = inspect(TableFilter.defaults());
    assertEquals(uncached(TableFilter.defaults()), first);
    assertEquals(1, cache.entries.size());

    Schema second = inspect(TableFilter.defaults());
    assertSame(first, second, "the kept schema itself");
    assertEquals(1, cache.hits);
  }

  @Test
  void anyChangedStatementIsInspectedAgain() throws Exception {
    execute(database, "create table teams (id integer primary key, name text)");
    inspect(TableFilter.defaults());
    for (String change : List.of("alter table teams add column city text",
        "create unique index teams_name on teams (name)",
        "create trigger teams_named after insert on teams begin select 1; end",
        "drop index teams_name",
        "alter table teams rename to clubs")) {
      execute(database, change);
      Schema read = inspect(TableFilter.defaults());
      assertEquals(uncached(TableFilter.defaults()), read, change);
    }
    assertEquals(0, cache.hits);
    assertTrue(inspect(TableFilter.defaults()).tables().get("clubs").column("city").isPresent());
    assertEquals(1, cache.hits);
  }

  @Test
  void theSameStatementsInAnotherDatabaseShareTheEntry() throws Exception {
    TestDatabase other = TestDatabases.fresh(DatabaseKind.SQLITE);
    execute(database, "create table teams (id integer primary key, name text)");
    execute(other, "create table teams (id integer primary key, name text)");
    inspect(TableFilter.defaults());
    try (Connection connection = other.open()) {
      new SqliteInspector().inspect(connection, TableFilter.defaults(), cache);
    }
    assertEquals(1, cache.hits);
  }

  @Test
  void theFilterIsPartOfWhatIsKept() throws Exception {
    execute(database, "create table teams (id integer primary key)", "create table audit_log (id integer primary key)");
    assertTrue(inspect(TableFilter.defaults()).hasTable("audit_log"));
    TableFilter excluding = TableFilter.defaults().withExcluded(List.of("audit_*"));
    assertFalse(inspect(excluding).hasTable("audit_log"));
    assertEquals(0, cache.hits);
    assertEquals(2, cache.entries.size());
  }

  @Test
  void sequenceValuesAreReadAgainEveryTime() throws Exception {
    execute(database, "create table users_SEQ (next_val bigint)", "insert into users_SEQ values (1)");
    assertEquals(Optional.of(new Sequence("users_seq", 1, 1)), inspect(TableFilter.defaults()).sequence("users_seq"));
    execute(database, "update users_SEQ set next_val = 51");
    assertEquals(Optional.of(new Sequence("users_seq", 51, 1)), inspect(TableFilter.defaults()).sequence("users_seq"));
    assertEquals(1, cache.hits);
  }

  @Test
  void aSchemaChangedWhileItIsReadIsNotSeen() throws Exception {
    execute(database, "pragma journal_mode = wal", "create table teams (id integer primary key)");
    // Another connection changes the schema between the statements' reading and the inspection's.
    InspectionCache racing = new InspectionCache() {
      @Override
      public Optional<Schema> get(String identity) {
        try {
          execute(database, "alter table teams add column name text");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
        return Optional.empty();
      }

      @Override
      public void put(String identity, Schema schema) {
        cache.put(identity, schema);
      }
    };
    try (Connection connection = database.open()) {
      Schema read = new SqliteInspector().inspect(connection, TableFilter.defaults(), racing);
      assertTrue(read.tables().get("teams").column("name").isEmpty(), "read as the statements were");
      assertTrue(connection.getAutoCommit());
    }
    assertEquals(1, cache.entries.size());
    assertTrue(inspect(TableFilter.defaults()).tables().get("teams").column("name").isPresent());
    assertEquals(0, cache.hits);
  }

  /**
   * A schema changed and changed back while it is read (an application creating and dropping an
   * index in the same database) never leaves a kept schema that disagrees with its statements.
   */
  @Test
  void keptSchemasAgreeWithTheirStatementsWhileAnotherConnectionChangesThem() throws Exception {
    execute(database, "pragma journal_mode = wal", "create table t (a integer, b integer)");
    Map<String, Schema> kept = new ConcurrentHashMap<>();
    InspectionCache keeping = new InspectionCache() {
      @Override
      public Optional<Schema> get(String identity) {
        return Optional.empty();
      }

      @Override
      public void put(String identity, Schema schema) {
        kept.put(identity + "#" + kept.size(), schema);
      }
    };
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger writes = new AtomicInteger();
    AtomicReference<SQLException> writerFailed = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
        while (!stop.get()) {
          try {
            statement.execute("create index if not exists ix on t (a)");
            statement.execute("drop index if exists ix");
            writes.incrementAndGet();
          } catch (SQLException busy) {
            // The inspections held the database past the busy timeout (a loaded machine): again.
          }
        }
      } catch (SQLException e) {
        writerFailed.set(e);
      }
    });
    writer.start();
    try (Connection connection = database.open()) {
      // Two seconds of inspections beside the writer, and at least a dozen however slow the
      // machine (a minute at most).
      long twoSeconds = System.nanoTime() + 2_000_000_000L;
      long deadline = System.nanoTime() + 60_000_000_000L;
      for (int i = 0; i < 2000 && System.nanoTime() < deadline
          && (System.nanoTime() < twoSeconds || kept.size() <= 10); i++) {
        new SqliteInspector().inspect(connection, TableFilter.defaults(), keeping);
      }
    } finally {
      stop.set(true);
      writer.join();
    }
    assertTrue(kept.size() > 10, "inspections made: " + kept.size());
    // Else nothing raced the inspections, and their agreement below proves nothing.
    assertEquals(null, writerFailed.get(), "the writer failed");
    assertTrue(writes.get() > 0, "the writer never wrote");
    for (Map.Entry<String, Schema> entry : kept.entrySet()) {
      boolean statementsHaveIndex = entry.getKey().contains("index 2:ix ");
      boolean schemaHasIndex = entry.getValue().tables().get("t").indexes().stream()
          .anyMatch(index -> "ix".equals(index.name()));
      assertEquals(statementsHaveIndex, schemaHasIndex, "kept under statements it was not read with");
    }
  }

  /**
   * A transaction the caller began with a statement (auto-commit still on, as JDBC sees it) is
   * the inspection's: its own changes are read, and it is left open for the caller to end.
   */
  @Test
  void aTransactionTheCallerBeganWithAStatementIsReadInAndLeftOpen() throws Exception {
    execute(database, "create table teams (id integer primary key)");
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("begin");
      statement.execute("alter table teams add column name text");
      Schema read = new SqliteInspector().inspect(connection, TableFilter.defaults(), cache);
      assertTrue(read.tables().get("teams").column("name").isPresent(), "its own change");
      statement.execute("rollback");
    }
    assertTrue(inspect(TableFilter.defaults()).tables().get("teams").column("name").isEmpty(), "rolled back by the caller");
  }

  private Schema inspect(TableFilter filter) throws SQLException {
    try (Connection connection = database.open()) {
      return new SqliteInspector().inspect(connection, filter, cache);
    }
  }

  private Schema uncached(TableFilter filter) throws SQLException {
    try (Connection connection = database.open()) {
      return new SqliteInspector().inspect(connection, filter);
    }
  }

  /** Keeps schemas in memory and counts the hits. */
  private static final class MapCache implements InspectionCache {
    final Map<String, Schema> entries = new HashMap<>();
    int hits;

    @Override
    public Optional<Schema> get(String identity) {
      Optional<Schema> kept = Optional.ofNullable(entries.get(identity));
      if (kept.isPresent()) {
        hits++;
      }
      return kept;
    }

    @Override
    public void put(String identity, Schema schema) {
      entries.put(identity, schema);
    }
  }
}
