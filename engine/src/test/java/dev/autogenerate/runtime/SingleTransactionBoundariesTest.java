package dev.autogenerate.runtime;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.EnumType.enumType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a single transaction must end, and what a failure between revisions says: the revisions
 * whose effect is meant to last only for their own transaction, or to be committed before the
 * next revision uses it, end the single transaction; a failure outside a revision's statements
 * still names what the rollback took back; an error no handler expects leaves nothing committed.
 */
class SingleTransactionBoundariesTest {

  @Revision(id = "b0und0000001", message = "events")
  public static final class Events implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("events", column("id", SqlType.INTEGER).notNull());
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("events");
    }
  }

  @Revision(id = "b0und0000002", revises = "b0und0000001", message = "a note, waiting at most 5 s for locks")
  public static final class NoteWithLockTimeout implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.lockTimeout(Duration.ofSeconds(5));
      op.addColumn("events", column("note", SqlType.TEXT));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("events", "note");
    }
  }

  @Revision(id = "b0und0000003", revises = "b0und0000002", message = "what lock timeout it runs with")
  public static final class SeenLockTimeout implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("create table seen as select current_setting('lock_timeout') as lock_timeout");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("drop table seen");
    }
  }

  @Revision(id = "b0und0000004", revises = "b0und0000001", message = "moods")
  public static final class Moods implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createEnumType(enumType("mood", "ok", "sad"));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropEnumType("mood");
    }
  }

  @Revision(id = "b0und0000005", revises = "b0und0000004", message = "a glad mood")
  public static final class GladMood implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.alterEnumType("mood", "ok", "sad", "glad");
    }

    @Override
    public void downgrade(Operations op) {
      op.alterEnumType("mood", "ok", "sad");
    }
  }

  @Revision(id = "b0und0000006", revises = "b0und0000005", message = "uses the glad mood")
  public static final class UsesGlad implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("create table moods_seen as select 'glad'::mood as mood");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("drop table moods_seen");
    }
  }

  @Revision(id = "b0und0000007", revises = "b0und0000001", message = "cannot list its operations")
  public static final class Unlistable implements Migration {
    @Override
    public void upgrade(Operations op) {
      throw new IllegalStateException("no configuration for this environment");
    }

    @Override
    public void downgrade(Operations op) {}
  }

  private static Migrator migrator(Migration... migrations) {
    List<MigrationScript> scripts = new ArrayList<>();
    for (Migration migration : migrations) {
      scripts.add(MigrationScript.of(migration, migration.getClass().getSimpleName()));
    }
    return new Migrator(RevisionHistory.of(scripts), TableFilter.defaults()).withProgress(line -> {});
  }

  /** {@code set local lock_timeout} lasts until the commit: a later revision must not inherit it. */
  @Test
  void aLockTimeoutEndsWithItsRevisionsTransaction() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open()) {
      migrator(new Events(), new NoteWithLockTimeout(), new SeenLockTimeout()).withSingleTransaction(true)
          .upgrade(connection, "head");

      assertEquals("0", single(connection, "select lock_timeout from seen"));
      assertEquals(List.of("b0und0000003"), VersionTable.heads(connection));
    }
  }

  /** PostgreSQL 12+ lets nothing use an enum value added in a transaction before that commits. */
  @Test
  void newEnumValuesAreCommittedBeforeTheNextRevisionUsesThem() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open()) {
      Migrator migrator = migrator(new Events(), new Moods(), new GladMood(), new UsesGlad());
      migrator.upgrade(connection, "b0und0000004");

      migrator.withSingleTransaction(true).upgrade(connection, "head");

      assertEquals("glad", single(connection, "select mood::text from moods_seen"));
    }
  }

  /** The failing revision never began: the rollback still took back the one before it, and says so. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRevisionFailingToListItsOperationsSaysWhatWasRolledBack(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      Migrator migrator = migrator(new Events(), new Unlistable());

      UserError error = assertThrows(UserError.class, () -> migrator.withSingleTransaction(true).upgrade(connection, "head"));

      assertTrue(error.getMessage().contains("no configuration for this environment"), error.getMessage());
      assertTrue(error.getMessage().endsWith("; the 1 revision(s) this command ran before it in the same transaction"
          + " (b0und0000001 (events)) were rolled back with it, and the database is at base"), error.getMessage());
      assertEquals(List.of(), VersionTable.heads(connection));
      assertFalse(VersionTable.tableExists(connection, "events"));
    }
  }

  /**
   * An error the runtime does not handle (here thrown by the progress listener, as the revision
   * starts) must not leave half a revision committed when the connection gets its auto-commit
   * back: the history table its transaction had created is rolled back with it.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anUnexpectedErrorLeavesNothingCommitted(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      Migrator migrator = migrator(new Events()).withProgress(line -> {
        throw new AssertionError("listener broke at: " + line);
      });

      assertThrows(AssertionError.class, () -> migrator.upgrade(connection, "head"));

      assertTrue(connection.getAutoCommit());
      assertFalse(HistoryTable.exists(connection));
      assertFalse(VersionTable.tableExists(connection, "events"));
    }
  }

  @Revision(id = "b0und0000008", revises = "b0und0000001", message = "a long pause")
  public static final class LongPause implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("select pg_sleep(120)");
    }

    @Override
    public void downgrade(Operations op) {}
  }

  /**
   * The server ends the connection in the middle of a revision (a failover, an administrator):
   * the error names the revision and what the server said, not the closed connection that
   * restoring it afterwards ran into; in both modes.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aConnectionTheServerEndsIsToldByTheRevisionAndTheServersReason(boolean single) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Connection admin = database.open()) {
      int pid = Integer.parseInt(single(connection, "select pg_backend_pid()"));
      AtomicBoolean terminated = new AtomicBoolean();
      Thread killer = new Thread(() -> {
        try (Statement statement = admin.createStatement()) {
          long deadline = System.nanoTime() + 60_000_000_000L;
          while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            try (ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity where pid = " + pid
                + " and query like '%pg_sleep%'")) {
              if (waiting.next() && waiting.getInt(1) > 0) {
                statement.execute("select pg_terminate_backend(" + pid + ")");
                terminated.set(true);
                return;
              }
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      killer.start();
      Migrator migrator = migrator(new Events(), new LongPause()).withSingleTransaction(single);

      UserError error = assertThrows(UserError.class, () -> migrator.upgrade(connection, "head"));
      killer.join();
      assertTrue(terminated.get(), "the revision's statement was never seen running");

      assertTrue(error.getMessage().startsWith("migration b0und0000008 (a long pause) failed at `select pg_sleep(120)`: "),
          error.getMessage());
      assertTrue(error.getMessage().contains("terminating connection"), error.getMessage());
    }
    try (Connection connection = database.open()) {
      assertEquals(single ? List.of() : List.of("b0und0000001"), VersionTable.heads(connection));
    }
  }

  @Revision(id = "b0und0000009", revises = "b0und0000002", message = "no notes, then what the statements run with")
  public static final class NoNotes implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.dropColumn("events", "note");
      op.execute("create table seen as select current_setting('statement_timeout') as statement_timeout");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("drop table seen");
      op.addColumn("events", column("note", SqlType.TEXT));
    }
  }

  /**
   * The rows a step deletes are counted before it under a time limit, which ends with the count:
   * the revision's own statements run without it.
   */
  @Test
  void theCountsTimeLimitEndsWithTheCount() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<String> progress = new ArrayList<>();
    try (Connection connection = database.open()) {
      Migrator migrator = migrator(new Events(), new NoteWithLockTimeout(), new NoNotes()).withProgress(progress::add);
      migrator.upgrade(connection, "b0und0000002");
      try (Statement statement = connection.createStatement()) {
        statement.execute("insert into events (id, note) values (1, 'kept until now')");
      }

      migrator.upgrade(connection, "head");

      assertEquals("0", single(connection, "select statement_timeout from seen"));
      assertTrue(progress.contains("  warning: drop column events.note: dropping it deletes its values (rows holding a"
          + " value: 1)"), progress.toString());
    }
  }

  /**
   * A listener failing when told a revision committed (its output closed, say) fails on its own:
   * the revision is applied, and nothing says otherwise.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aListenerFailingAfterTheCommitDoesNotUnsayIt(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      Migrator migrator = migrator(new Events()).withProgress(failingAt("Applied ", () -> new UncheckedIOException(new IOException("the output is closed"))));

      assertThrows(UncheckedIOException.class, () -> migrator.upgrade(connection, "head"));

      assertEquals(List.of("b0und0000001"), VersionTable.heads(connection));
      assertTrue(connection.getAutoCommit());
    }
  }

  /**
   * In a single transaction, a listener failing when told a revision joined it stops the run
   * before anything committed: the error says the transaction was rolled back and where the
   * database is, not the listener's failure alone.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aListenerFailingInsideTheSingleTransactionSaysItWasRolledBack(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      Migrator migrator = migrator(new Events()).withSingleTransaction(true).withProgress(failingAt("Applied ", () -> new UncheckedIOException(new IOException("the output is closed"))));

      UserError error = assertThrows(UserError.class, () -> migrator.upgrade(connection, "head"));

      assertEquals("the progress listener failed when told b0und0000001 (events) joined the single transaction"
          + " (UncheckedIOException: java.io.IOException: the output is closed); the 1 revision(s) this command ran"
          + " before it in the same transaction (b0und0000001 (events)) were rolled back with it, and the database is at"
          + " base", error.getMessage());
      assertEquals(List.of(), VersionTable.heads(connection));
      assertTrue(connection.getAutoCommit());

      // The same for a downgrade: the revision reverted inside the transaction stays applied.
      migrator(new Events()).upgrade(connection, "head");
      Migrator reverting = migrator(new Events()).withSingleTransaction(true).withProgress(failingAt("Reverted ", IllegalStateException::new));
      UserError reverted = assertThrows(UserError.class, () -> reverting.downgrade(connection, "base"));
      assertTrue(reverted.getMessage().startsWith("the progress listener failed when told b0und0000001 (events) joined"
          + " the single transaction (IllegalStateException); "), reverted.getMessage());
      assertEquals(List.of("b0und0000001"), VersionTable.heads(connection));
      assertTrue(connection.getAutoCommit());
    }
  }

  /** A progress listener that fails, as {@code failure} makes it, when told a line starting so. */
  private static Consumer<String> failingAt(String start, Supplier<RuntimeException> failure) {
    return line -> {
      if (line.startsWith(start)) {
        throw failure.get();
      }
    };
  }

  private static String single(Connection connection, String query) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      assertTrue(rows.next(), query);
      return rows.getString(1);
    }
  }
}
