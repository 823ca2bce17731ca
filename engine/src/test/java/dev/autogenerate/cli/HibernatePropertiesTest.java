package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hibernate.* key of autogenerate.properties reaches Hibernate's boot as the application's
 * own would: without hibernate.type.preferred_instant_jdbc_type=TIMESTAMP an application that
 * sets it saw false differences and a migration turning its columns into timestamptz. A key the
 * tool cannot honour is an error, never ignored.
 */
class HibernatePropertiesTest {

  private static final String EVENT = """
      package com.example.domain;

      import jakarta.persistence.*;
      import java.time.Instant;

      @Entity
      @Table(name = "events")
      public class Event {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        Instant happenedAt;
      }
      """;

  @TempDir Path directory;

  private static void append(ProjectDirectory project, String line) {
    project.write("autogenerate.properties", project.read(project.root().resolve("autogenerate.properties")) + line + "\n");
  }

  @Test
  void aHibernateSettingChangesWhatTheEntitiesMapTo() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    String settings = project.read(project.root().resolve("autogenerate.properties"));
    append(project, "hibernate.type.preferred_instant_jdbc_type=TIMESTAMP");
    project.entities(EVENT);

    project.expect(0, "-m", "events");
    String migration = project.read(project.migrationFiles().get(0));
    assertTrue(migration.contains("column(\"happenedat\", TIMESTAMP)"), migration);
    assertFalse(migration.contains("TIMESTAMP_TZ"), migration);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    // Without the setting, the same entities map to timestamptz: the setting is what was honoured.
    project.write("autogenerate.properties", settings);
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("alter column events.happenedat"), check::toString);
  }

  @Test
  void aSettingTheToolCannotHonourIsAnError() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    append(project, "hibernate.hbm2ddl.auto=update");
    project.entities(EVENT);

    CliRun run = project.expect(2, "check");

    assertEquals(1, run.err().lines().count(), run::toString);
    assertTrue(run.err().startsWith("error: hibernate.hbm2ddl.auto in the settings cannot be honoured"), run::toString);
  }
}
