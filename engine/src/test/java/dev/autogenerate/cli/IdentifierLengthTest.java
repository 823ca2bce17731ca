package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL truncates identifiers to 63 bytes: a longer name the mapping gives is refused at -m
 * (it used to make check never come clean and propose dropping the table), while a long name
 * the naming convention makes is shortened, and check is clean after upgrade.
 */
class IdentifierLengthTest {

  private static final String LONG = "customer_subscription_renewal_reminder_notification_preferences_x";

  @TempDir Path directory;

  @Test
  void aNameLongerThanPostgresKeepsIsRefused() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(WalkthroughTest.USER_V1.replace("@Table(name = \"users\")", "@Table(name = \"" + LONG + "\")"));

    CliRun run = project.expect(2, "-m", "long");

    assertEquals(1, run.err().lines().count(), run::toString);
    assertTrue(run.err().startsWith("error: table " + LONG + " is 65 bytes long, and PostgreSQL keeps only the first 63"),
        run::toString);
    assertEquals(List.of(), project.migrationFiles());
  }

  @Test
  void anAtViewNameLongerThanPostgresKeepsIsRefused() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(WalkthroughTest.USER_V1, """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @org.hibernate.annotations.View(query = "select id from users")
        @Table(name = "%s")
        public class UserIds {
          @Id Long id;
        }
        """.formatted(LONG));

    CliRun run = project.expect(2, "-m", "long view");

    assertTrue(run.err().startsWith("error: view " + LONG + " of an @View entity is 65 bytes long"), run::toString);
    assertEquals(List.of(), project.migrationFiles());
  }

  @Test
  void aLongNameTheConventionMakesIsShortenedAndCheckIsClean() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    String table = LONG.substring(0, 60);
    project.entities(WalkthroughTest.USER_V1.replace("@Table(name = \"users\")",
        "@Table(name = \"" + table + "\", indexes = @Index(columnList = \"name, email\"))"));

    project.expect(0, "-m", "long index name");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }
}
