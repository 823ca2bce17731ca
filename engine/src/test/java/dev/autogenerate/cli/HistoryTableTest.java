package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.runtime.HistoryTable;
import dev.autogenerate.runtime.ToolVersion;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The history table lists every applied revision (when, by whom, how long, which release), and
 * an edit to any of them, not only the newest, fails check and upgrade naming the file.
 */
class HistoryTableTest {

  @TempDir Path directory;

  private static ProjectDirectory threeRevisionsApplied(Path directory, DatabaseKind kind) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table", "--rev-id", "aaaa00000001", "--created", "2026-01-01T00:00:01Z");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V2);
    project.expect(0, "-m", "add age", "--rev-id", "aaaa00000002", "--created", "2026-01-01T00:00:02Z");
    project.expect(0, "upgrade", "head");
    project.expect(0, "revision", "-m", "seed", "--rev-id", "aaaa00000003", "--created", "2026-01-01T00:00:03Z");
    project.expect(0, "upgrade", "head");
    return project;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void oneRowPerAppliedRevision(DatabaseKind kind) throws Exception {
    ProjectDirectory project = threeRevisionsApplied(directory, kind);

    Map<String, HistoryTable.Entry> entries = entries(project);
    assertEquals(List.of("aaaa00000001", "aaaa00000002", "aaaa00000003"), List.copyOf(entries.keySet()));
    for (HistoryTable.Entry entry : entries.values()) {
      assertTrue(entry.checksum().startsWith("v1:"), entry::toString);
      assertNotNull(entry.appliedAt(), entry::toString);
      assertNotNull(entry.durationMillis(), entry::toString);
      assertFalse(entry.appliedBy().isBlank(), entry::toString);
      assertEquals(ToolVersion.current(), entry.toolVersion());
    }
    assertFalse(ToolVersion.current().contains("${"), "the build writes the version: " + ToolVersion.current());

    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("aaaa00000001", "aaaa00000002"), List.copyOf(entries(project).keySet()));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEditToAnOlderAppliedRevisionIsNoticed(DatabaseKind kind) throws Exception {
    ProjectDirectory project = threeRevisionsApplied(directory, kind);
    Path second = project.migrationFiles().stream().filter(file -> file.toString().contains("add_age"))
        .findFirst().orElseThrow();
    String relative = project.root().relativize(second).toString();
    project.write(relative, project.read(second).replace("column(\"age\", INTEGER)", "column(\"age\", BIGINT)")
        .replace("import static dev.autogenerate.schema.SqlType.INTEGER;",
            "import static dev.autogenerate.schema.SqlType.BIGINT;\nimport static dev.autogenerate.schema.SqlType.INTEGER;"));

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("add_age"), check::toString);
    assertTrue(check.out().contains("was edited after it was applied"), check::toString);
    CliRun upgrade = project.expect(2, "upgrade", "head");
    assertEquals(1, upgrade.err().lines().count(), upgrade::toString);
    assertTrue(upgrade.err().contains("add_age"), upgrade::toString);
    assertTrue(upgrade.err().contains("downgrade aaaa00000001"), upgrade::toString);

    // The way out the message names: below it, and up again with the edit.
    project.expect(0, "downgrade", "aaaa00000001");
    project.expect(0, "upgrade", "head");
    project.expect(1, "check");
  }

  /** stamp records where the database is without running anything, and is how an edit is accepted. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void stampAcceptsAnEditAndMovesTheRecordOnly(DatabaseKind kind) throws Exception {
    ProjectDirectory project = threeRevisionsApplied(directory, kind);
    Path seed = project.migrationFiles().stream().filter(file -> file.toString().contains("seed"))
        .findFirst().orElseThrow();
    project.write(project.root().relativize(seed).toString(), project.read(seed)
        .replaceFirst("// Write the schema change here[^\\n]*", "op.execute(\"update users set name = name\");"));
    project.expect(1, "check");

    CliRun stamp = project.expect(0, "stamp", "head");
    assertTrue(stamp.out().contains("Stamped aaaa00000003"), stamp::toString);
    project.expect(0, "check");

    project.expect(0, "stamp", "aaaa00000001");
    assertEquals(List.of("aaaa00000001"), List.copyOf(entries(project).keySet()));
    assertTrue(WalkthroughTest.columnsOf(project, "users").contains("age"), "stamp runs nothing");
    project.expect(0, "stamp", "base");
    assertEquals(List.of(), List.copyOf(entries(project).keySet()));
    CliRun current = project.expect(0, "current");
    assertTrue(current.out().startsWith("base"), current::toString);
  }

  /**
   * A database migrated by the release that kept only the version table: it works as it is, and
   * its first upgrade records every applied revision, so later edits to any of them are noticed.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDatabaseOfTheEarlierReleaseGetsItsHistoryInPlace(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table", "--rev-id", "aaaa00000001", "--created", "2026-01-01T00:00:01Z");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V2);
    project.expect(0, "-m", "add age", "--rev-id", "aaaa00000002", "--created", "2026-01-01T00:00:02Z");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("drop table " + HistoryTable.NAME);
    }
    project.expect(0, "check");

    project.expect(0, "revision", "-m", "seed", "--rev-id", "aaaa00000003", "--created", "2026-01-01T00:00:03Z");
    project.expect(0, "upgrade", "head");

    Map<String, HistoryTable.Entry> entries = entries(project);
    assertEquals(List.of("aaaa00000001", "aaaa00000002", "aaaa00000003"), List.copyOf(entries.keySet()));
    assertTrue(entries.get("aaaa00000001").appliedBy().contains("autogenerate_version"), entries::toString);
    project.expect(0, "check");
    Path first = project.migrationFiles().stream().filter(file -> file.toString().contains("create_users_table"))
        .findFirst().orElseThrow();
    project.write(project.root().relativize(first).toString(),
        project.read(first).replace("column(\"name\", varchar(255))", "column(\"name\", varchar(200))"));
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("create_users_table"), check::toString);
  }

  private static Map<String, HistoryTable.Entry> entries(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open()) {
      return HistoryTable.entries(connection);
    }
  }
}
