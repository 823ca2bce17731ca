package dev.autogenerate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogenerate.schema.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresDatabasesTest {

  @Test
  void freshDatabasesAreDistinctEmptyAndUsable() throws SQLException {
    TestDatabase first = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    TestDatabase second = TestDatabases.fresh(DatabaseKind.POSTGRESQL);

    assertEquals(DatabaseKind.POSTGRESQL, first.kind());
    assertNotEquals(first.url(), second.url());
    assertEquals(List.of(), tables(first));
    assertEquals(List.of(), tables(second));

    try (Connection connection = first.open();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE person (id BIGINT PRIMARY KEY, name TEXT NOT NULL)");
      statement.execute("INSERT INTO person VALUES (1, 'Ada')");
      try (ResultSet rows = statement.executeQuery("SELECT name FROM person")) {
        assertTrue(rows.next());
        assertEquals("Ada", rows.getString(1));
      }
    }

    assertEquals(List.of("person"), tables(first));
    assertEquals(List.of(), tables(second));
  }

  /** It does not sync to disk, so a template is copied file by file, not through the log. */
  @Test
  void theEmbeddedServerCopiesTheTemplateFileByFile() {
    PostgresServer server = SharedPostgres.server();
    assumeTrue(server.description().startsWith("embedded"), server::description);

    assertEquals(" STRATEGY FILE_COPY", SharedPostgres.creationStrategy(server));
  }

  @Test
  void oneServerServesEveryDatabaseOfTheJvm() throws SQLException {
    List<String> servers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      servers.add(serverIdentity(TestDatabases.fresh(DatabaseKind.POSTGRESQL)));
    }

    assertEquals(1, SharedPostgres.starts());
    assertEquals(1, servers.stream().distinct().count(), servers.toString());
  }

  @Test
  void freshDatabaseIsOwnedByTheTestUser() throws SQLException {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);

    try (Connection connection = database.open();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT current_database(), has_database_privilege(current_database(), 'CREATE')")) {
      assertTrue(row.next());
      assertTrue(database.url().contains("/" + row.getString(1)), database.url());
      assertTrue(row.getBoolean(2));
      assertFalse(row.next());
    }
  }

  /** Port and start time together tell servers apart, even two on different ports. */
  private static String serverIdentity(TestDatabase database) throws SQLException {
    try (Connection connection = database.open();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT current_setting('port') || '@' || pg_postmaster_start_time()")) {
      assertTrue(row.next());
      return row.getString(1);
    }
  }

  private static List<String> tables(TestDatabase database) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = database.open();
        ResultSet rows =
            connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
