package dev.autogenerate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SqliteDatabasesTest {

  @Test
  void freshDatabaseIsARealFileInATemporaryDirectory() {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    assertEquals(DatabaseKind.SQLITE, database.kind());
    assertNull(database.user());
    assertNull(database.password());
    assertTrue(database.url().startsWith("jdbc:sqlite:/"), database.url());
    Path file = fileOf(database);
    assertTrue(Files.isRegularFile(file), file.toString());
    Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    assertTrue(file.startsWith(temporary), file + " not under " + temporary);
    assertTrue(file.getFileName().toString().matches("test-\\d+\\.db"), file.toString());
  }

  @Test
  void freshDatabasesAreSeparateFiles() {
    TestDatabase first = TestDatabases.fresh(DatabaseKind.SQLITE);
    TestDatabase second = TestDatabases.fresh(DatabaseKind.SQLITE);

    assertNotEquals(fileOf(first), fileOf(second));
  }

  @Test
  void tablesPersistAcrossConnections() throws SQLException {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    try (Connection connection = database.open();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
      statement.execute("INSERT INTO person VALUES (1, 'Ada')");
    }
    try (Connection connection = database.open();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM person")) {
      assertTrue(rows.next());
      assertEquals("Ada", rows.getString(1));
    }
  }

  private static Path fileOf(TestDatabase database) {
    return Path.of(database.url().substring("jdbc:sqlite:".length()));
  }
}
