package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming conventions configured like Alembic's, in autogenerate.properties. */
class NamingConventionConfigTest {

  @TempDir Path directory;

  @Test
  void configuredTemplatesNameWhatTheMappingLeavesUnnamed() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.write("autogenerate.properties", project.read(project.root().resolve("autogenerate.properties"))
        + "naming.convention.fk=fkey_%(table_name)s_%(referred_table_name)s\n"
        + "naming.convention.uq=%(table_name)s_%(column_0_N_name)s_key\n"
        + "naming.convention.ix=idx_%(column_0_name)s\n");
    project.entities("""
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "teams")
        public class Team {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        }
        """, """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "users", indexes = @Index(columnList = "name"))
        public class User {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
          @Column(unique = true) String email;
          String name;
          @ManyToOne Team team;
        }
        """);

    CliRun generated = project.expect(0, "-m", "first");

    assertEquals(List.of("create table teams", "create table users", "create index idx_name on users"),
        generated.out().lines().filter(line -> line.startsWith("  ")).map(String::trim).toList());
    String migration = project.read(project.migrationFiles().get(0));
    assertTrue(migration.contains("unique(\"users_email_key\", \"email\")"), migration);
    assertTrue(migration.contains("foreignKey(\"fkey_users_teams\""), migration);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  @Test
  void anUnknownTokenIsAClearError() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.write("autogenerate.properties", project.read(project.root().resolve("autogenerate.properties"))
        + "naming.convention.fk=fk_%(column_name)s\n");
    project.entities(WalkthroughTest.USER_V1);

    CliRun run = project.expect(2, "-m", "first");

    assertTrue(run.err().startsWith("error: unknown naming-convention token %(column_name)s"), run::toString);
    assertEquals(List.of(), project.migrationFiles());
  }
}
