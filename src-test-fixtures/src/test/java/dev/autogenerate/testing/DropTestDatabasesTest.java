package dev.autogenerate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.autogenerate.schema.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs a small test class through a JUnit launcher of its own, as surefire runs every class, and
 * looks at the server afterwards: the databases the class created are gone, also those its
 * nested class created, and none was dropped while the class still ran.
 */
class DropTestDatabasesTest {

  /** Names the databases created by {@link CreatesDatabases}, and whether they existed at its end. */
  static final List<String> CREATED = new ArrayList<>();
  static final List<Boolean> OUTER_ALIVE_AFTER_NESTED = new ArrayList<>();

  /** Not run by surefire itself (a static nested class of a test class); launched below. */
  static class CreatesDatabases {
    private final String outer = created();

    @Test
    void createsOne() {}

    @Nested
    class AndItsNestedClass {
      @Test
      void createsAnother() throws SQLException {
        created();
        OUTER_ALIVE_AFTER_NESTED.add(exists(outer));
      }
    }

    private static String created() {
      String url = TestDatabases.fresh(DatabaseKind.POSTGRESQL).url();
      String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
      CREATED.add(name);
      return name;
    }
  }

  @Test
  void aClassesDatabasesAreDroppedWhenItEnds() throws SQLException {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create();
    // The service file registers DropTestDatabases with every launcher, this one included.
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(CreatesDatabases.class)).build(),
        summary);

    assertEquals(2, summary.getSummary().getTestsSucceededCount(), summary.getSummary().getFailures().toString());
    assertEquals(3, CREATED.size(), CREATED.toString());
    assertTrue(OUTER_ALIVE_AFTER_NESTED.stream().allMatch(alive -> alive), "dropped while the class ran");
    for (String database : CREATED) {
      assertFalse(exists(database), database + " still exists");
    }
  }

  /** More databases than drops run at once: every one is gone when the clean-up returns. */
  @Test
  void manyDatabasesAreAllDroppedBeforeTheCleanUpReturns() throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String url = TestDatabases.fresh(DatabaseKind.POSTGRESQL).url();
      names.add(url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
    }
    assertTrue(exists(names.get(9)), names.get(9));

    SharedPostgres.dropCreatedSoFar();

    for (String database : names) {
      assertFalse(exists(database), database + " still exists");
    }
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(thread -> thread.getName().startsWith("autogenerate-drop-test-databases")), "a dropping thread is left");
  }

  private static boolean exists(String database) throws SQLException {
    PostgresServer server = SharedPostgres.server();
    try (Connection connection =
            DriverManager.getConnection(server.maintenanceUrl(), server.user(), server.password());
        PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      query.setString(1, database);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }
}
