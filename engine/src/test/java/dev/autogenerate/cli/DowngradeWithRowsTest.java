package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A downgrade that re-adds a dropped NOT NULL column runs on a table with rows: the column comes
 * back nullable and empty (the file says what cannot be restored), where it used to fail on every
 * row.
 */
class DowngradeWithRowsTest {

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDroppedNotNullColumnComesBackNullableOnATableWithRows(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, name) values ('a@example.com', 'Ada'), ('b@example.com', 'Bo')");
    }

    project.entities(WalkthroughTest.USER_V1.replace("  @Column(nullable = false, length = 200) String email;\n", ""));
    project.expect(0, "-m", "no more emails");
    String migration = project.read(project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().contains("no_more_emails")).findFirst().orElseThrow());
    assertTrue(migration.contains("// users.email comes back nullable and empty"), migration);
    project.expect(0, "upgrade", "head");

    project.expect(0, "downgrade", "-1");

    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from users where email is null")) {
      rows.next();
      assertEquals(2, rows.getInt(1), "both rows kept, the column back and empty");
    }
  }
}
