package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hibernate.default_schema} in autogenerate.properties puts unqualified tables there. */
class DefaultSchemaSettingTest {

  @TempDir Path directory;

  @Test
  void tablesWithoutASchemaGoToTheDefaultSchema() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create schema app");
    }
    ProjectDirectory project = new ProjectDirectory(directory, database);
    Files.writeString(directory.resolve("autogenerate.properties"), "hibernate.default_schema=app\n",
        StandardOpenOption.APPEND);
    project.entities(WalkthroughTest.USER_V1);

    CliRun first = project.expect(0, "-m", "first");
    assertTrue(first.out().contains("create table app.users"), first::toString);
    assertTrue(project.lastMigration().contains("\"app.users\""), project::lastMigration);
    project.expect(0, "upgrade", "head");
    CliRun again = project.expect(0, "-m", "again");
    assertTrue(again.out().contains("No changes"), again::toString);
    project.expect(0, "check");
    project.expect(0, "downgrade", "base");
  }
}
