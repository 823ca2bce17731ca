package dev.autogenerate.database;

import java.sql.SQLException;

/**
 * Held while one process migrates a database, so that several processes upgrading together
 * (replicas of an application starting at once, two CI jobs) take turns. Closing releases it.
 */
@FunctionalInterface
public interface MigrationLock extends AutoCloseable {

  /** For a database whose revisions take their turn by their own transactions (SQLite). */
  MigrationLock NONE = () -> {};

  /**
   * Fails with a user error when the lock is known to be lost (its connection ended), before a
   * step that only this lock keeps other processes from: a statement outside any transaction,
   * which no revision lock covers.
   */
  default void requireHeld() throws SQLException {}

  @Override
  void close() throws SQLException;
}
