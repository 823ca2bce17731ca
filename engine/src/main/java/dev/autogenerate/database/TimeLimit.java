package dev.autogenerate.database;

import java.sql.SQLException;

/**
 * A bound on how long the statements of a connection may run, from {@link Database#limitTime}
 * until it is closed: a statement that runs out fails.
 */
@FunctionalInterface
public interface TimeLimit extends AutoCloseable {

  /** No bound, or one that the caller's rollback to a savepoint ends. */
  TimeLimit NONE = () -> {};

  /** Ends the bound. */
  @Override
  void close() throws SQLException;
}
