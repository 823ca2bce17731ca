package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.MigrationLoader;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration edited after it was applied is noticed: check fails, upgrade and autogenerate
 * refuse with one line, downgrade -1 then upgrade head applies the edited version. Reformatting
 * the file is not an edit. The file is what counts, not a copy the application compiled before
 * the edit.
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
    // The way out runs the edited file's downgrade, which must undo what ran: said.
    assertTrue(upgrade.err().contains("run downgrade -1 and then upgrade head")
        && upgrade.err().contains("the downgrade that runs is the edited file's"), upgrade::toString);
    project.expect(2, "-m", "anything");
    // Stamping accepts the edit, and says so (a user test found edits taken without a word).
    CliRun stamped = project.expect(0, "stamp", "head");
    assertTrue(stamped.out().contains("warning: accepted the edits of applied migration(s) ")
        && stamped.out().contains(file.getFileName() + ": their files now count as what ran"), stamped::toString);
    assertFalse(project.expect(0, "stamp", "head").out().contains("accepted"), "once");
    project.write(relative, original);
    project.expect(0, "stamp", "head");

    project.write(relative, original.replace("column(\"name\", varchar(255))",
        "column(\"name\", varchar(255)),\n        column(\"nickname\", varchar(40))"));
    project.expect(0, "downgrade", "-1");
    project.expect(0, "upgrade", "head");
    assertTrue(WalkthroughTest.columnsOf(project, "users").contains("nickname"));
    CliRun generated = project.expect(0, "-m", "the entities catch up");
    assertTrue(generated.out().contains("drop column users.nickname"), generated::toString);
  }

  /** Found by a user test: three applied migrations edited, and check named the first only. */
  @Test
  void everyEditedMigrationIsNamedAndTheOldestDecidesTheWayBack() throws Exception {
    ProjectDirectory project = usersThenAges(true);
    Path users = migration(project, "users");
    Path ages = migration(project, "ages");
    project.write(project.root().relativize(users).toString(), project.read(users)
        .replace("column(\"name\", varchar(255))", "column(\"name\", varchar(255)),\n        column(\"x\", varchar(9))"));
    project.write(project.root().relativize(ages).toString(), project.read(ages).replace("\"age\"", "\"years\""));

    CliRun check = project.expect(1, "check");

    assertTrue(check.out().contains(users.getFileName() + " was edited after it was applied to this database (and ")
        && check.out().contains(ages.getFileName() + ", edited too)"), check::toString);
    assertTrue(check.out().contains("downgrade below it (autogenerate downgrade base)"), check::toString);
  }

  /**
   * A user test: an applied migration edited on a database also behind its newest migration; check
   * said only to upgrade, and upgrade then refused the edit. The edit is told first.
   */
  @Test
  void anEditIsToldBeforeTheDatabaseBeingBehind() throws Exception {
    ProjectDirectory project = usersThenAges(false);
    Path users = migration(project, "users");
    project.write(project.root().relativize(users).toString(), project.read(users)
        .replace("column(\"name\", varchar(255))", "column(\"name\", varchar(255)),\n        column(\"x\", varchar(9))"));

    CliRun check = project.expect(1, "check");

    assertTrue(check.out().contains(users.getFileName() + " was edited after it was applied to this database"),
        check::toString);
    assertFalse(check.out().contains("run `autogenerate upgrade head` first"), check::toString);
  }

  /**
   * The release before, deployed again after a rollback (a user test): its job's upgrade head and
   * check met a database a newer release migrated and said to restore a migration. upgrade applies
   * nothing, as the application's start-up does; check says the migrations are behind it. Both
   * say the other way to get there: the newest applied migration's file deleted (found by a user
   * test regenerating an unpushed migration, told only of a newer release).
   */
  @Test
  void aDatabaseANewerReleaseMigratedIsToldSoAndUpgradeAppliesNothing() throws Exception {
    ProjectDirectory project = usersThenAges(true);
    Path ages = migration(project, "ages");
    java.nio.file.Files.delete(ages);
    project.entities(WalkthroughTest.USER_V1);

    CliRun upgrade = project.expect(0, "upgrade", "head");
    assertTrue(upgrade.out().startsWith("Nothing to apply: the database is at ") && upgrade.out().contains(
        ", which these migrations do not define, with all of theirs applied before it"), upgrade::toString);
    assertTrue(upgrade.out().contains("a newer release migrated it"), upgrade::toString);
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("a newer release migrated it, and these migrations are behind it"), check::toString);
    assertFalse(check.out().contains("restore that migration") || check.err().contains("restore"), check::toString);
    // Which of the two it is the database cannot say: a user test had deleted the file (see below).
    assertTrue(check.out().contains("or the file of that migration was deleted here after it was applied: restore it"),
        check::toString);
    assertTrue(upgrade.out().contains("or the file of that migration was deleted here"), upgrade::toString);
  }

  /**
   * An edited baseline (a review): told to downgrade, which the tool refuses for a revision
   * recorded with stamp or baseline. It says nothing of it ran, and that stamp accepts the edit.
   */
  @Test
  void anEditedBaselineIsToldToBeAcceptedWithStamp() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    try (java.sql.Connection connection = project.database().open();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("create table users (id integer primary key, email varchar(200) not null, name varchar(255))");
    }
    project.expect(0, "baseline", "-m", "adopt");
    Path adopt = migration(project, "adopt");
    project.write(project.root().relativize(adopt).toString(),
        project.read(adopt).replace("column(\"name\", varchar(255))", "column(\"name\", varchar(255)).notNull()"));

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains(adopt.getFileName() + " was edited after it was recorded here, but it was recorded"
        + " with stamp or baseline, so nothing of it ran here: if this database is as the edited file says, accept the"
        + " edit with autogenerate stamp head"), check::toString);
    project.expect(0, "stamp", "head");
    assertFalse(project.expect(0, "check").out().contains("was edited"));
  }

  /**
   * The application compiles its migrations too (Migrator.fromClasspath runs them at start-up),
   * so its class path, which the command reads the entities from, holds a copy of each migration
   * as it was at the last build. An edit made since must not hide behind that copy.
   */
  @Test
  void anEditIsNoticedBeforeTheApplicationIsRebuilt() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    Path file = project.migrationFiles().get(0);
    String original = project.read(file);
    project.entities(WalkthroughTest.USER_V1, original);

    project.write(project.root().relativize(file).toString(), original.replace("column(\"name\", varchar(255))",
        "column(\"name\", varchar(255)),\n        column(\"nickname\", varchar(40))"));
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("was edited after it was applied to this database"), check::toString);
    // Again, with the migrations taken from the cache this time.
    CliRun again = project.expect(1, "check");
    assertTrue(again.out().contains("was edited after it was applied to this database"), again::toString);
  }

  /**
   * Databases migrated by the release before the canonical checksum recorded a hash of the
   * operations' {@code toString()}: they are not flagged as edited, and an edit is still noticed.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aChecksumRecordedByTheEarlierReleaseStillMatches(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    Path file = project.migrationFiles().get(0);
    String relative = project.root().relativize(file).toString();
    List<Operation> operations = MigrationLoader.fromSources(project.migrations(), List.of(), getClass().getClassLoader())
        .get(0).upgradeOperations();
    String legacy = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(operations.toString().getBytes(StandardCharsets.UTF_8)));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      String recorded;
      try (ResultSet rows = statement.executeQuery("select checksum from autogenerate_version")) {
        rows.next();
        recorded = rows.getString(1);
      }
      assertTrue(recorded.startsWith("v1:"), recorded);
      statement.executeUpdate("update autogenerate_version set checksum = '" + legacy + "'");
    }
    project.expect(0, "check");
    project.expect(0, "upgrade", "head");

    project.write(relative, project.read(file).replace("column(\"name\", varchar(255))",
        "column(\"name\", varchar(255)),\n        column(\"nickname\", varchar(40))"));
    project.expect(1, "check");
  }

  /** A SQLite project with a migration of users and one of their ages, the first applied, the second too when asked. */
  private ProjectDirectory usersThenAges(boolean secondApplied) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V2);
    project.expect(0, "-m", "ages");
    if (secondApplied) {
      project.expect(0, "upgrade", "head");
    }
    return project;
  }

  private static Path migration(ProjectDirectory project, String message) {
    return project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().endsWith("_" + message + ".java")).findFirst().orElseThrow();
  }
}
