package dev.autogenerate.runtime;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replicas of an application starting together all call {@code upgrade}: every revision is
 * applied exactly once, and every caller ends cleanly at the head. Each worker has its own
 * connection, as a separate process would: the database's locks, not the JVM's, make them take
 * turns. A revision that inserts a row proves how often it ran.
 *
 * <p>The tests run side by side, each on databases of its own: most of their time is spent
 * waiting for a lock, which they can as well do together (see junit-platform.properties).
 */
class ConcurrentUpgradeTest {

  private static final int WORKERS = 8;
  private static final int ROUNDS = 10;

  @Revision(id = "c0ncurrent01", message = "create events")
  public static final class CreateEvents implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("events", column("id", SqlType.INTEGER).notNull(), column("note", SqlType.varchar(40)));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("events");
    }
  }

  @Revision(id = "c0ncurrent02", revises = "c0ncurrent01", message = "one row, once")
  public static final class InsertOnce implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("insert into events (id, note) values (1, 'once')");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("delete from events where id = 1");
    }
  }

  @Revision(id = "c0ncurrent03", revises = "c0ncurrent02", message = "add a column")
  public static final class AddSource implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.addColumn("events", column("source", SqlType.varchar(20)));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("events", "source");
    }
  }

  @Revision(id = "c0ncurrentb2", revises = "c0ncurrent01", message = "another row, once, on a branch")
  public static final class InsertOnceOnABranch implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("insert into events (id, note) values (2, 'branch')");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("delete from events where id = 2");
    }
  }

  @Revision(id = "c0ncurrentm3", revises = {"c0ncurrent02", "c0ncurrentb2"}, message = "merge, with a row of its own")
  public static final class MergeWithARow implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("insert into events (id, note) values (3, 'merge')");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("delete from events where id = 3");
    }
  }

  /** events, then two branches each inserting a row, joined by a merge inserting a third. */
  private static RevisionHistory branchingHistory() {
    return RevisionHistory.of(List.of(
        MigrationScript.of(new CreateEvents(), "CreateEvents"),
        MigrationScript.of(new InsertOnce(), "InsertOnce"),
        MigrationScript.of(new InsertOnceOnABranch(), "InsertOnceOnABranch"),
        MigrationScript.of(new MergeWithARow(), "MergeWithARow")));
  }

  /**
   * On a branching history too: each revision once, the merge only after both its parents,
   * whether a worker asks for head (through the merge) or heads.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  @Execution(ExecutionMode.CONCURRENT)
  void branchesAndTheirMergeAreAppliedOnceHoweverManyUpgradeTogether(DatabaseKind kind) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      for (int round = 0; round < ROUNDS / 2; round++) {
        TestDatabase database = TestDatabases.fresh(kind);
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        Migrator migrator = new Migrator(branchingHistory(), TableFilter.defaults())
            .withLockTimeout(Duration.ofSeconds(60))
            .withProgress(progress::add);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<MigrationScript>>> results = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
          String target = worker % 2 == 0 ? "head" : "heads";
          // Some replicas run every revision in one transaction: still each exactly once.
          Migrator each = migrator.withSingleTransaction(worker % 3 == 0);
          results.add(workers.submit(() -> {
            try (Connection connection = database.open()) {
              start.await();
              return each.upgrade(connection, target);
            }
          }));
        }
        start.countDown();
        int applied = 0;
        for (Future<List<MigrationScript>> result : results) {
          applied += result.get(120, TimeUnit.SECONDS).size();
        }
        String context = kind + " round " + round + ": " + progress;
        assertEquals(4, applied, context);
        try (Connection connection = database.open()) {
          assertEquals(3, count(connection, "select count(*) from events"), context);
          assertEquals(List.of("c0ncurrentm3"), VersionTable.heads(connection), context);
          // In the order they committed (the log's order is the order the workers printed it in,
          // which on SQLite, with no lock held between revisions, may differ).
          List<String> inOrder = List.copyOf(HistoryTable.entries(connection).keySet());
          assertEquals(4, inOrder.size(), context);
          assertEquals("c0ncurrentm3", inOrder.get(3), context);
        }
        assertEquals(4, progress.stream().filter(line -> line.startsWith("Applied ")).count(), context);
      }
    } finally {
      workers.shutdownNow();
    }
  }

  private static RevisionHistory history() {
    return RevisionHistory.of(List.of(
        MigrationScript.of(new CreateEvents(), "CreateEvents"),
        MigrationScript.of(new InsertOnce(), "InsertOnce"),
        MigrationScript.of(new AddSource(), "AddSource")));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  @Execution(ExecutionMode.CONCURRENT)
  void everyRevisionIsAppliedOnceHoweverManyUpgradeTogether(DatabaseKind kind) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        TestDatabase database = TestDatabases.fresh(kind);
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        Migrator migrator = new Migrator(history(), TableFilter.defaults())
            .withLockTimeout(Duration.ofSeconds(60))
            .withProgress(progress::add);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<MigrationScript>>> results = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
          // Half hold the migration lock on a connection of their own (a transaction's), half on
          // the one they migrate (a session's): the two kinds exclude each other.
          Migrator each = worker % 2 == 0 ? migrator : migrator.withLockConnections(database::open);
          results.add(workers.submit(() -> {
            try (Connection connection = database.open()) {
              start.await();
              return each.upgrade(connection, "head");
            }
          }));
        }
        start.countDown();
        int applied = 0;
        for (Future<List<MigrationScript>> result : results) {
          applied += result.get(120, TimeUnit.SECONDS).size();
        }
        String context = kind + " round " + round + ": " + progress;
        assertEquals(3, applied, context);
        try (Connection connection = database.open()) {
          assertEquals(1, count(connection, "select count(*) from events"), context);
          assertEquals("c0ncurrent03", VersionTable.current(connection), context);
        }
        assertEquals(3, progress.stream().filter(line -> line.startsWith("Applied ")).count(), context);
      }
    } finally {
      workers.shutdownNow();
    }
  }

  /** Downgrades take turns too: two processes reverting one revision revert it once. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  @Execution(ExecutionMode.CONCURRENT)
  void aRevisionIsRevertedOnceWhenTwoDowngradeTogether(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    Migrator migrator = new Migrator(history(), TableFilter.defaults()).withProgress(line -> {});
    try (Connection connection = database.open()) {
      migrator.upgrade(connection, "head");
    }
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<MigrationScript>>> results = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        results.add(workers.submit(() -> {
          try (Connection connection = database.open()) {
            start.await();
            return migrator.downgrade(connection, "c0ncurrent01");
          }
        }));
      }
      start.countDown();
      int reverted = 0;
      for (Future<List<MigrationScript>> result : results) {
        reverted += result.get(120, TimeUnit.SECONDS).size();
      }
      assertEquals(2, reverted);
      try (Connection connection = database.open()) {
        assertEquals(0, count(connection, "select count(*) from events"));
        assertEquals("c0ncurrent01", VersionTable.current(connection));
      }
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * A step counted (-1) counts from where each process found the database before it waited:
   * two processes asked for one step each, while a third migrated, revert one revision between
   * them (a rollback job run by every replica reverted one revision per replica). The database
   * ends one revision down, and the other process finds nothing to do.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  @Execution(ExecutionMode.CONCURRENT)
  void twoProcessesAskedForOneStepBackRevertOneRevision(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      new Migrator(history(), TableFilter.defaults()).withProgress(line -> {}).upgrade(connection, "head");
    }
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    Migrator migrator = new Migrator(history(), TableFilter.defaults())
        .withLockTimeout(Duration.ofSeconds(60))
        .withProgress(progress::add);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try (Connection holder = database.open(); Statement statement = holder.createStatement()) {
      holdMigrationLock(kind, holder, statement);
      List<Future<List<MigrationScript>>> results = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        results.add(workers.submit(() -> {
          try (Connection connection = database.open()) {
            return migrator.downgrade(connection, "-1");
          }
        }));
      }
      // Both read where the database is, then wait for the lock, which says so after 2 s.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (progress.stream().filter(line -> line.startsWith("waiting for ")).count() < 2
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      releaseMigrationLock(kind, holder, statement);
      int reverted = 0;
      for (Future<List<MigrationScript>> result : results) {
        reverted += result.get(120, TimeUnit.SECONDS).size();
      }
      assertEquals(1, reverted, progress::toString);
      try (Connection connection = database.open()) {
        assertEquals("c0ncurrent02", VersionTable.current(connection));
      }
    } finally {
      workers.shutdownNow();
    }
  }

  private static void releaseMigrationLock(DatabaseKind kind, Connection holder, Statement statement)
      throws SQLException {
    if (kind == DatabaseKind.POSTGRESQL) {
      statement.execute("select pg_advisory_unlock(" + 0x6175746f + ", hashtext(current_schema()))");
    } else {
      holder.rollback();
      holder.setAutoCommit(true);
    }
  }

  /** A process that cannot get its turn says so, and gives up with one clear line. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  @Execution(ExecutionMode.CONCURRENT)
  void aWaitingProcessSaysSoAndGivesUpAfterTheTimeout(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    Migrator migrator = new Migrator(history(), TableFilter.defaults())
        // Long enough past the 2 s at which the wait is told that a try lands between the two
        // however slowly a loaded machine runs them (a SQLite try alone takes 0.45 s).
        .withLockTimeout(Duration.ofSeconds(8))
        .withProgress(progress::add);
    try (Connection holder = database.open(); Statement statement = holder.createStatement()) {
      holdMigrationLock(kind, holder, statement);
      try (Connection connection = database.open()) {
        UserError error = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
            () -> migrator.upgrade(connection, "head"));
        assertTrue(error.getMessage().startsWith("gave up after 8 s waiting for "), error.getMessage());
        assertEquals(1, error.getMessage().lines().count());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("waiting for ")), progress::toString);
        assertEquals(null, VersionTable.current(connection));
      }
    }
  }

  /** What another migrating process holds: PostgreSQL's advisory lock, SQLite's write lock. */
  private static void holdMigrationLock(DatabaseKind kind, Connection holder, Statement statement) throws SQLException {
    if (kind == DatabaseKind.POSTGRESQL) {
      statement.execute("select pg_advisory_lock(" + 0x6175746f + ", hashtext(current_schema()))");
    } else {
      holder.setAutoCommit(false);
      statement.execute("create table held (id integer)");
    }
  }

  private static int count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
