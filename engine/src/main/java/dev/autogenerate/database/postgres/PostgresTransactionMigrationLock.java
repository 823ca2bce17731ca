package dev.autogenerate.database.postgres;

import dev.autogenerate.database.ConnectionOpener;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.Waiting;
import dev.autogenerate.runtime.UserError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The migration lock held by a transaction of a connection of its own, kept open for the whole
 * upgrade or downgrade: what a command uses when it can open a second connection (the command
 * line, a data source).
 *
 * <p>A session's advisory lock ({@link PostgresMigrationLock}) does not survive a pool that hands
 * each transaction whichever server session is free, as PgBouncer does in transaction pooling:
 * the lock is taken on one server session and the unlock sent to another, and the first keeps it,
 * held by no one, so that every later migration waits for it and gives up ten minutes on (seen
 * with six instances upgrading at once through PgBouncer). A transaction keeps its server session
 * to its end, so a lock it takes holds there, and ends with it: on rollback, on the connection's
 * close, or when the server finds the client gone (an idle session reads its socket). A process
 * waiting for it rolls back between its tries, so a waiting replica does not pin one of the
 * pool's server sessions.
 *
 * <p>Same key as the session lock, so either kind excludes the other: an application holding a
 * connection only ({@code upgrade(Connection, ...)}) and a command line take turns too.
 *
 * <p>The tries are plain statements with the keys written in, which the driver never prepares on
 * the server: a waiting process tries five times a second, and a statement the driver had
 * prepared on one server session would fail on the next session the pool hands it (without
 * {@code prepareThreshold=0}). Who holds the lock is asked at most twice, below the driver's
 * threshold, so the connection is safe behind such a pool whatever its URL says.
 */
final class PostgresTransactionMigrationLock implements MigrationLock {

  /** How long a check that the lock's connection still answers may take. */
  private static final int ALIVE_SECONDS = 10;

  private final Connection own;
  private final boolean ownAutoCommit;
  private final Connection work;
  private final DeadClientCheck deadClientCheck;
  private final LockWait wait;

  private PostgresTransactionMigrationLock(Connection own, boolean ownAutoCommit, Connection work,
      DeadClientCheck deadClientCheck, LockWait wait) {
    this.own = own;
    this.ownAutoCommit = ownAutoCommit;
    this.work = work;
    this.deadClientCheck = deadClientCheck;
    this.wait = wait;
  }

  /**
   * @param work the connection the revisions run on, whose default schema the lock is for, and on
   *     which the server looks for a dead client while the lock is held
   */
  static MigrationLock acquire(Connection work, ConnectionOpener lockConnections, LockWait wait) throws SQLException {
    int schemaKey = PostgresMigrationLock.schemaKey(work);
    Connection own;
    try {
      own = lockConnections.open();
    } catch (SQLException | UserError refused) {
      // A pool of one connection (after its wait), a server at max_connections: the migration can
      // still run, with the lock every release before this one held, and the user told.
      return onTheSession(work, wait, UserError.firstLine(String.valueOf(refused.getMessage())));
    }
    if (sameDriverConnection(own, work)) {
      // A data source of a single connection (Spring's SingleConnectionDataSource) hands out the
      // one being migrated: its first revision's commit would end the lock's transaction, and
      // closing it could close that connection. It is left alone.
      return onTheSession(work, wait, "the data source gave the connection being migrated");
    }
    boolean ownAutoCommit = true;
    try {
      ownAutoCommit = own.getAutoCommit();
      own.setAutoCommit(false);
      Waiting.until(wait, "the migration lock of this database",
          () -> rolledBackAfter(own, PostgresMigrationLock.holder(own, PostgresMigrationLock.KEY)),
          () -> tryLock(own, schemaKey));
      keepOpen(own);
      return new PostgresTransactionMigrationLock(own, ownAutoCommit, work, DeadClientCheck.enable(work), wait);
    } catch (SQLException | RuntimeException e) {
      try {
        release(own, ownAutoCommit);
      } catch (SQLException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
  }

  private static MigrationLock onTheSession(Connection work, LockWait wait, String why) throws SQLException {
    wait.progress().accept("warning: no second connection for the migration lock (" + why + "): it is held by this"
        + " connection's session instead, which a pool in transaction pooling (PgBouncer) can lose");
    return PostgresMigrationLock.acquire(work, wait);
  }

  /** Whether both are, under whatever a pool or a framework wraps them in, one driver connection. */
  private static boolean sameDriverConnection(Connection own, Connection work) {
    if (own == work) {
      return true;
    }
    try {
      return own.isWrapperFor(PGConnection.class) && work.isWrapperFor(PGConnection.class)
          && own.unwrap(PGConnection.class) == work.unwrap(PGConnection.class);
    } catch (SQLException cannotTell) {
      return false;
    }
  }

  /**
   * Fails when the lock's connection no longer answers: a server or pool limit ended its
   * transaction, or its session was terminated, and another process may be migrating.
   */
  @Override
  public void requireHeld() throws SQLException {
    if (!own.isValid(ALIVE_SECONDS)) {
      throw new UserError("the migration lock was lost: its connection ended (a server or pool timeout, or a"
          + " terminated session), and another process may be migrating; run the command again");
    }
  }

  /**
   * Ends the transaction, and with it the lock. A connection that ended before (the lock lost
   * meanwhile) is told as a warning: the revisions that ran committed, each under its own
   * revision lock, and the command is not failed for it.
   */
  @Override
  public void close() throws SQLException {
    try {
      release(own, ownAutoCommit);
    } catch (SQLException lost) {
      wait.progress().accept("warning: the migration lock's connection had ended before the migration did ("
          + UserError.firstLine(String.valueOf(lost.getMessage())) + ")");
    } finally {
      deadClientCheck.restore(work);
    }
  }

  /** Rolls back and closes, a pooled connection going back as it came. */
  private static void release(Connection own, boolean autoCommit) throws SQLException {
    try (own) {
      own.rollback();
      own.setAutoCommit(autoCommit);
    }
  }

  /**
   * Takes the lock in a transaction, or ends the transaction, leaving the server session to
   * others. The transaction reads committed whatever the pool or the role defaults to: under
   * repeatable read its first query's snapshot would last as long as it does (see
   * {@link #keepOpen}).
   */
  private static boolean tryLock(Connection own, int schemaKey) throws SQLException {
    boolean locked;
    try (Statement lock = own.createStatement()) {
      lock.execute("set transaction isolation level read committed");
      try (ResultSet result = lock.executeQuery(
          "select pg_try_advisory_xact_lock(" + PostgresMigrationLock.KEY + ", " + schemaKey + ")")) {
        locked = result.next() && result.getBoolean(1);
      }
    }
    if (!locked) {
      own.rollback();
    }
    return locked;
  }

  /**
   * Lifts the server's limits on an idle transaction's length, for the whole migration however
   * long: a limit would end the transaction, and the lock with it. Settings, which hold no
   * snapshot, and run last: they replace the driver's unnamed portal of the lock's query, whose
   * snapshot would otherwise be held as long as the transaction, and with it a horizon that
   * vacuum must keep rows for and that {@code create index concurrently} in a revision of this
   * very migration waits for (which so waited forever).
   */
  private static void keepOpen(Connection own) throws SQLException {
    try (Statement settings = own.createStatement()) {
      settings.execute("set local idle_in_transaction_session_timeout = 0");
      if (own.getMetaData().getDatabaseMajorVersion() >= 17) {
        settings.execute("set local transaction_timeout = 0");
      }
    }
  }

  private static String rolledBackAfter(Connection own, String answer) throws SQLException {
    own.rollback();
    return answer;
  }
}
