package dev.autogenerate.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.CliRun;
import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate 7 refuses to start when a sequence's increment differs from its allocationSize; a
 * changed allocationSize now alters the sequence (and the downgrade puts it back), and Hibernate
 * starts on the upgraded database.
 */
class AllocationSizeTest {

  private static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "users_seq")
        @SequenceGenerator(name = "users_seq", sequenceName = "users_seq", allocationSize = 50)
        Long id;
        String name;
      }
      """;

  @TempDir Path directory;

  @Test
  void aChangedAllocationSizeAltersTheSequenceAndHibernateStarts() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(USER);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");

    String changed = USER.replace("allocationSize = 50", "allocationSize = 20");
    project.entities(changed);
    CliRun generated = project.expect(0, "-m", "smaller allocation");
    assertTrue(generated.out().contains("  alter sequence users_seq: increment by 20"), generated::toString);
    // Two files written in the same second sort by message: find this one by its name.
    Path migration = project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().contains("smaller_allocation")).findFirst().orElseThrow();
    assertTrue(project.read(migration).contains("op.alterSequence(\"users_seq\", 20);"));
    project.expect(0, "upgrade", "head");
    assertEquals(20, increment(database));
    project.expect(0, "check");
    try (SessionFactory validated = HibernateSessions.start(database, EntitySources.compile(changed).loadClasses(),
        "validate")) {
      assertTrue(validated.isOpen());
    }

    project.expect(0, "downgrade", "-1");
    assertEquals(50, increment(database));
  }

  /**
   * SQLite's sequence tables keep no increment: the one the migrations gave is compared, so a
   * changed allocationSize developed on SQLite writes the alter PostgreSQL needs, and dropping the
   * entity's sequence writes a downgrade that creates it with its increment, not 1.
   */
  @Test
  void onSqliteTheIncrementTheMigrationsGaveIsCompared() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(USER);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");

    project.entities(USER.replace("allocationSize = 50", "allocationSize = 10"));
    CliRun changed = project.expect(1, "check");
    assertTrue(changed.out().contains("alter sequence users_seq: increment by 10"), changed::toString);

    project.entities(USER.replace("@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"users_seq\")\n", "")
        .replace("  @SequenceGenerator(name = \"users_seq\", sequenceName = \"users_seq\", allocationSize = 50)\n", ""));
    project.expect(0, "-m", "no sequence");
    String dropped = project.lastMigration();
    assertTrue(dropped.contains("op.dropSequence(\"users_seq\");")
        && dropped.contains("op.createSequence(sequence(\"users_seq\", 1, 50));"), dropped);
  }

  private static long increment(TestDatabase database) throws Exception {
    try (Connection connection = database.open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select increment_by from pg_sequences where sequencename = 'users_seq'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
