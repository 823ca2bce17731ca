package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The version table's heads and the history table's rows, read together. */
class RecordedRevisionsTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void readsTheHeadsInOrderAndWhatRanInTheOrderItRan(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      assertEquals(new RecordedRevisions(List.of(), Optional.empty()), RecordedRevisions.read(connection));
      execute(connection, VersionTable.createSql(false), "insert into " + VersionTable.NAME + " values ('c3', 'x')",
          "insert into " + VersionTable.NAME + " values ('b2', 'y')");
      assertEquals(new RecordedRevisions(List.of("b2", "c3"), Optional.empty()), RecordedRevisions.read(connection));

      execute(connection, HistoryTable.createSql(false),
          "insert into " + HistoryTable.NAME + " (revision, applied_order, checksum) values ('c3', 3, 'x')",
          "insert into " + HistoryTable.NAME + " (revision, applied_order, checksum) values ('a1', 1, 's')",
          "insert into " + HistoryTable.NAME + " (revision, applied_order, checksum) values ('b2', 2, null)");
      RecordedRevisions read = RecordedRevisions.read(connection);
      assertEquals(List.of("b2", "c3"), read.heads());
      assertEquals(List.of("a1", "b2", "c3"), List.copyOf(read.ran().orElseThrow().keySet()));
      assertEquals("s", read.ran().orElseThrow().get("a1"));
      assertEquals(null, read.ran().orElseThrow().get("b2"));
    }
  }

  /**
   * Another process reverts two revisions, a3 and b2, right after this one has read the version
   * table. Read one table after the other, the heads said a3 and the history held only a1: b2,
   * below the head, looked as if it had never run, and an upgrade or a relative downgrade
   * refused with a false "never ran". Read together, both come from before or both from after.
   */
  @Test
  void anotherProcessCommittingBetweenTheReadsIsSeenWhole() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Connection other = database.open()) {
      execute(connection, VersionTable.createSql(false), HistoryTable.createSql(false),
          "insert into " + VersionTable.NAME + " values ('a3', 'x')",
          "insert into " + HistoryTable.NAME + " (revision, applied_order) values ('a1', 1), ('b2', 2), ('a3', 3)");
      AtomicBoolean reverted = new AtomicBoolean();
      Connection racing = afterReadingTheVersionTable(connection, () -> {
        if (reverted.compareAndSet(false, true)) {
          other.setAutoCommit(false);
          execute(other, "update " + VersionTable.NAME + " set version_num = 'a1'",
              "delete from " + HistoryTable.NAME + " where revision in ('b2', 'a3')");
          other.commit();
        }
      });

      RecordedRevisions read = RecordedRevisions.read(racing);

      assertTrue(reverted.get(), "the other process ran");
      Map<String, String> ran = read.ran().orElseThrow();
      assertTrue(read.heads().equals(List.of("a3")) && ran.keySet().equals(java.util.Set.of("a1", "b2", "a3"))
          || read.heads().equals(List.of("a1")) && ran.keySet().equals(java.util.Set.of("a1")), read::toString);
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  /**
   * The connection, running the action once a query reading the version table's rows has returned
   * (not a look in the catalog for the table).
   */
  private static Connection afterReadingTheVersionTable(Connection connection, SqlAction action) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          Object result = invoke(connection, method, arguments);
          if (!(result instanceof Statement statement)) {
            return result;
          }
          return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
              (statementProxy, statementMethod, statementArguments) -> {
                Object returned = invoke(statement, statementMethod, statementArguments);
                if (statementMethod.getName().equals("executeQuery")
                    && String.valueOf(statementArguments[0]).contains("from " + VersionTable.NAME)) {
                  action.run();
                }
                return returned;
              });
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void execute(Connection connection, String... sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }
}
