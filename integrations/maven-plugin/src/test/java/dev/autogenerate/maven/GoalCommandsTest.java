package dev.autogenerate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.AutogenerateCli;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

/** The command line each goal runs, from its parameters as the POM configures them. */
class GoalCommandsTest {

  @Test
  void generatePassesTheRenamesAsRenameOptions() throws Exception {
    GenerateMojo generate = new GenerateMojo();
    generate.message = "rename people";
    generate.renames = List.of("people=persons", " persons.name=full_name ", "");

    assertEquals(List.of("revision", "--autogenerate", "-m", "rename people",
        "--rename", "people=persons", "--rename", "persons.name=full_name"), generate.command());
  }

  @Test
  void checkPassesThemTooAndNoneWhenNoneAreConfigured() {
    CheckMojo check = new CheckMojo();
    assertEquals(List.of("check"), check.command());

    check.renames = List.of("people=persons");
    check.strict = true;
    assertEquals(List.of("check", "--strict", "--rename", "people=persons"), check.command());
  }

  /** A plain Maven project adopts its database with the goals, as the command line does. */
  @Test
  void baselineAndStampAreTheCommandLinesAndNeedWhatTheyCannotGuess() throws Exception {
    BaselineMojo baseline = new BaselineMojo();
    MojoFailureException noMessage = assertThrows(MojoFailureException.class, baseline::command);
    assertTrue(noMessage.getMessage().contains("-Dautogenerate.message=\"adopt the existing schema\""),
        noMessage.getMessage());
    baseline.message = "adopt the existing schema";
    assertEquals(List.of("baseline", "-m", "adopt the existing schema"), baseline.command());
    assertTrue(baseline.readsEntities(), "what the entities do not map is left to the database");

    StampMojo stamp = new StampMojo();
    MojoFailureException noTarget = assertThrows(MojoFailureException.class, stamp::command);
    assertTrue(noTarget.getMessage().contains("-Dautogenerate.target=head"), noTarget.getMessage());
    stamp.target = "base";
    assertEquals(List.of("stamp", "base"), stamp.command());
    assertFalse(stamp.readsEntities());
  }

  @Test
  void mergeJoinsTheHeadsOrTheRevisionsGivenAndSqlWritesADowngradesScriptWhenAsked() throws Exception {
    MergeMojo merge = new MergeMojo();
    assertThrows(MojoFailureException.class, merge::command);
    merge.message = "join the branches";
    assertEquals(List.of("merge", "-m", "join the branches"), merge.command());
    merge.revisions = List.of(" a1b2 ", "c3d4");
    assertEquals(List.of("merge", "-m", "join the branches", "a1b2", "c3d4"), merge.command());

    SqlMojo sql = new SqlMojo();
    sql.range = "a1b2:c3d4";
    assertEquals(List.of("upgrade", "--sql", "a1b2:c3d4"), sql.command());
    sql.downgrade = true;
    sql.range = "c3d4:a1b2";
    assertEquals(List.of("downgrade", "--sql", "c3d4:a1b2"), sql.command());
  }

  @Test
  void upgradeAndDowngradeWaitForAnotherMigrationAsLongAsTheLockTimeoutSays() throws Exception {
    UpgradeMojo upgrade = new UpgradeMojo();
    upgrade.target = "head";
    assertEquals(List.of("upgrade", "head"), upgrade.command());
    upgrade.lockTimeout = "30";
    assertEquals(List.of("upgrade", "head", "--lock-timeout", "30"), upgrade.command());

    DowngradeMojo downgrade = new DowngradeMojo();
    downgrade.target = "-1";
    downgrade.singleTransaction = true;
    downgrade.lockTimeout = " 5 ";
    assertEquals(List.of("downgrade", "-1", "--single-transaction", "--lock-timeout", "5"), downgrade.command());
  }

  /** mvn -q autogenerate:sql logged the script at INFO, which a quiet build drops: it printed nothing. */
  @Test
  void aQuietBuildPrintsTheScriptBareOnStandardOutput() {
    List<String> logged = new ArrayList<>();
    SqlMojo sql = new SqlMojo();
    sql.setLog(recording(logged, false));
    java.io.PrintStream standardOutput = System.out;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(printed, true));
    try {
      sql.printOutput("alter table people add column age integer;");
    } finally {
      System.setOut(standardOutput);
    }

