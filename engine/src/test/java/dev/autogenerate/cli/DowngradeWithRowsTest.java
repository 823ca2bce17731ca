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
 * row. One that drops what its upgrade added, with data put there since, says so: a warning in the
 * file, and the rows counted when it runs, before its statements.
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

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDowngradeDroppingDataWarnsInTheFileAndCountsTheRowsWhenItRuns(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V2);
    project.expect(0, "-m", "add age");
    String migration = project.read(project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().contains("add_age")).findFirst().orElseThrow());
    String downgrade = migration.substring(migration.indexOf("downgrade("));
    assertTrue(WrappedComments.containsWrapped(downgrade,
        "    // WARNING: dropping it deletes its values (the downgrade counts the rows holding"
        + " a value when it runs)\n    op.dropColumn(\"users\", \"age\");"), migration);
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, age) values ('a@example.com', 36), ('b@example.com', null)");
    }

    CliRun reverted = project.expect(0, "downgrade", "-1");
    String out = reverted.out();
    assertTrue(out.contains("  warning: drop column users.age: dropping it deletes its values (rows holding a value: 1)"),
        reverted::toString);
    assertTrue(out.indexOf("warning: drop column users.age") < out.indexOf("Reverted "), reverted::toString);
    CliRun again = project.expect(0, "downgrade", "-1");
    assertTrue(again.out().contains("  warning: drop table users: dropping it deletes every row (rows: 2)"),
        again::toString);
  }

  /** A downgrade step that can only fail (not null again) is warned of without a count the runtime will not make. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDowngradeStepThatMayFailIsWarnedWithoutAPromisedCount(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    String required = WalkthroughTest.USER_V1.replace("  String name;", "  @Column(nullable = false) String name;");
    project.entities(required);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "optional names");
    String migration = project.read(project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().contains("optional_names")).findFirst().orElseThrow());
    String downgrade = migration.substring(migration.indexOf("downgrade("));
    assertTrue(downgrade.contains("    // WARNING: a null fails the revision\n"), migration);
  }
}
