package dev.autogenerate.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a migration on a connection a pool lent, in auto-commit, and gives the connection back in
 * the mode it came in. A pool may lend it in manual commit (auto-commit=false): the reads an
 * upgrade makes before the migration lock would then keep a transaction open, with its snapshot,
 * while the process waits for another's migration, whose concurrent index build would wait for
 * that transaction in turn. The migrator makes each revision's transaction itself.
 */
public final class AutoCommitDuring {

  /** The work, on the connection in auto-commit. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  private AutoCommitDuring() {}

  public static <T> T run(Connection connection, Work<T> work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit) {
      connection.setAutoCommit(true);
    }
    try {
      return work.run();
    } finally {
      // Only if changed, and open: the driver refuses a closed connection's, and that refusal
      // would take the place of the failure that closed it.
      if (!autoCommit && !connection.isClosed()) {
        connection.setAutoCommit(false);
      }
    }
  }
}
