package dev.autogenerate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The engine's errors, as a build tells them: goals and parameters, not the command line's words. */
class MavenWordingTest {

  @Test
  void connectionSettingsAreThePluginsParameters() {
    assertEquals("error: cannot connect to jdbc:postgresql://db/app: refused (check url, user and password in the"
            + " plugin's <url>, <user> and <password> (or -Dautogenerate.url, -Dautogenerate.user,"
            + " -Dautogenerate.password; AUTOGENERATE_URL; autogenerate.properties); connect.timeout=10 s)",
        MavenWording.of("error: cannot connect to jdbc:postgresql://db/app: refused (check url, user and password in"
            + " autogenerate.properties, AUTOGENERATE_URL or --url; connect.timeout=10 s)"));
    assertEquals("error: cannot connect to jdbc:postgresql://db/app: refused (the url is from the plugin's <url>"
            + " (or -Dautogenerate.url): check it, and the user and password; connect.timeout=10 s)",
        MavenWording.of("error: cannot connect to jdbc:postgresql://db/app: refused (the url is from option --url:"
            + " check it, and the user and password; connect.timeout=10 s)"));
  }

  @Test
  void aMissingUrlNamesThePluginsParameterFirst() {
    assertEquals("error: no database URL: set the plugin's <url> (or -Dautogenerate.url; AUTOGENERATE_URL; url= in"
            + " autogenerate.properties), or spring.datasource.url in your application.yml",
        MavenWording.of("error: no database URL: set url= in autogenerate.properties, AUTOGENERATE_URL, --url, or"
            + " spring.datasource.url in your application.yml"));
  }

  /** The rename hints and refusals of generate and check name the goals' parameter. */
  @Test
  void renamesAreTheRenamesParameter() {
    assertEquals("warning: users.nick and users.name look like a rename: add @RenamedFrom(\"nick\") to keep the data"
            + " (or, for a join or collection table, which has no field for it, -Dautogenerate.renames=users.nick=name)",
        MavenWording.of("warning: users.nick and users.name look like a rename: add @RenamedFrom(\"nick\") to keep the"
            + " data (or, for a join or collection table, which has no field for it, --rename users.nick=name)"));
    assertEquals("error: -Dautogenerate.renames=teams=crews: the entities map no table crews",
        MavenWording.of("error: --rename teams=crews: the entities map no table crews"));
  }

  @Test
  void commandsAreGoals() {
    assertEquals("error: the history has two heads: run mvn autogenerate:merge -Dautogenerate.message=\"MESSAGE\" to"
            + " join them, or mvn autogenerate:upgrade -Dautogenerate.target=heads",
        MavenWording.of("error: the history has two heads: run autogenerate merge -m \"MESSAGE\" to join them, or"
            + " autogenerate upgrade heads"));
    assertEquals("run mvn autogenerate:upgrade first; then mvn autogenerate:generate -Dautogenerate.message=\"x\"",
        MavenWording.of("run `autogenerate upgrade head` first; then autogenerate -m \"x\""));
    assertEquals("or write the first migration with mvn autogenerate:generate -Dautogenerate.message=MESSAGE",
        MavenWording.of("or write the first migration with autogenerate -m MESSAGE"));
    assertEquals("mvn autogenerate:downgrade -Dautogenerate.target=abc123, then",
        MavenWording.of("autogenerate downgrade abc123, then"));
  }

  /** The sql goal writes a downgrade's script with -Dautogenerate.downgrade; merge is a goal. */
  @Test
  void offlineScriptsAndMergesAreTheGoalsParameters() {
    assertEquals("error: -Dautogenerate.range=b2:a1 goes backwards: add -Dautogenerate.downgrade for the downgrade's"
        + " script", MavenWording.of("error: upgrade --sql b2:a1 goes backwards: use downgrade --sql"));
    assertEquals("error: -Dautogenerate.range=a1:b2 goes forwards: leave -Dautogenerate.downgrade out for the"
        + " upgrade's script", MavenWording.of("error: downgrade --sql a1:b2 goes forwards: use upgrade --sql"));
    assertEquals("error: -Dautogenerate.downgrade needs -Dautogenerate.range=FROM:TO (where the database is, and where"
            + " to go), not head",
        MavenWording.of("error: downgrade --sql needs FROM:TO (where the database is, and where to go), not head"));
    assertEquals("error: two heads; a new revision would follow only one of them: run mvn autogenerate:merge"
            + " -Dautogenerate.message=\"MESSAGE\" to join them, then mvn autogenerate:upgrade",
        MavenWording.of("error: two heads; a new revision would follow only one of them: run autogenerate merge -m"
            + " \"MESSAGE\" to join them, then autogenerate upgrade head"));
  }

