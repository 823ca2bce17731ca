package dev.autogenerate.runtime;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code create index concurrently} runs outside a transaction (PostgreSQL refuses it inside
 * one, so success proves it), alone in its revision, with the version and history rows written
 * after it; on SQLite it is an ordinary index.
 */
class ConcurrentIndexTest {

  @Revision(id = "c1dx00000001", message = "events with rows")
  public static final class Events implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("events", column("id", SqlType.INTEGER).notNull(), column("note", SqlType.varchar(40)));
      op.execute("insert into events (id, note) values (1, 'a'), (2, 'b'), (3, 'c')");
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("events");
    }
  }

  @Revision(id = "c1dx00000002", revises = "c1dx00000001", message = "index without blocking writes")
  public static final class IndexConcurrently implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createIndexConcurrently("events", Index.index("ix_events_note", "note"));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropIndex("events", "ix_events_note");
    }
  }

  @Revision(id = "c1dx00000003", revises = "c1dx00000001", message = "index and more")
  public static final class IndexAndMore implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createIndexConcurrently("events", Index.index("ix_events_note", "note"));
      op.addColumn("events", column("source", SqlType.TEXT));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("events", "source");
      op.dropIndex("events", "ix_events_note");
    }
  }

  @Revision(id = "c1dx00000004", revises = "c1dx00000002", message = "a column")
  public static final class AddSource implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.addColumn("events", column("source", SqlType.TEXT));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("events", "source");
    }
  }

  @Revision(id = "c1dx00000005", revises = "c1dx00000004", message = "broken")
  public static final class Broken implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("insert into no_such_table values (1)");
    }

    @Override
    public void downgrade(Operations op) {}
  }

  /**
   * In a single transaction, the index's revision still runs on its own on PostgreSQL: what ran
   * before it commits first, and what follows it begins a transaction of its own, which a failure
   * takes back alone. On SQLite it is an ordinary index and joins the transaction.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void inASingleTransactionItsRevisionRunsOnItsOwn(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    List<String> progress = new ArrayList<>();
    Migrator migrator = new Migrator(RevisionHistory.of(List.of(MigrationScript.of(new Events(), "Events"),
        MigrationScript.of(new IndexConcurrently(), "IndexConcurrently"), MigrationScript.of(new AddSource(), "AddSource"),
        MigrationScript.of(new Broken(), "Broken"))), TableFilter.defaults()).withProgress(progress::add)
        .withSingleTransaction(true);
    try (Connection connection = database.open()) {
      UserError error = assertThrows(UserError.class, () -> migrator.upgrade(connection, "head"));

      if (kind == DatabaseKind.POSTGRESQL) {
        assertTrue(error.getMessage().contains("the 1 revision(s) this command ran before it in the same transaction"
            + " (c1dx00000004 (a column)) were rolled back with it, and the database is at c1dx00000002"),
            error.getMessage());
        assertEquals(List.of("c1dx00000002"), VersionTable.heads(connection));
        assertEquals(2, HistoryTable.entries(connection).size());
        assertTrue(progress.indexOf("Committed the 1 revision(s) applied above, in one transaction")
            < progress.indexOf("Applying c1dx00000002 (index without blocking writes) ..."), progress.toString());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("Applied c1dx00000002 (index without blocking"
            + " writes) in ") && line.endsWith(" ms (committed on its own: it needs a transaction of its own)")),
            progress.toString());
      } else {
        // An ordinary index on SQLite, built in the transaction like the rest: all of it goes back.
        assertTrue(error.getMessage().endsWith("the 3 revision(s) this command ran before it in the same transaction"
            + " (c1dx00000001 (events with rows), c1dx00000002 (index without blocking writes), c1dx00000004 (a column))"
            + " were rolled back with it, and the database is at base"), error.getMessage());
        assertEquals(List.of(), VersionTable.heads(connection));
      }
    }
  }

  private static Migrator migrator(Migration second) {
    return new Migrator(RevisionHistory.of(List.of(MigrationScript.of(new Events(), "Events"),
        MigrationScript.of(second, second.getClass().getSimpleName()))), TableFilter.defaults()).withProgress(line -> {});
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aConcurrentIndexIsBuiltOutsideTheTransaction(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      migrator(new IndexConcurrently()).upgrade(connection, "head");
      assertEquals(List.of("c1dx00000002"), VersionTable.heads(connection));
      assertEquals(2, HistoryTable.entries(connection).size());
      if (kind == DatabaseKind.POSTGRESQL) {
        try (Statement statement = connection.createStatement(); ResultSet valid = statement.executeQuery(
            "select indisvalid from pg_index where indexrelid = 'ix_events_note'::regclass")) {
          assertTrue(valid.next() && valid.getBoolean(1), "a valid index");
        }
      }
      migrator(new IndexConcurrently()).downgrade(connection, "-1");
      assertEquals(List.of("c1dx00000001"), VersionTable.heads(connection));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void itMustBeAloneInItsRevision(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      UserError error = assertThrows(UserError.class, () -> migrator(new IndexAndMore()).upgrade(connection, "head"));
      assertTrue(error.getMessage().contains("must be the only operation of its revision"), error.getMessage());
      assertEquals(List.of("c1dx00000001"), VersionTable.heads(connection));
    }
  }

  /**
   * A run killed during or after the index's build (a user test: a pod's probe, a CI job's
   * timeout) leaves the index behind, the revision unrecorded; every later run was refused with
   * "already has index" and nothing of why. It says what happened and both ways on.
   */
  @org.junit.jupiter.api.Test
  void anIndexLeftByAnInterruptedBuildIsToldWithTheWaysOn() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    RevisionHistory history = RevisionHistory.of(List.of(MigrationScript.of(new Events(), "Events"),
        MigrationScript.of(new IndexConcurrently(), "IndexConcurrently")));
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      new Migrator(history, TableFilter.defaults()).upgrade(connection, "c1dx00000001");
      statement.execute("create index ix_events_note on events (note)");

      UserError error = assertThrows(UserError.class,
          () -> new Migrator(history, TableFilter.defaults()).upgrade(connection, "head"));

      assertTrue(error.getMessage().contains("table events already has index ix_events_note, though the database has"
          + " not recorded this revision: an earlier run of it was stopped during or after the build")
          && error.getMessage().contains("It is valid: if it is as the revision defines it, record the revision as"
              + " applied with autogenerate stamp c1dx00000002")
          && error.getMessage().contains("drop index concurrently ix_events_note"), error.getMessage());
      assertEquals(List.of("c1dx00000001"), VersionTable.heads(connection));
    }
  }

  /** A build that failed (a duplicate for a unique index) leaves the index INVALID: told so, with the one way on. */
  @org.junit.jupiter.api.Test
  void anInvalidIndexLeftByAFailedBuildIsToldAsSuch() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    RevisionHistory history = RevisionHistory.of(List.of(MigrationScript.of(new Events(), "Events"),
        MigrationScript.of(new IndexConcurrently(), "IndexConcurrently")));
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      new Migrator(history, TableFilter.defaults()).upgrade(connection, "c1dx00000001");
      statement.execute("insert into events (id, note) values (4, 'same'), (5, 'same')");
      assertThrows(java.sql.SQLException.class,
          () -> statement.execute("create unique index concurrently ix_events_note on events (note)"));

      UserError error = assertThrows(UserError.class,
          () -> new Migrator(history, TableFilter.defaults()).upgrade(connection, "head"));

      assertTrue(error.getMessage().contains("PostgreSQL marks it INVALID (the build failed, and no query uses it):"
          + " drop it (drop index concurrently ix_events_note)"), error.getMessage());
      assertFalse(error.getMessage().contains("stamp"), error.getMessage());
      assertEquals(List.of("c1dx00000001"), VersionTable.heads(connection));
    }
  }
}
