package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A downgrade written on SQLite uses the types the history recorded: SQLite reads a bigint
 * identity back as integer (its rowid), and the downgrade that re-creates a dropped table must
 * say bigint, or it is wrong on PostgreSQL in production.
 */
class SqliteDowngradeTypesTest {

  private static final String TEAM = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "teams")
      public class Team {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String name;
      }
      """;

  @TempDir Path directory;

  @Test
  void aDroppedTableComesBackWithTheTypesItWasCreatedWith() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(TEAM, WalkthroughTest.USER_V1);
    project.expect(0, "-m", "teams and users");
    project.expect(0, "upgrade", "head");

    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "no more teams");

    String migration = project.read(project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().contains("no_more_teams")).findFirst().orElseThrow());
    String downgrade = migration.substring(migration.indexOf("public void downgrade("));
    assertTrue(downgrade.contains("column(\"id\", BIGINT)"), downgrade);
  }
}
