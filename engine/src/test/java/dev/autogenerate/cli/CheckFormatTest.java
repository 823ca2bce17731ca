package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code check --format json} prints one document holding what differs, why, and the risky steps
 * with their row counts; {@code --format github} prints workflow commands pointing at the entity
 * line that maps each difference; both exit as the text format does.
 */
class CheckFormatTest {

  /** The walkthrough's user, now with an age under another column name, without a name. */
  static final String USER_V3 = WalkthroughTest.USER_V1.replace("  String name;\n",
      "  @Column(name = \"user_age\")\n  Integer age;\n");

  static final String USER_SOURCE = "src/main/java/com/example/domain/User.java";

  /** Matches a workflow command line: level, optional file and line, title, message, all escaped. */
  static final Pattern COMMAND =
      Pattern.compile("::(error|warning) (?:file=([^,:%]+),line=(\\d+),)?title=[^,:]*::[^\\r\\n]*");

  @TempDir Path directory;

  /** Users at the first revision with three names, and entities that add an age and drop the name. */
  private ProjectDirectory drifted(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, name) values ('a@example.com', 'Ann')");
      statement.execute("insert into users (email, name) values ('b@example.com', 'Bo')");
      statement.execute("insert into users (email, name) values ('c@example.com', 'Cy')");
      statement.execute("insert into users (email, name) values ('d@example.com', null)");
    }
    edit(project, USER_V3);
    return project;
  }

  /** The entities changed as a developer does: in the source folder, and compiled. */
  private static void edit(ProjectDirectory project, String source) {
    project.write(USER_SOURCE, source);
    project.entities(source);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  @SuppressWarnings("unchecked")
  void jsonHoldsTheDifferencesTheirReasonsAndTheCounts(DatabaseKind kind) throws Exception {
    ProjectDirectory project = drifted(kind);
    CliRun text = project.expect(1, "check");
    CliRun run = project.expect(1, "check", "--format", "json");
    assertEquals("", run.err(), run::toString);

    Map<String, Object> report = (Map<String, Object>) MiniJson.parse(run.out());
    assertEquals(List.of("status", "upToDate", "notUpToDateReason", "strict", "databaseRevisions", "migrationHeads",
        "differences", "warnings", "notes", "risks", "unplannable"), new ArrayList<>(report.keySet()),
        "deterministic key order");
    assertEquals("differences", report.get("status"));
    assertEquals(true, report.get("upToDate"));
    assertNull(report.get("notUpToDateReason"));
    List<Object> revisions = (List<Object>) report.get("databaseRevisions");
    assertEquals(1, revisions.size(), run::toString);
    assertEquals(revisions, report.get("migrationHeads"));
    assertTrue(project.read(project.migrationFiles().get(0)).contains("\"" + revisions.get(0) + "\""),
        project::lastMigration);

    List<Map<String, Object>> differences = (List<Map<String, Object>>) report.get("differences");
    Map<String, Map<String, Object>> byOperation =
        differences.stream().collect(Collectors.toMap(d -> (String) d.get("operation"), d -> d));
    assertEquals(Map.of("operation", "add column users.user_age", "subject", "users", "column", "user_age"),
        withoutReason(byOperation.get("add column users.user_age")), run::toString);
    assertEquals(Map.of("operation", "drop column users.name", "subject", "users", "column", "name"),
        withoutReason(byOperation.get("drop column users.name")), run::toString);
    // the same steps and reasons the text format prints, in the same order
    List<String> textSteps = text.out().lines().filter(line -> line.startsWith("  ")).map(String::trim).toList();
    List<String> jsonSteps = differences.stream().map(d -> d.get("operation")
        + (d.get("reason") == null ? "" : "  (" + d.get("reason") + ")")).toList();
    assertEquals(textSteps, jsonSteps, text::toString);

    List<Map<String, Object>> risks = (List<Map<String, Object>>) report.get("risks");
    Map<String, Object> dropped = risks.stream().filter(r -> r.get("kind").equals("dropped_column")).findFirst()
        .orElseThrow(() -> new AssertionError(run.out()));
    assertEquals("drop column users.name", dropped.get("operation"));
    assertEquals("rows holding a value", dropped.get("counted"));
    assertEquals(3L, dropped.get("rows"));
    assertEquals(List.of(), report.get("warnings"));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  @SuppressWarnings("unchecked")
  void jsonSaysOkAndWhyADatabaseIsNotUpToDate(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");

    Map<String, Object> behind = (Map<String, Object>) MiniJson.parse(project.expect(1, "check", "--format=json").out());
    assertEquals("differences", behind.get("status"));
    assertEquals(false, behind.get("upToDate"));
    assertTrue(((String) behind.get("notUpToDateReason")).contains("upgrade head"), behind::toString);
    assertEquals(List.of(), behind.get("databaseRevisions"));
    assertEquals(1, ((List<Object>) behind.get("migrationHeads")).size());
    assertEquals(List.of(), behind.get("differences"));

    project.expect(0, "upgrade", "head");
    Map<String, Object> ok = (Map<String, Object>) MiniJson.parse(project.expect(0, "check", "--format", "JSON").out());
    assertEquals("ok", ok.get("status"));
    assertEquals(true, ok.get("upToDate"));
    assertEquals(ok.get("databaseRevisions"), ok.get("migrationHeads"));
    assertEquals(List.of(), ok.get("differences"));
    assertEquals(List.of(), ok.get("risks"));

    CliRun unknown = project.expect(2, "check", "--format", "xml");
    assertEquals("", unknown.out(), unknown::toString);
    assertTrue(unknown.err().contains("xml"), unknown::toString);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void githubAnnotatesTheEntityLineOfEachDifference(DatabaseKind kind) throws Exception {
    ProjectDirectory project = drifted(kind);
    CliRun run = project.expect(1, "check", "--format", "github");
    List<String> lines = run.out().lines().toList();
    assertFalse(lines.isEmpty(), run::toString);
    for (String line : lines) {
      assertTrue(COMMAND.matcher(line).matches(), () -> "not a workflow command: " + line + "\n" + run);
    }
    int ageLine = lineOf(USER_V3, "Integer age;");
    int classLine = lineOf(USER_V3, "public class User");
    assertEquals(List.of("error " + USER_SOURCE + ":" + ageLine), located(lines, "::add column users.user_age"), run::toString);
    // the name has no field any more: the annotation goes on the class
    assertEquals(List.of("error " + USER_SOURCE + ":" + classLine), located(lines, "::drop column users.name ("), run::toString);
    assertEquals(List.of("warning " + USER_SOURCE + ":" + classLine),
        located(lines, "::drop column users.name: dropping it deletes its values (rows holding a value: 3)"),
        run::toString);

    edit(project, WalkthroughTest.USER_V1);
    CliRun ok = project.expect(0, "check", "--format", "github");
    assertTrue(ok.out().startsWith("OK:"), ok::toString);
  }

  /** "LEVEL FILE:LINE" of the lines whose message starts with {@code message}. */
  private static List<String> located(List<String> lines, String message) {
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      Matcher command = COMMAND.matcher(line);
      if (command.matches() && line.substring(line.indexOf("::", 2)).startsWith(message)) {
        found.add(command.group(1) + " " + command.group(2) + ":" + command.group(3));
      }
    }
    return found;
  }

  private static int lineOf(String source, String text) {
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + source);
  }

  private static Map<String, Object> withoutReason(Map<String, Object> difference) {
    assertNotNull(difference);
    Map<String, Object> rest = new java.util.LinkedHashMap<>(difference);
    assertTrue(rest.containsKey("reason"), difference::toString);
    rest.remove("reason");
    return rest;
  }
}
