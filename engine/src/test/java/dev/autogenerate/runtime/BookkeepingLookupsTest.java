package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An upgrade looks for its version and history tables in the catalog (JDBC metadata: a heavy
 * query and a round trip each) before its first revision only: a revision that committed left
 * them there. So the lookups do not grow with the revisions it applies; they were a third of a
 * small revision's time on PostgreSQL, three per revision.
 */
class BookkeepingLookupsTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theBookkeepingTablesAreLookedForAsOftenForThreeRevisionsAsForOne(DatabaseKind kind) throws Exception {
    int forOne = lookupsUpgradingTo(kind, "c0ncurrent01");
    int forThree = lookupsUpgradingTo(kind, "head");

    assertEquals(forOne, forThree);
  }

  /**
   * Should the tables be dropped between two revisions all the same (a test emptying the
   * database meanwhile), the next revision stops with one line that says so, not as the
   * migration's failure, and applies nothing.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void bookkeepingTablesDroppedBetweenRevisionsStopTheNextWithOneLine(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    List<String> applied = new ArrayList<>();
    Migrator migrator = new Migrator(history(), TableFilter.defaults()).withProgress(line -> {
      if (line.startsWith("Applied ") && applied.isEmpty()) {
        applied.add(line);
        try (Connection other = database.open(); Statement statement = other.createStatement()) {
          statement.execute("drop table " + VersionTable.NAME);
          statement.execute("drop table " + HistoryTable.NAME);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    });
    try (Connection connection = database.open()) {
      UserError stopped = assertThrows(UserError.class, () -> migrator.upgrade(connection, "head"));
      assertTrue(stopped.getMessage().startsWith("cannot read " + VersionTable.NAME
          + ", there when the revision before committed ("), stopped::getMessage);
      assertTrue(stopped.getMessage().endsWith("Nothing of c0ncurrent02 (one row, once) was applied; run the command"
          + " again"), stopped::getMessage);
      assertFalse(stopped.getMessage().contains("\n"));
    }
    try (Connection connection = database.open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from events")) {
      rows.next();
      assertEquals(0, rows.getInt(1), "the second revision inserted nothing");
    }
  }

  /**
   * JDBC's metadata takes a table's name as a pattern, where {@code _} is any character: a table
   * named so that the pattern matches it is not the version table, and reading it as one failed.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTableTheNamesMatchAsPatternsIsNotTakenForTheBookkeeping(DatabaseKind kind) throws Exception {
    try (Connection connection = TestDatabases.fresh(kind).open(); Statement statement = connection.createStatement()) {
      statement.execute("create table autogenerateXversion (version_num varchar(32))");
      statement.execute("create table autogenerateXhistory (revision varchar(32))");

      assertEquals(List.of(), VersionTable.rows(connection));
      assertFalse(HistoryTable.exists(connection));
      assertTrue(HistoryTable.checksums(connection).isEmpty());
    }
  }

  /** Lookups are counted on both databases, so the first test compares counts that can differ. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theLookupsAreCounted(DatabaseKind kind) throws Exception {
    assertTrue(lookupsUpgradingTo(kind, "c0ncurrent01") > 0);
  }

  private static RevisionHistory history() {
    return RevisionHistory.of(List.of(
        MigrationScript.of(new ConcurrentUpgradeTest.CreateEvents(), "CreateEvents"),
        MigrationScript.of(new ConcurrentUpgradeTest.InsertOnce(), "InsertOnce"),
        MigrationScript.of(new ConcurrentUpgradeTest.AddSource(), "AddSource")));
  }

  /** How often an upgrade of a fresh database to {@code target} looks for either table by name. */
  private static int lookupsUpgradingTo(DatabaseKind kind, String target) throws Exception {
    RevisionHistory history = history();
    AtomicInteger lookups = new AtomicInteger();
    try (Connection connection = TestDatabases.fresh(kind).open()) {
      Migrator migrator = new Migrator(history, TableFilter.defaults()).withProgress(line -> {});
      List<MigrationScript> applied = migrator.upgrade(counting(connection, lookups), target);
      assertEquals(target.equals("head") ? 3 : 1, applied.size());
    }
    return lookups.get();
  }

  /**
   * The connection, counting the look-ups of the version or history table: through the metadata
   * (SQLite) or a catalog query naming the table (PostgreSQL).
   */
  private static Connection counting(Connection connection, AtomicInteger lookups) {
    return proxy(Connection.class, connection, (method, args) -> {
      Object result = method.invoke(connection, args);
      if (method.getName().equals("getMetaData")) {
        DatabaseMetaData metadata = (DatabaseMetaData) result;
        return proxy(DatabaseMetaData.class, metadata, (inner, innerArgs) -> {
          if (inner.getName().equals("getTables") && innerArgs[2] instanceof String name && namesATable(name)) {
            lookups.incrementAndGet();
          }
          return inner.invoke(metadata, innerArgs);
        });
      }
      if (method.getName().equals("createStatement")) {
        Statement statement = (Statement) result;
        return proxy(Statement.class, statement, (inner, innerArgs) -> {
          if (inner.getName().equals("executeQuery") && innerArgs[0] instanceof String sql && sql.contains("pg_class")
              && (sql.contains("'" + VersionTable.NAME + "'") || sql.contains("'" + HistoryTable.NAME + "'"))) {
            lookups.incrementAndGet();
          }
          return inner.invoke(statement, innerArgs);
        });
      }
      return result;
    });
  }

  private static boolean namesATable(String name) {
    return name.equalsIgnoreCase(VersionTable.NAME) || name.equalsIgnoreCase(HistoryTable.NAME);
  }

  private interface Call {
    Object invoke(java.lang.reflect.Method method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, T target, Call call) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      try {
        return call.invoke(method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
