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
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's migration lock is keyed by the schema, and is released under the key it was taken
 * with, even when a revision moved the session to another schema. A lock left held on a pooled
 * connection (the Spring Boot starter's) would keep every other instance of the application
 * waiting for it. Held on a connection of its own, it is a transaction's, which a pool keeps on
 * one server session, and which ends with that transaction.
 */
class MigrationLockReleaseTest {

  /** Fails unless another server session holds the migration lock in a transaction it keeps open. */
  @Revision(id = "l0ckelsewh01", message = "a table, once the lock is seen held elsewhere")
  public static final class SeesTheLockHeldElsewhere implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("do $$ begin if not exists (select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid"
          + " where l.locktype = 'advisory' and l.classid = x'6175746f'::int::oid and l.granted"
          + " and a.state = 'idle in transaction' and l.pid <> pg_backend_pid())"
          + " then raise exception 'the migration lock is not held by another session''s transaction'; end if; end $$");
      op.createTable("things", column("id", SqlType.INTEGER).notNull());
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("things");
    }
  }

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

  /** Ends the lock's connection, as a server or pool timeout, or an administrator, may. */
  @Revision(id = "l0stlock0001", message = "a table, and the lock's session terminated")
  public static final class EndsTheLocksSession implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("things", column("id", SqlType.INTEGER).notNull());
      op.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'the-lock'");
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("things");
    }
  }

  /** Runs outside any transaction, where only the migration lock keeps other processes out. */
  @Revision(id = "l0stlock0002", revises = "l0stlock0001", message = "an index built concurrently")
  public static final class IndexesConcurrently implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createIndexConcurrently("things", Index.index("ix_things_id", "id"));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropIndex("things", "ix_things_id");
    }
  }

  @Test
  void aLostLockStopsTheMigrationBeforeAStatementOnlyItGuards() throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(
        MigrationScript.of(new EndsTheLocksSession(), "EndsTheLocksSession"),
        MigrationScript.of(new IndexesConcurrently(), "IndexesConcurrently")));
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<String> said = new ArrayList<>();
    Migrator migrator = new Migrator(history, TableFilter.defaults()).withProgress(said::add)
        .withLockConnections(() -> {
          Connection connection = database.open();
          connection.setClientInfo("ApplicationName", "the-lock");
          return connection;
        });
    try (Connection connection = database.open()) {
      UserError lost = assertThrows(UserError.class, () -> migrator.upgrade(connection, "head"));

      assertTrue(lost.getMessage().contains("the migration lock was lost"), lost::getMessage);
      assertEquals("l0stlock0001", VersionTable.current(connection));
      assertEquals(0, count(connection, "select count(*) from pg_indexes where indexname = 'ix_things_id'"));
      assertTrue(said.stream().anyMatch(line -> line.startsWith(
          "warning: the migration lock's connection had ended before the migration did")), said::toString);
    }
  }

  /**
   * A pool may lend its connections in manual commit: the reads an upgrade makes before it waits
   * for the lock must not keep a transaction open meanwhile (with its snapshot, which the
   * migrating process's concurrent index build would wait for, while it holds the lock awaited).
   */
  @Test
  void anUpgradeFromADataSourceWaitsWithoutATransactionOpenOnAManualCommitConnection() throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(
        MigrationScript.of(new SeesTheLockHeldElsewhere(), "SeesTheLockHeldElsewhere")));
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    AtomicInteger lent = new AtomicInteger();
    DataSource manualCommit = manualCommit(database,
        connection -> connection.setClientInfo("ApplicationName", lent.getAndIncrement() == 0 ? "work" : "lock"));
    Migrator migrator = new Migrator(history, TableFilter.defaults()).withProgress(line -> {})
        .withLockTimeout(Duration.ofMillis(2_500));
    try (Connection holder = database.open(); Statement holding = holder.createStatement()) {
      holding.execute("select pg_advisory_lock(x'6175746f'::int, hashtext('public'))");
      CompletableFuture<List<MigrationScript>> waiting = CompletableFuture.supplyAsync(() -> {
        try {
          return migrator.upgrade(manualCommit);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Thread.sleep(400);
        try (Statement statement = holder.createStatement();
            ResultSet state = statement.executeQuery("select state from pg_stat_activity where application_name = 'work'")) {
          seen.add(state.next() ? state.getString(1) : "none");
        }
      }
      assertFalse(seen.contains("idle in transaction"), seen::toString);
      assertTrue(assertThrows(Exception.class, waiting::join).getCause() instanceof UserError);
    }
  }

  /** Ends the session it runs in, as an administrator or a server restart may. */
  @Revision(id = "3ndsession01", message = "a table, and the end of the session")
  public static final class EndsItsOwnSession implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable("things", column("id", SqlType.INTEGER).notNull());
      op.execute("select pg_terminate_backend(pg_backend_pid())");
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("things");
    }
  }

  /** The manual-commit connection lent for the upgrade is given back as it came, unless it closed. */
  @Test
  void aConnectionThatClosedDuringAnUpgradeFromADataSourceFailsWithWhatClosedIt() throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(MigrationScript.of(new EndsItsOwnSession(), "EndsItsOwnSession")));
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    DataSource manualCommit = manualCommit(database, connection -> {});
    Migrator migrator = new Migrator(history, TableFilter.defaults()).withProgress(line -> {});

    Exception failure = assertThrows(Exception.class, () -> migrator.upgrade(manualCommit));

    StringBuilder causes = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      causes.append(cause.getMessage()).append(" / ");
    }
    assertTrue(causes.toString().contains("terminating connection"), causes::toString);
  }

  @Test
  void givenAWayToOpenConnectionsTheLockIsATransactionsOnAConnectionOfItsOwn() throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(
        MigrationScript.of(new SeesTheLockHeldElsewhere(), "SeesTheLockHeldElsewhere")));
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<Connection> opened = new ArrayList<>();
    Migrator migrator = new Migrator(history, TableFilter.defaults()).withProgress(line -> {})
        .withLockConnections(() -> {
          Connection connection = database.open();
          opened.add(connection);
          return connection;
        });
    try (Connection connection = database.open()) {
      assertEquals(List.of("l0ckelsewh01"), migrator.upgrade(connection, "head").stream().map(MigrationScript::id).toList());

      assertEquals(1, opened.size());
      assertTrue(opened.get(0).isClosed());
      assertEquals(0, advisoryLocks(connection, "true"), "advisory locks left in the database");
    }
  }

  @Test
  void anUpgradeWithNothingToDoTakesNoLockNorOpensAConnectionForIt() throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(
        MigrationScript.of(new SeesTheLockHeldElsewhere(), "SeesTheLockHeldElsewhere")));
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Connection holder = database.open();
        Statement holding = holder.createStatement()) {
      new Migrator(history, TableFilter.defaults()).withProgress(line -> {}).withLockConnections(database::open)
          .upgrade(connection, "head");
      // Another process holds the lock (a session's), and the lock's connections cannot be opened.
      holding.execute("select pg_advisory_lock(x'6175746f'::int, hashtext('public'))");
      Migrator migrator = new Migrator(history, TableFilter.defaults()).withProgress(line -> {})
          .withLockTimeout(Duration.ofMillis(300))
          .withLockConnections(() -> {
            throw new SQLException("no connection should be opened for the lock");
          });

      assertEquals(List.of(), migrator.upgrade(connection, "head"));
    }
  }

  @Test
  void theLockIsReleasedWhenARevisionMovedTheSessionToAnotherSchema() throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(MigrationScript.of(new MovesTheSession(), "MovesTheSession")));
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      new Migrator(history, TableFilter.defaults()).withProgress(line -> {}).upgrade(connection, "head");

      assertEquals(0, advisoryLocks(connection, "pid = pg_backend_pid()"), "advisory locks this session still holds");
    }
  }

  /** Something done to each connection as it is lent. */
  @FunctionalInterface
  private interface Lending {
    void lend(Connection connection) throws SQLException;
  }

  /** A data source lending the test database's connections in manual commit, as a pool may be set to. */
  private static DataSource manualCommit(TestDatabase database, Lending lending) {
    return (DataSource) Proxy.newProxyInstance(MigrationLockReleaseTest.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
          if (!method.getName().equals("getConnection")) {
            throw new UnsupportedOperationException(method.getName());
          }
          Connection connection = database.open();
          connection.setAutoCommit(false);
          lending.lend(connection);
          return connection;
        });
  }

  private static int advisoryLocks(Connection connection, String condition) throws SQLException {
    return count(connection, "select count(*) from pg_locks where locktype = 'advisory' and " + condition);
  }

  private static int count(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet counted = statement.executeQuery(query)) {
      counted.next();
      return counted.getInt(1);
    }
  }
}