    assertEquals("alter table people add column age integer;" + System.lineSeparator(), printed.toString());
    assertEquals(List.of(), logged);
  }

  /** A risk warning of generate's output was logged as INFO, in the command line's words. */
  @Test
  void outputWarningsAreMavenWarningsInTheBuildsWords() {
    List<String> logged = new ArrayList<>();
    GenerateMojo generate = new GenerateMojo();
    generate.setLog(recording(logged, true));

    generate.printOutput("warning: drops column people.age, which holds 3 values");
    generate.printOutput("  drop column people.age");
    generate.printOutput("Run autogenerate -m \"message\" to write a migration for them.");

    assertEquals(List.of("warn warning: drops column people.age, which holds 3 values", "info   drop column people.age",
        "info Run mvn autogenerate:generate -Dautogenerate.message=\"message\" to write a migration for them."), logged);
  }

  /**
   * Found by a user test: the real difference was a column's new NOT NULL, yet the build failed
   * naming the note check printed before it, about a constraint only the database has.
   */
  @Test
  void checkFailsNamingTheDifferenceNeverANoteOrWarningPrintedBeforeIt() {
    CheckMojo check = goal(new CheckMojo(), "check");
    check.setLog(recording(new ArrayList<>(), true));
    String out = """
        note: check events_op_check on audit.events (op in ('I', 'U')) exists only in the database, and no \
        migration created it: left alone (autogenerate check --strict counts it)
        warning: tables teams and squads look like a rename: add @RenamedFrom("teams") to keep the data
        Differences: the database does not match the entities:
          alter column customers.email: set not null  (customers.email: nullable -> not null)
          drop table teams  (table teams: entity removed)
        Run autogenerate -m "message" to write a migration for them.
        """;

    MojoFailureException failure = assertThrows(MojoFailureException.class,
        () -> check.finish(AutogenerateCli.DIFFERENCES, out, ""));
    assertEquals("autogenerate:check failed: Differences: the database does not match the entities: alter column"
        + " customers.email: set not null (listed above)", failure.getMessage());

    // A quiet build (mvn -q) logged none of it: the failure carries it all, the result first.
    check.setLog(recording(new ArrayList<>(), false));
    String quiet = assertThrows(MojoFailureException.class,
        () -> check.finish(AutogenerateCli.DIFFERENCES, out, "")).getMessage();
    assertTrue(quiet.startsWith("autogenerate:check failed: Differences: the database does not match the entities:\n"
        + "  alter column customers.email: set not null  (customers.email: nullable -> not null)\n"), quiet);
    assertTrue(quiet.contains("\nnote: check events_op_check on audit.events"), quiet);
  }

  /** When nothing is to migrate, the warnings are the differences: the first one is the reason. */
  @Test
  void aCheckFindingOnlyWarningsNamesTheFirstAndAStrictOneTheNotes() {
    String unadopted = """
        note: index ix_by_hand on users [name] exists only in the database
        Differences: nothing for a migration to change, but:
        warning: the database has 1 table (tags) of the entities that no migration created: run autogenerate \
        baseline
        """;
    assertEquals("Differences: nothing for a migration to change, but: the database has 1 table (tags) of the"
        + " entities that no migration created: run autogenerate baseline",
        AbstractAutogenerateMojo.failureReason(unadopted.lines().toList()));
    String strict = "note: index ix_by_hand on users [name] exists only in the database\n"
        + "Differences (--strict): the notes above.";
    assertEquals("Differences (--strict): the notes above.",
        AbstractAutogenerateMojo.failureReason(strict.lines().toList()));
  }

  /** The goal as Maven runs it, so that it knows its own name. */
  private static <T extends AbstractAutogenerateMojo> T goal(T mojo, String name) {
    MojoDescriptor descriptor = new MojoDescriptor();
    descriptor.setGoal(name);
    mojo.mojoExecution = new MojoExecution(descriptor);
    return mojo;
  }

  /** A log that records each line as "level text", every level enabled or none. */
  private static Log recording(List<String> logged, boolean enabled) {
    return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class},
        (proxy, method, arguments) -> {
          if (arguments != null && arguments.length == 1 && arguments[0] instanceof CharSequence text) {
            logged.add(method.getName() + " " + text);
          }
          return method.getReturnType() == boolean.class ? enabled : null;
        });
  }

  /** Maven ignored -Dautogenerate.strcit without a word: a check ran that was not strict. */
  @Test
  void aPropertyNoParameterReadsIsNamedWithTheOneLikelyMeant() {
    assertEquals(List.of("autogenerate: -Dautogenerate.strcit is no parameter of this plugin and is ignored (did you mean"
            + " -Dautogenerate.strict?)", "autogenerate: -Dautogenerate.zzz is no parameter of this plugin and is ignored"),
        AbstractAutogenerateMojo.unknownProperties(java.util.Set.of("autogenerate.strcit", "autogenerate.url",
            "autogenerate.zzz", "maven.test.skip"), java.util.Set.of("autogenerate.strict", "autogenerate.url")));
  }
}
