package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema other than the default is inspected while the entities or the applied migrations have
 * tables there: found by a user test, the last entity of such a schema deleted left its table
 * unseen (check passed, -m wrote nothing), where one in the default schema is dropped, counted.
 */
class OtherSchemasTest {

  private static final String ARCHIVED = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(schema = "archive", name = "archived_orders")
      public class ArchivedOrder {
        @Id Long id;
        String note;
      }
      """;

  @TempDir Path directory;

  @Test
  void theLastEntityOfASchemaRemovedHasItsTableDropped() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create schema archive");
    }
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(WalkthroughTest.USER_V1, ARCHIVED);
    project.expect(0, "-m", "users and archive");
    project.expect(0, "upgrade", "head");
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into archive.archived_orders values (1, 'a'), (2, 'b')");
    }

    project.entities(WalkthroughTest.USER_V1);
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("drop table archive.archived_orders"), check::toString);
    CliRun generated = project.expect(0, "-m", "no more archive");
    assertTrue(generated.out().contains("warning: drop table archive.archived_orders: dropping it deletes every row"
        + " (rows: 2)"), generated::toString);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  /**
   * Found adopting a database: the baseline of tables in another schema failed on an empty
   * database at its first such table. A note then said to add the schema's creation by hand, and
   * the edit broke the stamped database's checksum (a user test). The baseline creates it first.
   */
  @Test
  void aBaselineOfTablesInAnotherSchemaCreatesTheSchemaFirst() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create schema archive");
      statement.execute("create table archive.archived_orders (id bigint primary key, note varchar(255))");
    }
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(ARCHIVED);

    project.expect(0, "baseline", "-m", "adopt");
    String adopted = project.lastMigration();
    assertTrue(adopted.indexOf("then create schema archive; end if;")
        < adopted.indexOf("op.createTable(\"archive.archived_orders\""), adopted);
    project.expect(0, "check");

    // A database built from the migrations: the schema comes first.
    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    built.copyMigrationsFrom(project);
    built.entities(ARCHIVED);
    built.expect(0, "upgrade", "head");
    built.expect(0, "check");

    // A database whose DBA made the schema for the application's role, which may not create
    // schemas: "create schema if not exists" was refused there (found by this session's review).
    TestDatabase provisioned = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    String role = "app_" + Long.toHexString(System.nanoTime());
    try (Connection connection = provisioned.open(); Statement statement = connection.createStatement()) {
      statement.execute("create role " + role + " login password 'secret'");
      statement.execute("create schema archive authorization " + role);
      statement.execute("grant create on schema public to " + role);
    }
    ProjectDirectory owned = new ProjectDirectory(directory.resolve("provisioned"),
        new TestDatabase(DatabaseKind.POSTGRESQL, provisioned.url(), role, "secret"));
    owned.copyMigrationsFrom(project);
    owned.entities(ARCHIVED);
    owned.expect(0, "upgrade", "head");
  }

}
