package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogenerate.runtime.HistoryTable;
import dev.autogenerate.runtime.VersionTable;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A CI job killed in the middle of {@code upgrade head}: the log it left shows each revision that
 * committed (the lines are written as they happen, not when the process exits), the database is
 * at the last of them with nothing of the interrupted one, and the next upgrade carries on.
 */
class KilledUpgradeTest {

  /** A statement that runs for a minute or more on either database, long enough to be killed in. */
  private static String slowStatement(DatabaseKind kind) {
    return kind == DatabaseKind.POSTGRESQL
        ? "select pg_sleep(120)"
        : "with recursive n(x) as (select 1 union all select x + 1 from n where x < 10000000000) select count(*) from n";
  }

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theLogOfAKilledUpgradeShowsWhatCommitted(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    // A server with no check for a dead client (PostgreSQL 11 to 13, or one on Windows, given as
    // AUTOGENERATE_TEST_POSTGRES_URL) runs the killed statement to its end, two minutes.
    assumeTrue(kind != DatabaseKind.POSTGRESQL || checksForDeadClients(project), "the server cannot check for dead clients");
    project.entities(WalkthroughTest.USER_V1);
    migration(project, "M1_create_events", "a1a1a1a1a1a1", null,
        "op.execute(\"create table events (id integer primary key)\");", "op.execute(\"drop table events\");");
    migration(project, "M2_first_event", "b2b2b2b2b2b2", "a1a1a1a1a1a1",
        "op.execute(\"insert into events (id) values (1)\");", "op.execute(\"delete from events\");");
    migration(project, "M3_slow", "c3c3c3c3c3c3", "b2b2b2b2b2b2",
        "op.execute(\"insert into events (id) values (3)\"); op.execute(\"" + slowStatement(kind) + "\");",
        "op.execute(\"delete from events where id = 3\");");

    List<String> log = new ArrayList<>();
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AutogenerateCli.class.getName(), "upgrade", "head")
        .directory(directory.toFile())
        .redirectErrorStream(true);
    // A cache of its own: the test must not share compiled migrations with the user's.
    builder.environment().put("AUTOGENERATE_CACHE", directory.resolve("cache").toString());
    Process upgrade = builder.start();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(upgrade.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        log.add(line);
        if (line.startsWith("Applying c3c3c3c3c3c3")) {
          break;
        }
      }
      assertNotNull(line, () -> "the upgrade ended before its slow revision: " + log);
      awaitSlowStatementRunning(project);
      upgrade.destroyForcibly();
      assertTrue(upgrade.waitFor(30, TimeUnit.SECONDS));
    } finally {
      upgrade.destroyForcibly();
    }

    assertTrue(log.stream().anyMatch(line -> line.startsWith("Applied a1a1a1a1a1a1")), log::toString);
    assertTrue(log.stream().anyMatch(line -> line.startsWith("Applied b2b2b2b2b2b2")), log::toString);
    assertTrue(log.stream().noneMatch(line -> line.startsWith("Applied c3c3c3c3c3c3")), log::toString);

    // PostgreSQL ends the killed session, in the middle of its statement, within a second of its
    // socket closing (the migration lock turns on the server's check for a dead client); SQLite
    // rolls back the hot journal on the next open. Either way: at the second revision, nothing of
    // the third, and no lock left.
    awaitRolledBack(project);
    try (Connection connection = project.database().open()) {
      assertEquals("b2b2b2b2b2b2", VersionTable.current(connection));
      assertEquals(2, HistoryTable.entries(connection).size());
      assertEquals(List.of(1), ids(connection));
    }

    // The next run (the slow statement fixed meanwhile) takes the lock the killed one held.
    migration(project, "M3_slow", "c3c3c3c3c3c3", "b2b2b2b2b2b2",
        "op.execute(\"insert into events (id) values (3)\");", "op.execute(\"delete from events where id = 3\");");
    CliRun resumed = project.expect(0, "upgrade", "head", "--lock-timeout", "30");
    assertTrue(resumed.out().contains("Applied c3c3c3c3c3c3"), resumed::toString);
    try (Connection connection = project.database().open()) {
      assertEquals(List.of(1, 3), ids(connection));
    }
  }

  /**
   * Waits until the server runs the slow statement: a process killed before it sent the statement
   * leaves a session waiting to read, which ends at once, and would not show a session killed in
   * the middle of a statement (which, without the check for a dead client, ran on for two minutes
   * holding the migration lock).
   */
  private static void awaitSlowStatementRunning(ProjectDirectory project) throws Exception {
    if (project.database().kind() == DatabaseKind.POSTGRESQL) {
      awaitSessions(project, "state = 'active' and query = '" + slowStatement(DatabaseKind.POSTGRESQL) + "'", 1);
    }
  }

  /** Whether the server takes client_connection_check_interval (see DeadClientCheck). */
  private static boolean checksForDeadClients(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("set client_connection_check_interval = '1s'");
      return true;
    } catch (java.sql.SQLException unknownOrRefused) {
      return false;
    }
  }

  /** Waits until the server has ended the killed process's session. */
  private static void awaitRolledBack(ProjectDirectory project) throws Exception {
    if (project.database().kind() == DatabaseKind.POSTGRESQL) {
      awaitSessions(project, "true", 0);
    }
  }

  /** Waits up to 30 s until the database has {@code count} other sessions matching {@code condition}. */
  private static void awaitSessions(ProjectDirectory project, String condition, int count) throws Exception {
    String query = "select count(*) from pg_stat_activity where datname = current_database()"
        + " and pid <> pg_backend_pid() and " + condition;
    int found = -1;
    for (int attempt = 0; attempt < 300; attempt++) {
      try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery(query)) {
        row.next();
        found = row.getInt(1);
        if (found == count) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("after 30 s, " + found + " sessions instead of " + count + ": " + query);
  }

  private static List<Integer> ids(Connection connection) throws Exception {
    List<Integer> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id from events order by id")) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }

  private static void migration(ProjectDirectory project, String className, String id, String parent,
      String upgrade, String downgrade) {
    project.write("src/main/java/com/example/migrations/" + className + ".java", String.join("\n",
        "package com.example.migrations;",
        "",
        "import dev.autogenerate.migration.Migration;",
        "import dev.autogenerate.migration.Operations;",
        "import dev.autogenerate.migration.Revision;",
        "",
        "@Revision(id = \"" + id + "\"" + (parent == null ? "" : ", revises = \"" + parent + "\"")
            + ", message = \"" + className + "\")",
        "public final class " + className + " implements Migration {",
        "  @Override",
        "  public void upgrade(Operations op) {",
        "    " + upgrade,
        "  }",
        "",
        "  @Override",
        "  public void downgrade(Operations op) {",
        "    " + downgrade,
        "  }",
        "}",
        ""));
  }
}
