package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
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

  /** How often an upgrade of a fresh database to {@code target} looks for either table by name. */
  private static int lookupsUpgradingTo(DatabaseKind kind, String target) throws Exception {
    RevisionHistory history = RevisionHistory.of(List.of(
        MigrationScript.of(new ConcurrentUpgradeTest.CreateEvents(), "CreateEvents"),
        MigrationScript.of(new ConcurrentUpgradeTest.InsertOnce(), "InsertOnce"),
        MigrationScript.of(new ConcurrentUpgradeTest.AddSource(), "AddSource")));
    AtomicInteger lookups = new AtomicInteger();
    try (Connection connection = TestDatabases.fresh(kind).open()) {
      Migrator migrator = new Migrator(history, TableFilter.defaults()).withProgress(line -> {});
      List<MigrationScript> applied = migrator.upgrade(counting(connection, lookups), target);
      assertEquals(target.equals("head") ? 3 : 1, applied.size());
    }
    return lookups.get();
  }

  /** The connection, counting the metadata's look-ups of the version or history table. */
  private static Connection counting(Connection connection, AtomicInteger lookups) {
    return proxy(Connection.class, connection, (method, args) -> {
      Object result = method.invoke(connection, args);
      if (method.getName().equals("getMetaData")) {
        DatabaseMetaData metadata = (DatabaseMetaData) result;
        return proxy(DatabaseMetaData.class, metadata, (inner, innerArgs) -> {
          if (inner.getName().equals("getTables") && innerArgs[2] instanceof String name
              && (name.equalsIgnoreCase(VersionTable.NAME) || name.equalsIgnoreCase(HistoryTable.NAME))) {
            lookups.incrementAndGet();
          }
          return inner.invoke(metadata, innerArgs);
        });
      }
      return result;
    });
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
