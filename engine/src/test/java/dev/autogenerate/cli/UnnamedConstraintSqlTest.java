package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written migration may create a unique or check without a name; the database names it
 * ({@code users_email_key}), and a later migration drops it by that name. Applied, that works;
 * written as SQL without a database, the history cannot know the name: a one-line error saying so,
 * not an unexpected IllegalArgumentException.
 */
class UnnamedConstraintSqlTest {

  private static final String HAND_WRITTEN = """
      package com.example.migrations;

      import static dev.autogenerate.schema.CheckConstraint.check;
      import static dev.autogenerate.schema.Column.column;
      import static dev.autogenerate.schema.PrimaryKey.primaryKey;
      import static dev.autogenerate.schema.SqlType.BIGINT;
      import static dev.autogenerate.schema.SqlType.INTEGER;
      import static dev.autogenerate.schema.SqlType.varchar;
      import static dev.autogenerate.schema.UniqueConstraint.unique;
      import dev.autogenerate.migration.Migration;
      import dev.autogenerate.migration.Operations;
      import dev.autogenerate.migration.Revision;

      @Revision(id = "aaaa00000001", message = "users", created = "2026-01-01T00:00:00Z")
      public final class M20260101_000000_users implements Migration {
        @Override
        public void upgrade(Operations op) {
          op.createTable("users",
              column("id", BIGINT).notNull(),
              column("age", INTEGER),
              column("email", varchar(200)),
              primaryKey("id"),
              unique(null, "email"),
              check(null, "age > 0"));
        }

        @Override
        public void downgrade(Operations op) {
          op.dropTable("users");
        }
      }
      """;

  private static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
        @Id Long id;
        @Column(length = 200) String email;
        Integer age;
      }
      """;

  @TempDir Path directory;

  @Test
  void droppingThemIsAppliedAndTheirSqlIsAClearError() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.write("src/main/java/com/example/migrations/M20260101_000000_users.java", HAND_WRITTEN);
    project.entities(USER);
    project.expect(0, "upgrade", "head");
    project.expect(0, "-m", "no unique, no check");
    assertTrue(project.lastMigration().contains("op.dropConstraint(\"users\", \"users_email_key\");"),
        project.lastMigration());
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    CliRun sql = project.expect(2, "upgrade", "--sql", "head");
    assertEquals(1, sql.err().lines().count(), sql::toString);
    assertTrue(sql.err().startsWith("error: cannot write the SQL of migration ") && sql.err().contains(
        "without a database: table users has no constraint users_email_key"
            + " in the schema the migrations record"), sql::toString);
    assertTrue(sql.err().contains("apply it with upgrade instead of --sql"), sql::toString);
  }
}
