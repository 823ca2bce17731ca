package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code check} and {@code -m} connect and inspect, compile the migrations and read the entities
 * at the same time. A failure in any of them is still today's one line, the one the command
 * would have met first when the phases ran one by one, and the command leaves no thread and no
 * connection behind.
 */
class ParallelPhasesTest {

  private static final String BROKEN_ENTITY = """
      package com.example.domain;

      import jakarta.persistence.Entity;

      @Entity
      public class Broken {
        String name;
      }
      """;

  private static final String BROKEN_MIGRATION = """
      package com.example.migrations;

      import dev.autogenerate.migration.Migration;
      import dev.autogenerate.migration.Operations;
      import dev.autogenerate.migration.Revision;

      @Revision(id = "aaaaaaaaaaaa", message = "broken")
      public final class M20260101_000000_broken implements Migration {
        @Override
        public void upgrade(Operations op) {
          op.dropTabel("users");
        }

        @Override
        public void downgrade(Operations op) {}
      }
      """;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void entitiesHibernateRejectsAreOneLine(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(BROKEN_ENTITY);

    for (String[] command : List.of(new String[] {"check"}, new String[] {"-m", "first"})) {
      assertOneLineError(project.expect(2, command), "Hibernate rejects the entities: ");
      assertNothingLeft(project);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aMigrationThatDoesNotCompileIsToldBeforeTheEntities(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(BROKEN_ENTITY);
    project.write("src/main/java/com/example/migrations/M20260101_000000_broken.java", BROKEN_MIGRATION);

    for (String[] command : List.of(new String[] {"check"}, new String[] {"-m", "first"})) {
      CliRun run = project.expect(2, command);
      assertOneLineError(run, "migration does not compile: ");
      assertTrue(run.err().contains("M20260101_000000_broken.java:11: "), run::toString);
      assertNothingLeft(project);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDatabaseNotAtTheNewestMigrationIsToldBeforeTheEntities(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first");
    project.entities(BROKEN_ENTITY);

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("upgrade head"), check::toString);
    assertNothingLeft(project);
    assertOneLineError(project.expect(2, "-m", "second"), "the database is at ");
    assertNothingLeft(project);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anUnreachableDatabaseIsToldFirst(DatabaseKind kind) throws Exception {
    TestDatabase nowhere = kind == DatabaseKind.SQLITE
        ? new TestDatabase(kind, "jdbc:sqlite:/no/such/directory/app.db", null, null)
        : new TestDatabase(kind, "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2", "x", "y");
    ProjectDirectory project = new ProjectDirectory(directory, nowhere);
    project.entities(BROKEN_ENTITY);
    project.write("src/main/java/com/example/migrations/M20260101_000000_broken.java", BROKEN_MIGRATION);

    for (String[] command : List.of(new String[] {"check"}, new String[] {"-m", "first"})) {
      // A SQLite file whose folder is missing is told before connecting: -m would make the file, not its folder.
      assertOneLineError(project.expect(2, command), kind == DatabaseKind.SQLITE
          ? "the database file /no/such/directory/app.db does not exist, nor its folder" : "cannot connect to ");
      assertNoPhaseThread();
    }
  }

  private static void assertOneLineError(CliRun run, String expectedStart) {
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), () -> "expected one line on stderr: " + run);
    assertTrue(lines.get(0).startsWith("error: " + expectedStart), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
  }

  /**
   * No phase thread runs on, and on PostgreSQL no session of the command is still open. A closed
   * connection's server process ends shortly after the client has gone, so the sessions are
   * asked for again for a while before they count as left open.
   */
  private static void assertNothingLeft(ProjectDirectory project) throws Exception {
    assertNoPhaseThread();
    if (project.database().kind() == DatabaseKind.POSTGRESQL) {
      int others = otherSessions(project);
      for (int attempt = 0; attempt < 100 && others > 0; attempt++) {
        Thread.sleep(100);
        others = otherSessions(project);
      }
      assertEquals(0, others, "sessions left open on the database");
    }
  }

  private static int otherSessions(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open();
        Statement statement = connection.createStatement();
        ResultSet others = statement.executeQuery(
            "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
      others.next();
      return others.getInt(1);
    }
  }

  private static void assertNoPhaseThread() {
    List<String> left = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith("autogenerate-phase"))
        .map(Thread::getName)
        .toList();
    assertEquals(List.of(), left);
  }
}
