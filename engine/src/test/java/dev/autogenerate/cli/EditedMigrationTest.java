package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration edited after it was applied is noticed: check fails, upgrade and autogenerate
 * refuse with one line, downgrade -1 then upgrade head applies the edited version. Reformatting
 * the file is not an edit.
 */
class EditedMigrationTest {

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anAppliedMigrationEditedAfterwards(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    Path file = project.migrationFiles().get(0);
    String original = project.read(file);
    String relative = project.root().relativize(file).toString();

    project.write(relative, original.replace("  @Override", "\n  // reviewed\n  @Override"));
    project.expect(0, "check");

    project.write(relative, original.replace("column(\"name\", varchar(255))",
        "column(\"name\", varchar(255)),\n        column(\"nickname\", varchar(40))"));
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("was edited after it was applied to this database"), check::toString);
    CliRun upgrade = project.expect(2, "upgrade", "head");
    assertEquals(1, upgrade.err().lines().count(), upgrade::toString);
    assertTrue(upgrade.err().startsWith("error: migration "), upgrade::toString);
    project.expect(2, "-m", "anything");

    project.expect(0, "downgrade", "-1");
    project.expect(0, "upgrade", "head");
    assertTrue(WalkthroughTest.columnsOf(project, "users").contains("nickname"));
    CliRun generated = project.expect(0, "-m", "the entities catch up");
    assertTrue(generated.out().contains("drop column users.nickname"), generated::toString);
  }
}
