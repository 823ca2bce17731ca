package dev.autogenerate.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Revisions' transactions take turns on PostgreSQL by a lock of their own, without the
 * session-level migration lock: where a pool (PgBouncer in transaction pooling) makes one
 * process's session lock another's, two processes must still not run one revision each, both
 * having read the version before the other committed.
 */
class PostgresRevisionLockTest {

  @Test
  void aRevisionsTransactionWaitsForAnotherRevisionsToEnd() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection first = database.open(); Connection second = database.open()) {
      Database postgres = Database.of(first);
      RevisionGuard running = postgres.beginRevision(first, new LockWait(Duration.ofSeconds(5), line -> {}));

      List<String> said = new ArrayList<>();
      UserError waited = assertThrows(UserError.class,
          () -> postgres.beginRevision(second, new LockWait(Duration.ofMillis(600), said::add)));
      assertTrue(waited.getMessage().contains("the revision lock of this database (held by server process "
          + backendPid(first) + ", another migration)"), waited::getMessage);
      // Left as it was: no transaction of the waiting side's own stays open.
      assertTrue(second.getAutoCommit());

      // The lock ends with the transaction that holds it.
      first.commit();
      running.close();
      RevisionGuard next = postgres.beginRevision(second, new LockWait(Duration.ofMillis(600), said::add));
      assertEquals(List.of(), said);
      second.rollback();
      next.close();
    }
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
      pid.next();
      return pid.getInt(1);
    }
  }
}
