package dev.autogenerate.database.postgres;

import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.Waiting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A transaction-level advisory lock, one per database and schema, taken as each revision's
 * transaction begins and held to its end, on a key of its own. A command given only a connection
 * holds the migration lock as a session's ({@link PostgresMigrationLock}), and a pool that hands
 * each transaction whichever server session is free (PgBouncer in transaction pooling) can make
 * one process's session lock another's, or leave it held by no one: then two processes could both
 * begin the same revision, each reading the version before the other committed, and a revision
 * that inserts or updates rows would do it twice. A transaction keeps its server session to its
 * end, so this lock holds there too (as does the migration lock a command holds on a connection
 * of its own, {@link PostgresTransactionMigrationLock}): the revision transactions of every
 * process take turns, and the version each reads once it holds the lock is the one the
 * transaction before it committed. Uncontended where the migration lock holds (one more round
 * trip per revision).
 */
final class PostgresRevisionLock {

  /** The first half of the lock's key: "autx" in ASCII, beside the migration lock's "auto". */
  static final int KEY = 0x61757478;

  private PostgresRevisionLock() {}

  /** Takes the lock in the connection's transaction, waiting for another revision's to end. */
  static void take(Connection connection, LockWait wait) throws SQLException {
    Waiting.until(wait, "the revision lock of this database",
        () -> PostgresMigrationLock.holder(connection, KEY), () -> tryLock(connection));
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "select pg_try_advisory_xact_lock(?, " + PostgresMigrationLock.SCHEMA_KEY + ")")) {
      lock.setInt(1, KEY);
      try (ResultSet result = lock.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
