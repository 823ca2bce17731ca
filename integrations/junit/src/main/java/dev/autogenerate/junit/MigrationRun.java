package dev.autogenerate.junit;

import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.UserError;
import java.sql.Connection;
import java.sql.SQLException;
import org.opentest4j.AssertionFailedError;

/**
 * The runtime's upgrades and downgrades as a test runs them: a revision that fails (its SQL, a
 * missing column, a broken reference) is the test's failure, saying what the test was doing, and
 * not an error of the test itself.
 */
final class MigrationRun {

  private MigrationRun() {}

  static void upgrade(Migrator migrator, Connection connection, String target, String doing) throws SQLException {
    try {
      migrator.upgrade(connection, target);
    } catch (UserError e) {
      throw new AssertionFailedError(doing + ": " + e.getMessage(), e);
    }
  }

  static void downgrade(Migrator migrator, Connection connection, String target, String doing) throws SQLException {
    try {
      migrator.downgrade(connection, target);
    } catch (UserError e) {
      throw new AssertionFailedError(doing + ": " + e.getMessage(), e);
    }
  }
}
