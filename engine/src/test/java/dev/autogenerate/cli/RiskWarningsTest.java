package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every step that may destroy data or fail on the rows a table holds is printed as a warning with
 * the rows it concerns, counted in the database, and written above the step in the file; safe
 * changes warn about nothing; {@code --strict} writes nothing and exits 1 on a risky step.
 */
class RiskWarningsTest {

  @TempDir Path directory;

  private ProjectDirectory populated(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, name) values ('a@example.com', 'Maximilian Alexander Long')");
      statement.execute("insert into users (email, name) values ('b@example.com', 'Bo')");
      statement.execute("insert into users (email, name) values ('c@example.com', null)");
      statement.execute("insert into users (email, name) values ('d@example.com', 'Bo')");
    }
    return project;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void eachRiskyStepIsWarnedWithItsRowCount(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);

    project.entities(WalkthroughTest.USER_V1.replace("  String name;\n", ""));
    assertEquals(List.of("warning: drop column users.name: dropping it deletes its values (rows holding a value: 3)"),
        warnings(project.expect(1, "-m", "drop names", "--strict")));

    project.entities(WalkthroughTest.USER_V1.replace("  String name;", "  @Column(nullable = false) String name;"));
    assertEquals(List.of("warning: alter column users.name: set not null: a null fails the revision (rows holding null: 1)"),
        warnings(project.expect(1, "-m", "names required", "--strict")));

    project.entities(WalkthroughTest.USER_V1.replace("  String name;", "  @Column(length = 10) String name;"));
    assertEquals(List.of("warning: alter column users.name: type varchar(10): values longer than the new length fail"
            + " the revision (rows too long: 1)"),
        warnings(project.expect(1, "-m", "short names", "--strict")));

    project.entities(WalkthroughTest.USER_V1.replace("  String name;", "  @Column(unique = true) String name;"));
    assertEquals(List.of("warning: add unique constraint uq_users_name on users: duplicates fail the revision"
            + " (duplicated values: 1)"),
        warnings(project.expect(1, "-m", "unique names", "--strict")));

    project.entities(WalkthroughTest.USER_V1.replace("  String name;\n", "  String name;\n  int age;\n"));
    assertEquals(List.of("warning: add column users.age: any row fails the revision (give it a default, or fill it"
            + " first) (rows: 4)"),
        warnings(project.expect(1, "-m", "ages", "--strict")));
    assertEquals(1, project.migrationFiles().size(), "--strict writes nothing");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theWarningIsWrittenAboveTheStepAndSafeChangesWarnNothing(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);

    project.entities(WalkthroughTest.USER_V2);
    CliRun safe = project.expect(0, "-m", "add age", "--strict");
    assertEquals(List.of(), warnings(safe));
    project.expect(0, "upgrade", "head");

    project.entities(WalkthroughTest.USER_V2.replace("  String name;\n", ""));
    CliRun risky = project.expect(0, "-m", "drop names");
    assertEquals(1, warnings(risky).size(), risky::toString);
    String file = project.read(project.migrationFiles().stream()
        .filter(each -> each.getFileName().toString().contains("drop_names")).findFirst().orElseThrow());
    assertTrue(file.contains("    // WARNING: dropping it deletes its values (rows holding a value: 3)\n"
        + "    op.dropColumn(\"users\", \"name\");"), file);
    assertFalse(file.substring(file.indexOf("downgrade(")).contains("WARNING"), file);
  }

  private static List<String> warnings(CliRun run) {
    return run.out().lines().filter(line -> line.startsWith("warning: ")).toList();
  }
}
