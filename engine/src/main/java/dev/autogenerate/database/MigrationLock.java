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

  @Override
  void close() throws SQLException;
}
