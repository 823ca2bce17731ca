package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A narrowed column never truncates what it holds: PostgreSQL converts by assignment, so a value
 * that no longer fits fails the revision, which rolls back with everything as it was. (It used
 * to convert with an explicit cast, which cut a 25-character name to 10 without a word.)
 */
class NarrowingTest {

  @TempDir Path directory;

  @Test
  void aValueThatNoLongerFitsFailsTheRevisionInsteadOfBeingTruncated() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    String longName = "Maximilian Alexander Long";
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, name) values ('a@example.com', '" + longName + "')");
      statement.execute("insert into users (email, name) values ('b@example.com', 'Bo')");
    }
    project.entities(WalkthroughTest.USER_V1.replace("  String name;", "  @Column(length = 10) String name;"));
    project.expect(0, "-m", "shorter names");

    CliRun upgrade = project.expect(2, "upgrade", "head");

    assertEquals(1, upgrade.err().lines().count(), upgrade::toString);
    assertTrue(upgrade.err().contains("value too long"), upgrade::toString);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select name from users where email = 'a@example.com'")) {
      rows.next();
      assertEquals(longName, rows.getString(1));
    }
    // Once the data fits, the same migration applies.
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("update users set name = 'Max' where email = 'a@example.com'");
    }
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }
}
