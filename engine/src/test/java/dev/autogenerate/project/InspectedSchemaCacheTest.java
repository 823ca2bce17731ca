package dev.autogenerate.project;

import static dev.autogenerate.inspect.InspectorTesting.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.autogenerate.database.sqlite.SqliteInspector;
import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inspected SQLite schemas kept on disk: everything an inspection reads comes back from an entry
 * as it was read, and a damaged entry is a miss.
 */
class InspectedSchemaCacheTest {

  @RegisterExtension final OwnCacheDirectory cache = new OwnCacheDirectory();
  private final TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

  @Test
  void everythingInspectedIsReadBackAsItWasRead() throws Exception {
    execute(database,
        "create table teams (id integer primary key autoincrement, name varchar(80) not null constraint teams_name unique,"
            + " founded date default (date('now')), budget numeric(12, 2) check (budget >= 0))",
        "create table players (id bigint not null, team_id integer, number int,"
            + " constraint players_pk primary key (id),"
            + " constraint players_team foreign key (team_id) references teams (id) on delete cascade)",
        "create index players_number on players (number desc, team_id)",
        "create unique index players_active on players (team_id) where number is not null",
        "create view team_sizes as select team_id, count(*) as size from players group by team_id",
        "create trigger players_touch after update on players begin select 1; end",
        "create table players_SEQ (next_val bigint)",
        "insert into players_SEQ values (51)");
    Schema inspected = inspect();
    assertEquals(List.of(), entries(), "nothing kept by the inspection that did not use the cache");

    Schema first = cached();
    assertEquals(inspected, first);
    assertEquals(1, entries().size());
    assertEquals(inspected, cached(), "read back from the entry");

    // Proof that the entry is read: it gives what it holds.
    Schema marker = Schema.of(List.of(Table.of("from_the_entry", List.of(Column.column("id", SqlType.BIGINT)))));
    Files.write(entries().get(0), EntityModelCodec.write(new EntityModel(marker, Renames.NONE)));
    assertEquals(marker, cached());

    Files.write(entries().get(0), new byte[] {0, 0, 0, 1, 7});
    assertEquals(inspected, cached(), "a damaged entry is a miss");
    assertEquals(inspected, cached(), "and is written again whole");
  }

  @Test
  void aChangedSchemaGetsAnEntryOfItsOwn() throws Exception {
    execute(database, "create table teams (id integer primary key)");
    cached();
    execute(database, "alter table teams add column name text");
    assertEquals(inspect(), cached());
    assertEquals(2, entries().size());
    assertFalse(cached().tables().get("teams").column("name").isEmpty());
  }

  private Schema inspect() throws Exception {
    try (Connection connection = database.open()) {
      return new SqliteInspector().inspect(connection, TableFilter.defaults());
    }
  }

  private Schema cached() throws Exception {
    try (Connection connection = database.open()) {
      return new SqliteInspector().inspect(connection, TableFilter.defaults(), InspectedSchemaCache.standard());
    }
  }

  private List<Path> entries() throws Exception {
    Path folder = cache.path().resolve("inspected");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".schema")).toList();
    }
  }
}
