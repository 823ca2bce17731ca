package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the team added by hand stays: a table of another tool, a foreign key, a unique and a
 * check no migration created are reported and kept, and check stays clean; with
 * compare.drop-unmapped=true they are dropped. What the migrations created and the entities no
 * longer map is still dropped, and a hand-made key referencing a dropped table goes with it.
 */
class HandMadeObjectsTest {

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

  private static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, length = 200) String email;
        @Column(name = "team_id") Long teamId;
      }
      """;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void objectsNoMigrationCreatedAreKeptAndReported(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(TEAM, USER);
    project.expect(0, "-m", "teams and users");
    project.expect(0, "upgrade", "head");
    String foreignKey = kind == DatabaseKind.SQLITE ? null
        : "alter table users add constraint fk_by_hand foreign key (team_id) references teams (id)";
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table other_tool_jobs (id integer primary key, payload varchar(100))");
      statement.execute("insert into other_tool_jobs values (1, 'keep me')");
      if (foreignKey != null) {
        statement.execute(foreignKey);
        statement.execute("alter table users add constraint uq_by_hand unique (email)");
        statement.execute("alter table users add constraint ck_by_hand check (length(email) > 3)");
        statement.execute("alter table users alter column email set default 'nobody@example.com'");
      }
    }

    CliRun check = project.expect(0, "check");
    assertTrue(check.out().contains("table other_tool_jobs exists only in the database, and no migration created it"),
        check::toString);
    if (foreignKey != null) {
      assertTrue(check.out().contains("foreign key fk_by_hand on users [team_id] -> teams exists only in the database"),
          check::toString);
      assertTrue(check.out().contains("unique constraint uq_by_hand"), check::toString);
      assertTrue(check.out().contains("check ck_by_hand"), check::toString);
      assertTrue(check.out().contains("default 'nobody@example.com'::character varying of users.email exists only"),
          check::toString);
    }
    project.expect(1, "check", "--strict");

    // What a migration created and the entities stopped mapping is still dropped, the rest stays.
    project.entities(USER);
    CliRun generated = project.expect(0, "-m", "no more teams");
    // The hand-made key references teams: it cannot outlive it, so it goes first, saying why.
    assertEquals(foreignKey == null ? List.of("  drop table teams")
        : List.of("  drop constraint fk_by_hand on users", "  drop table teams"), steps(generated), generated::toString);
    assertTrue(generated.out().contains("warning: drop table teams"), generated::toString);
    project.expect(0, "upgrade", "head");

    project.write("autogenerate.properties",
        project.read(project.root().resolve("autogenerate.properties")) + "compare.drop-unmapped=true\n");
    CliRun everything = project.expect(1, "check");
    assertTrue(everything.out().contains("  drop table other_tool_jobs"), everything::toString);
    assertFalse(everything.out().contains("exists only in the database"), everything::toString);
  }

  private static List<String> steps(CliRun run) {
    return run.out().lines().filter(line -> line.startsWith("  ")).toList();
  }

  /**
   * SQLite changes a column's nullability by rebuilding its table from the schema value, which
   * has no generated columns and no collations: a hand-made generated column came back a plain
   * one, a COLLATE NOCASE went away. The rebuild stops instead, the revision rolls back, saying why.
   */
  @Test
  void aSqliteRebuildThatWouldLoseAGeneratedColumnOrACollationStops() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(TEAM, USER);
    project.expect(0, "-m", "teams and users");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("alter table users add column email_lower text generated always as (lower(email)) virtual");
      statement.execute("insert into users (email) values ('Ann@Example.com')");
      statement.execute("create table tags (id integer primary key, label text collate nocase)");
    }
    project.entities(TEAM, USER.replace("@Column(nullable = false, length = 200) String email;",
        "@Column(length = 200) String email;"));
    project.expect(0, "-m", "optional emails");

    CliRun refused = project.expect(2, "upgrade", "head");

    assertTrue(refused.err().contains("table users has a generated column, a COLLATE, or is STRICT or WITHOUT ROWID,"
        + " which rebuilding it (as this change needs on SQLite) would lose: make this change by hand in the migration (op.execute)"),
        refused::toString);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("select email_lower, (select sql from sqlite_master"
            + " where name = 'users') from users")) {
      row.next();
      assertEquals("ann@example.com", row.getString(1));
      assertTrue(row.getString(2).contains("generated always as"), row.getString(2));
    }

  }
}
