package dev.autogenerate.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * While the migration lock is held the server checks for a dead client every second, so a killed
 * upgrade's session ends in the middle of its statement (KilledUpgradeTest kills one); after it,
 * the connection has its own value back, as an application's pool lent it.
 */
class DeadClientCheckTest {

  @Revision(id = "dead0c11e0t1", message = "what the revision's session checks")
  public static final class RecordsTheCheck implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("create table seen as select current_setting('client_connection_check_interval') as check_interval");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("drop table seen");
    }
  }

  @Test
  void revisionsRunWithTheCheckAndTheSessionGetsItsValueBack() throws Exception {
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      assumeServerHasTheSetting(connection);
      upgrade(connection);

      assertEquals(DeadClientCheck.INTERVAL, single(connection, "select check_interval from seen"));
      assertEquals("0", single(connection, "show client_connection_check_interval"));
    }
  }

  @Test
  void aSessionThatChecksAlreadyKeepsItsInterval() throws Exception {
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      assumeServerHasTheSetting(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("set client_connection_check_interval = '5s'");
      }

      upgrade(connection);

      assertEquals("5s", single(connection, "select check_interval from seen"));
      assertEquals("5s", single(connection, "show client_connection_check_interval"));
    }
  }

  /**
   * A server that cannot check (PostgreSQL on Windows refuses any interval but 0, as it refuses
   * a negative one everywhere) is migrated without the check.
   */
  @Test
  void aServerThatRefusesTheIntervalIsMigratedWithoutTheCheck() throws Exception {
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      assumeServerHasTheSetting(connection);
      DeadClientCheck check = DeadClientCheck.enable(connection, "-1");
      check.restore(connection);

      assertEquals("0", single(connection, "show client_connection_check_interval"));
      assertEquals("1", single(connection, "select 1"));
    }
  }

  /**
   * A connection lent inside a transaction (a pool with auto-commit off) comes back as it was
   * lent, whoever ends the transaction and however: the check is not set in it, as the first
   * revision would commit the setting and the rollback of the caller's transaction undo its
   * restoring.
   */
  @Test
  void aConnectionLentInATransactionIsLeftAsItWas() throws Exception {
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      assumeServerHasTheSetting(connection);
      connection.setAutoCommit(false);

      upgrade(connection);
      connection.rollback();

      assertEquals("0", single(connection, "show client_connection_check_interval"));
      assertEquals("0", single(connection, "select check_interval from seen"));
    }
  }

  /** PostgreSQL 11 to 13 (given as AUTOGENERATE_TEST_POSTGRES_URL) have no such setting to test. */
  private static void assumeServerHasTheSetting(Connection connection) throws SQLException {
    assumeTrue(single(connection, "select current_setting('client_connection_check_interval', true)") != null,
        "PostgreSQL before 14 has no client_connection_check_interval");
  }

  private static void upgrade(Connection connection) throws SQLException {
    RevisionHistory history = RevisionHistory.of(List.of(MigrationScript.of(new RecordsTheCheck(), "RecordsTheCheck")));
    new Migrator(history, TableFilter.defaults()).withProgress(line -> {}).upgrade(connection, "head");
  }

  private static String single(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getString(1);
    }
  }
}
