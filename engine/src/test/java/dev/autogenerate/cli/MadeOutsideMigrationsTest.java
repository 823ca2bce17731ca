package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A development database that Hibernate's {@code ddl-auto=update} (or a hand) brought up to the
 * entities ahead of the migrations: {@code -m} finds nothing to write for what it already has, so
 * the migrations never create it and every other database lacks it. check fails and -m warns,
 * naming the tables and columns; a table a migration creates with raw SQL is not among them.
 */
class MadeOutsideMigrationsTest {

  private static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String email;
      }
      """;

  private static final String USER_WITH_AGE = USER.replace("String email;", "String email;\n  Integer age;");

  private static final String TAG = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "tags")
      public class Tag {
        @Id Long id;
        String label;
      }
      """;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void whatHibernateAddedAheadOfTheMigrationsFailsCheckAndIsNamedByMinusM(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(USER);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    // What ddl-auto=update does on start-up after the entities gained a table and a column.
    project.entities(USER_WITH_AGE, TAG);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table tags (id bigint not null, label varchar(255), primary key (id))");
      statement.execute("alter table users add column age integer");
    }

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("warning: the database has 1 table (tags) and 1 column (users.age) of the entities"
        + " that no migration creates"), check::toString);
    assertTrue(check.out().contains("a database built from the migrations would lack them"), check::toString);

    int before = project.migrationFiles().size();
    CliRun revision = project.expect(0, "-m", "tags and age");
    assertTrue(revision.out().contains("warning: the database has 1 table (tags) and 1 column (users.age)"),
        revision::toString);
    assertEquals(before, project.migrationFiles().size(), "nothing to write: " + revision);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTableAMigrationCreatesWithRawSqlIsTheMigrations(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(USER);
    project.expect(0, "-m", "users");
    project.write("src/main/java/com/example/migrations/M20260102_000000_tags.java", """
        package com.example.migrations;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "c0000000a002", revises = "%s", message = "tags, by hand")
        public final class M20260102_000000_tags implements Migration {
          @Override
          public void upgrade(Operations op) {
            op.execute("create table TAGS (id bigint not null, label varchar(255), primary key (id))");
          }

          @Override
          public void downgrade(Operations op) {
            op.execute("drop table tags");
          }
        }
        """.formatted(project.expect(0, "heads").out().strip().split("\\s+")[0]));
    project.expect(0, "upgrade", "head");
    project.entities(USER, TAG);

    CliRun check = project.expect(0, "check");
    assertFalse(check.out().contains("no migration creates"), check::toString);
  }
}
