package dev.autogenerate.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.ConnectionOpener;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The migration lock a command holds on a connection of its own is a transaction's: the pool
 * in front of the server (PgBouncer in transaction pooling) keeps a transaction on one server
 * session, where it cannot lose a session's lock, nor leave one behind.
 */
class PostgresTransactionMigrationLockTest {

  private static final LockWait PATIENT = new LockWait(Duration.ofSeconds(10), line -> {});

  @Test
  void theLockIsATransactionsOnItsOwnConnectionAndEndsWithIt() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<Connection> opened = new ArrayList<>();
    try (Connection work = database.open(); Connection other = database.open()) {
      // Its pool or role may default to repeatable read, whose snapshot lasts as long as the transaction.
      ConnectionOpener repeatableRead = () -> {
        Connection connection = recording(database, "holder", opened).open();
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        return connection;
      };
      MigrationLock lock = Database.of(work).lockMigrations(work, repeatableRead, PATIENT);
      assertEquals(1, opened.size());
      // Excludes the session lock on the same key, which a caller that gave only a connection holds.
      assertFalse(trySessionLock(other));
      assertEquals("idle in transaction", state(other, "holder"));
      // Without a snapshot: one would hold back vacuum, and a concurrent index build of the
      // migration itself would wait for the transaction, which waits for the migration.
      assertEquals(null, answer(other, "select backend_xmin::text from pg_stat_activity where application_name = ?",
          "holder"));
      assertEquals("0", answer(opened.get(0), "show idle_in_transaction_session_timeout", null));
      if (opened.get(0).getMetaData().getDatabaseMajorVersion() >= 17) {
        assertEquals("0", answer(opened.get(0), "show transaction_timeout", null));
      }
      assertTrue(work.getAutoCommit(), "the work connection is left in auto-commit for the revisions");

      lock.close();
      assertTrue(opened.get(0).isClosed());
      assertEquals(0, advisoryLocks(other));
      assertTrue(trySessionLock(other));
    }
  }

  /**
   * A waiting process's statements are plain ones, which the driver never prepares on the
   * server (one prepared on one server session fails on the next a pool hands it), and a process
   * that gives up leaves its connection as it came: a pool that does not reset connections would
   * otherwise lend the next borrower one in manual commit, or in the middle of a transaction.
   */
  @Test
  void aWaiterPreparesNothingAndGivesItsConnectionBackAsItCame() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    try (Connection work = database.open(); Connection waitingWork = database.open()) {
      Database postgres = Database.of(work);
      try (MigrationLock held = postgres.lockMigrations(work, database::open, PATIENT)) {
        Connection real = database.open();
        Connection watched = watched(real, calls);
        assertThrows(UserError.class, () -> postgres.lockMigrations(waitingWork, () -> watched,
            new LockWait(Duration.ofMillis(2_300), line -> {})));
        assertTrue(real.isClosed());
      }
    }
    // About a dozen tries, and who holds the lock asked twice: when it says it waits, and when it gives up.
    assertTrue(calls.stream().filter(call -> call.startsWith("createStatement")).count() >= 8, calls::toString);
    assertEquals(2, calls.stream().filter(call -> call.startsWith("prepareStatement")).count(), calls::toString);
    assertEquals(List.of("rollback", "setAutoCommit[true]", "close"), calls.subList(calls.size() - 3, calls.size()));
  }

  @Test
  void aWaitingProcessEndsItsTransactionBetweenTriesAndGivesUpNamingTheHolder() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<Connection> holders = new ArrayList<>();
    List<Connection> waiters = Collections.synchronizedList(new ArrayList<>());
    try (Connection work = database.open(); Connection waitingWork = database.open();
        Connection observer = database.open()) {
      Database postgres = Database.of(work);
      try (MigrationLock held = postgres.lockMigrations(work, recording(database, "holder", holders), PATIENT)) {
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
          try {
            postgres.lockMigrations(waitingWork, recording(database, "waiter", waiters),
                new LockWait(Duration.ofMillis(2_900), said::add)).close();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        // Past the first report (at 2 s, which also asks who holds the lock): each try and that
        // question ended their transaction, so the waiter's server session is not held throughout.
        Thread.sleep(2_300);
        String first = transactionStart(observer, "waiter");
        Thread.sleep(400);
        String second = transactionStart(observer, "waiter");
        assertFalse(first != null && first.equals(second), "one transaction across tries, begun " + first);

        Throwable failure = assertThrows(Exception.class, waiting::join).getCause();
        assertTrue(failure instanceof UserError, String.valueOf(failure));
        String holderPid = " (held by server process " + backendPid(observer, "holder") + ", another migration)";
        assertTrue(failure.getMessage().contains("the migration lock of this database" + holderPid),
            failure::getMessage);
        assertEquals(List.of("waiting for the migration lock of this database" + holderPid + " (up to 2 s)"), said);
        assertEquals(1, waiters.size());
        assertTrue(waiters.get(0).isClosed(), "the waiter's connection is closed when it gives up");
      }
      assertNotEquals(0, holders.size());
      assertEquals(0, advisoryLocks(observer));
    }
  }

  @Test
  void withoutASecondConnectionTheLockIsTheSessionsAndTheUserIsTold() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<String> said = new ArrayList<>();
    try (Connection work = database.open(); Connection other = database.open()) {
      work.setClientInfo("ApplicationName", "work");
      MigrationLock lock = Database.of(work).lockMigrations(work, () -> {
        throw new SQLException("FATAL: sorry, too many clients already");
      }, new LockWait(Duration.ofSeconds(10), said::add));

      assertEquals(List.of("warning: no second connection for the migration lock (FATAL: sorry, too many clients"
          + " already): it is held by this connection's session instead, which a pool in transaction pooling"
          + " (PgBouncer) can lose"), said);
      assertEquals(backendPid(other, "work"), answer(other, "select pid::text from pg_locks where locktype = 'advisory'"
          + " and classid = ?::oid", String.valueOf(PostgresMigrationLock.KEY)));
      lock.close();
      assertEquals(0, advisoryLocks(other));
    }
  }

  /** A data source of one connection (Spring's SingleConnectionDataSource) hands out the one migrated. */
  @Test
  void theConnectionBeingMigratedIsNotTakenForASecondOne() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<String> said = new ArrayList<>();
    try (Connection work = database.open(); Connection other = database.open()) {
      Connection sameUnderneath = watched(work, new ArrayList<>());
      MigrationLock lock = Database.of(work).lockMigrations(work, () -> sameUnderneath,
          new LockWait(Duration.ofSeconds(10), said::add));

      assertEquals(1, said.size(), said::toString);
      assertTrue(said.get(0).startsWith("warning: no second connection for the migration lock (the data source gave"
          + " the connection being migrated)"), said::toString);
      assertTrue(work.getAutoCommit());
      assertFalse(trySessionLock(other));
      lock.close();
      assertFalse(work.isClosed());
      assertTrue(trySessionLock(other));
    }
  }

  /** {@code real} under a wrapper of another class (as a pool's), which tells {@code calls} each method called. */
  private static Connection watched(Connection real, List<String> calls) {
    return (Connection) Proxy.newProxyInstance(PostgresTransactionMigrationLockTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
          calls.add(method.getName() + (arguments == null ? "" : java.util.Arrays.toString(arguments)));
          try {
            return method.invoke(real, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Opens connections named {@code name} in pg_stat_activity, keeping them in {@code opened}. */
  private static ConnectionOpener recording(TestDatabase database, String name, List<Connection> opened) {
    return () -> {
      Connection connection = database.open();
      connection.setClientInfo("ApplicationName", name);
      opened.add(connection);
      return connection;
    };
  }

  private static boolean trySessionLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "select pg_try_advisory_lock(?, " + PostgresMigrationLock.SCHEMA_KEY + ")")) {
      lock.setInt(1, PostgresMigrationLock.KEY);
      try (ResultSet result = lock.executeQuery()) {
        result.next();
        boolean locked = result.getBoolean(1);
        if (locked) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock_all()");
          }
        }
        return locked;
      }
    }
  }

  private static int advisoryLocks(Connection connection) throws SQLException {
    return Integer.parseInt(answer(connection, "select count(*) from pg_locks where locktype = 'advisory'", null));
  }

  private static String state(Connection connection, String name) throws SQLException {
    return answer(connection, "select state from pg_stat_activity where application_name = ?", name);
  }

  private static String transactionStart(Connection connection, String name) throws SQLException {
    return answer(connection, "select xact_start::text from pg_stat_activity where application_name = ?", name);
  }

  private static String backendPid(Connection connection, String name) throws SQLException {
    return answer(connection, "select pid::text from pg_stat_activity where application_name = ?", name);
  }

  private static String answer(Connection connection, String query, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      if (name != null) {
        statement.setString(1, name);
      }
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? result.getString(1) : null;
      }
    }
  }
}
