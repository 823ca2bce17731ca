package dev.autogenerate.runtime;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code stamp} reads where the database is in its transaction, once it holds the database's
 * lock, as a revision does: a relative target counts from where another process's revision left
 * the database, not from where it was before that revision committed.
 */
class StampUnderTheLockTest {

  @Revision(id = "57a3b0000001", message = "first")
  public static final class First implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("first", column("id", SqlType.INTEGER).notNull());
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("first");
    }
  }

  @Revision(id = "57a3b0000002", revises = "57a3b0000001", message = "second")
  public static final class Second implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("second", column("id", SqlType.INTEGER).notNull());
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("second");
    }
  }

  @Revision(id = "57a3b0000003", revises = "57a3b0000002", message = "third")
  public static final class Third implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("third", column("id", SqlType.INTEGER).notNull());
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("third");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRelativeStampCountsFromWhereAnotherProcesssRevisionLeftTheDatabase(DatabaseKind kind) throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(MigrationScript.of(new First(), "First"),
        MigrationScript.of(new Second(), "Second"), MigrationScript.of(new Third(), "Third")));
    Migrator migrator = new Migrator(history, TableFilter.defaults()).withLockTimeout(Duration.ofSeconds(30));
    TestDatabase database = TestDatabases.fresh(kind);
    ExecutorService stamper = Executors.newSingleThreadExecutor();
    try (Connection other = database.open(); Connection connection = database.open()) {
      migrator.upgrade(other, "57a3b0000001");
      // Another process's revision to the second, under way: its transaction holds the database's
      // lock and has moved the version, not committed yet.
      Database db = Database.of(other);
      RevisionGuard running = db.beginRevision(other, new LockWait(Duration.ofSeconds(30), line -> {}));
      VersionTable.set(other, List.of(new VersionTable.Row("57a3b0000002", history.get("57a3b0000002").recordedChecksum())));

      Future<List<String>> stamped = stamper.submit(() -> migrator.stamp(connection, "+1"));
      Thread.sleep(1_000);
      assertFalse(stamped.isDone(), "the stamp waits for the revision's transaction");
      other.commit();
      running.close();

      assertEquals(List.of("57a3b0000003"), stamped.get(60, TimeUnit.SECONDS));
      assertEquals(List.of("57a3b0000003"), VersionTable.heads(connection));
    } finally {
      stamper.shutdownNow();
    }
  }
}