  /** Adopting a database is the baseline and stamp goals. */
  @Test
  void adoptionIsTheBaselineAndStampGoals() {
    assertEquals("warning: adopt this database as it is with mvn autogenerate:baseline"
            + " -Dautogenerate.message=\"adopt the existing schema\" (it writes the first migration)",
        MavenWording.of("warning: adopt this database as it is with autogenerate baseline -m \"adopt the existing"
            + " schema\" (it writes the first migration)"));
    assertEquals("error: adopt this database first, then mvn autogenerate:generate -Dautogenerate.message=MESSAGE",
        MavenWording.of("error: adopt this database first, then autogenerate -m MESSAGE"));
    assertEquals("run mvn autogenerate:downgrade -Dautogenerate.target=a1 (which reverts what builds on it), then"
            + " mvn autogenerate:stamp -Dautogenerate.target=base",
        MavenWording.of("run autogenerate downgrade a1 (which reverts what builds on it), then autogenerate stamp base"));
    assertEquals("adopt it with mvn autogenerate:baseline, or record the revision that made them with"
            + " mvn autogenerate:stamp; see",
        MavenWording.of("adopt it with autogenerate baseline, or record the revision that made them with"
            + " autogenerate stamp; see"));
  }

  @Test
  void theWayOutOfAnEditedMigrationAndAnUnknownRevisionAreGoalsToo() {
    assertEquals("undo the edit, or run mvn autogenerate:downgrade -Dautogenerate.target=-1, then mvn"
            + " autogenerate:upgrade to apply the edited version",
        MavenWording.of("undo the edit, or run downgrade -1 and then upgrade head to apply the edited version"));
    assertEquals("downgrade below it (mvn autogenerate:downgrade -Dautogenerate.target=abc) and then mvn"
            + " autogenerate:upgrade to apply",
        MavenWording.of("downgrade below it (autogenerate downgrade abc) and then upgrade head to apply"));
    assertEquals("unknown revision 'x': run mvn autogenerate:history to list revisions",
        MavenWording.of("unknown revision 'x': run `autogenerate history` to list revisions"));
    assertEquals("write one from where it is (mvn autogenerate:sql -Dautogenerate.range=CURRENT:TO, with",
        MavenWording.of("write one from where it is (autogenerate upgrade --sql CURRENT:TO, with"));
  }

  /**
   * Found by a user test: with two heads, the log's line gave the goals and the failure Maven
   * repeats at the end gave the command line's words.
   */
  @Test
  void theFailureOfAGoalThatFoundDifferencesSaysItInGoals() {
    String out = "the database is at 2 heads (a1, b2): run autogenerate merge -m \"MESSAGE\" to join them, then"
        + " autogenerate upgrade head";
    String failure = AbstractAutogenerateMojo.differencesFound("autogenerate:check", out, true);
    assertTrue(failure.startsWith("autogenerate:check failed: "), failure);
    assertTrue(failure.contains("mvn autogenerate:merge -Dautogenerate.message=\"MESSAGE\""), failure);
    assertFalse(failure.contains("run autogenerate merge"), failure);
    assertEquals("autogenerate:check failed: Differences: add column users.age (listed above)",
        AbstractAutogenerateMojo.differencesFound("autogenerate:check", "Differences:\n  add column users.age", true));
  }

  /** Found by a user test: the folder came from autogenerate.properties, and only the plugin's parameter was named. */
  @Test
  void theMigrationsFolderIsNamedWhereverItCanBeSet() {
    assertEquals("error: the migrations folder migrations is not there (the plugin's <migrationsPackage>,"
        + " -Dautogenerate.migrationsPackage, or migrations= in autogenerate.properties)",
        MavenWording.of("error: the migrations folder migrations is not there (autogenerate.properties, --migrations)"));
  }
}
