package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's {@code CompareHook}, compiled with its entities, has the last word on what
 * autogenerate proposes, in every command that compares: here it keeps {@code legacy_*} tables
 * that no entity maps, which would otherwise be dropped.
 */
class CompareHookTest {

  static final String KEEP_LEGACY_TABLES = """
      package com.example.hooks;

      import dev.autogenerate.changes.Change;
      import dev.autogenerate.changes.CompareHook;
      import dev.autogenerate.operations.DropTable;
      import java.util.Optional;

      public class KeepLegacyTables implements CompareHook {
        @Override
        public Optional<Change> review(Change proposed) {
          if (proposed.operation() instanceof DropTable drop && drop.table().startsWith("legacy_")) {
            return Optional.empty();
          }
          return Optional.of(proposed);
        }
      }
      """;

  static final String NO_DEFAULT_CONSTRUCTOR = """
      package com.example.hooks;

      import dev.autogenerate.changes.Change;
      import dev.autogenerate.changes.CompareHook;
      import java.util.Optional;

      public class NeedsAnArgument implements CompareHook {
        public NeedsAnArgument(String prefix) {}

        @Override
        public Optional<Change> review(Change proposed) {
          return Optional.of(proposed);
        }
      }
      """;

  static final String SERVICES = "classes/META-INF/services/dev.autogenerate.changes.CompareHook";

  @TempDir Path directory;

  /**
   * A project on a fresh SQLite file holding two tables no entity maps, made by hand, set to
   * drop such tables (compare.drop-unmapped), so that only the hook keeps one.
   */
  private ProjectDirectory project() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.write("autogenerate.properties",
        project.read(project.root().resolve("autogenerate.properties")) + "compare.drop-unmapped=true\n");
    OrphanedRowsTest.execute(project, "create table legacy_audit (id integer primary key, note text)",
        "insert into legacy_audit (note) values ('kept'), ('forever')",
        "create table old_stuff (id integer primary key)");
    project.entities(WalkthroughTest.USER_V1, KEEP_LEGACY_TABLES, NO_DEFAULT_CONSTRUCTOR);
    return project;
  }

  private static void configure(ProjectDirectory project, String line) {
    String settings = project.read(project.root().resolve("autogenerate.properties"));
    project.write("autogenerate.properties", settings.replaceAll("(?m)^compare\\.hook=.*\\n", "") + line + "\n");
  }

  private static List<String> listed(CliRun run) {
    return run.out().lines().filter(line -> line.startsWith("  ")).map(String::trim).toList();
  }

  @Test
  void theHookNamedInTheSettingsKeepsLegacyTablesOutOfEveryComparison() throws Exception {
    ProjectDirectory project = project();
    configure(project, "compare.hook=com.example.hooks.KeepLegacyTables");

    CliRun generated = project.expect(0, "-m", "first");

    assertEquals(List.of("create table users", "drop table old_stuff"), listed(generated), generated::toString);
    String migration = project.read(project.migrationFiles().get(0));
    assertFalse(migration.contains("legacy_audit"), migration);
    assertTrue(migration.contains("op.dropTable(\"old_stuff\")"), migration);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    assertTrue(project.expect(0, "-m", "again").out().contains("No changes"));
    assertEquals(List.of("1|kept", "2|forever"), OrphanedRowsTest.rows(project, "select id, note from legacy_audit"));
    try (var connection = project.database().open()) {
      assertEquals(List.of("autogenerate_history", "autogenerate_version", "legacy_audit", "users"),
          WalkthroughTest.allTables(connection, DatabaseKind.SQLITE));
    }

    // Without the hook, the same database differs from the entities: the hook was what kept it.
    configure(project, "");
    CliRun unhooked = project.expect(1, "check");
    assertTrue(unhooked.out().contains("drop table legacy_audit"), unhooked::toString);
  }

  @Test
  void aHookListedAsAServiceOnTheEntityClassPathIsFoundWithoutTheSetting() throws Exception {
    ProjectDirectory project = project();
    project.write(SERVICES, "# keeps the legacy tables\ncom.example.hooks.KeepLegacyTables\n");

    CliRun generated = project.expect(0, "-m", "first");

    assertEquals(List.of("create table users", "drop table old_stuff"), listed(generated), generated::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  @Test
  void aHookClassThatIsNotThereIsAOneLineError() throws Exception {
    ProjectDirectory project = project();
    configure(project, "compare.hook=com.example.hooks.KeepLegacyTabels");

    assertBadHook(project, "error: compare.hook com.example.hooks.KeepLegacyTabels is not on the class path: ");
  }

  @Test
  void aHookClassThatIsNoCompareHookIsAOneLineError() throws Exception {
    ProjectDirectory project = project();
    configure(project, "compare.hook=com.example.domain.User");

    assertBadHook(project,
        "error: compare.hook com.example.domain.User does not implement dev.autogenerate.changes.CompareHook");
  }

  @Test
  void aHookClassWithoutANoArgumentConstructorIsAOneLineError() throws Exception {
    ProjectDirectory project = project();
    configure(project, "compare.hook=com.example.hooks.NeedsAnArgument");

    assertBadHook(project, "error: compare.hook com.example.hooks.NeedsAnArgument cannot be created: "
        + "it needs a public no-argument constructor");
  }

  @Test
  void aServiceListingAMissingClassIsAOneLineError() throws Exception {
    ProjectDirectory project = project();
    project.write(SERVICES, "com.example.hooks.Gone\n");

    assertBadHook(project, "error: cannot load a CompareHook listed in META-INF/services: ");
  }

  /** Both commands that compare refuse, in one line, and nothing is written or created. */
  private static void assertBadHook(ProjectDirectory project, String expectedStart) throws Exception {
    OrphanedRowsTest.assertOneLineError(project.expect(2, "-m", "first"), expectedStart);
    OrphanedRowsTest.assertOneLineError(project.expect(2, "check"), expectedStart);
    assertEquals(List.of(), project.migrationFiles());
    try (var connection = project.database().open()) {
      assertEquals(List.of("legacy_audit", "old_stuff"), WalkthroughTest.allTables(connection, DatabaseKind.SQLITE));
    }
  }
}
