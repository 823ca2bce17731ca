package dev.autogenerate.database.postgres;

import dev.autogenerate.database.ConnectionOpener;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.Waiting;
import dev.autogenerate.runtime.UserError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
 */
final class PostgresTransactionMigrationLock implements MigrationLock {

  /**
   * Run once the lock is held. For the whole migration, however long: a server-wide limit would
   * end the transaction, and the lock with it. And a statement of its own, which holds no
   * snapshot: it replaces the driver's unnamed portal of the lock's query, whose snapshot would
   * otherwise be held as long as the transaction, and with it a horizon that vacuum must keep
   * rows for and that {@code create index concurrently} waits for, in a revision of this very
   * migration (which so waited forever).
   */
  private static final String NO_IDLE_LIMIT = "set local idle_in_transaction_session_timeout = 0";

  private final Connection own;
  private final Connection work;
  private final DeadClientCheck deadClientCheck;

  private PostgresTransactionMigrationLock(Connection own, Connection work, DeadClientCheck deadClientCheck) {
    this.own = own;
    this.work = work;
    this.deadClientCheck = deadClientCheck;
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
      wait.progress().accept("warning: no second connection for the migration lock ("
          + UserError.firstLine(String.valueOf(refused.getMessage())) + "): it is held by this connection's session"
          + " instead, which a pool in transaction pooling (PgBouncer) can lose");
      return PostgresMigrationLock.acquire(work, wait);
    }
    try {
      own.setAutoCommit(false);
      Waiting.until(wait, "the migration lock of this database",
          () -> rolledBackAfter(own, PostgresMigrationLock.holder(own, PostgresMigrationLock.KEY)),
          () -> tryLock(own, schemaKey));
      return new PostgresTransactionMigrationLock(own, work, DeadClientCheck.enable(work));
    } catch (SQLException | RuntimeException e) {
      try {
        own.close();
      } catch (SQLException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
  }

  /** Ends the transaction, and with it the lock: the connection closes without a commit to do. */
  @Override
  public void close() throws SQLException {
    try (own) {
      own.rollback();
      // A pooled connection goes back as it came.
      own.setAutoCommit(true);
    } finally {
      deadClientCheck.restore(work);
    }
  }

  /** Takes the lock in a transaction, or ends the transaction, leaving the server session to others. */
  private static boolean tryLock(Connection own, int schemaKey) throws SQLException {
    boolean locked;
    try (PreparedStatement lock = own.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, PostgresMigrationLock.KEY);
      lock.setInt(2, schemaKey);
      try (ResultSet result = lock.executeQuery()) {
        locked = result.next() && result.getBoolean(1);
      }
    }
    if (!locked) {
      own.rollback();
      return false;
    }
    try (Statement setting = own.createStatement()) {
      setting.execute(NO_IDLE_LIMIT);
    }
    return true;
  }

  private static String rolledBackAfter(Connection own, String answer) throws SQLException {
    own.rollback();
    return answer;
  }
}
