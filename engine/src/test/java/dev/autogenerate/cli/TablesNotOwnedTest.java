package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Tables the tool does not own are never dropped: other tools' history tables, and whatever
 * exclude.tables lists, with wildcards.
 */
class TablesNotOwnedTest {

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void otherToolsAndExcludedTablesAreLeftAlone(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.write("autogenerate.properties",
        project.read(project.root().resolve("autogenerate.properties")) + "exclude.tables=legacy_*, audit_log\n");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      for (String table : List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock",
          "legacy_orders", "legacy_items", "audit_log")) {
        statement.execute("create table " + table + " (id integer primary key, payload varchar(10))");
      }
    }
    project.entities(WalkthroughTest.USER_V1);

    CliRun generated = project.expect(0, "-m", "first");

    assertEquals(List.of("create table users"),
        generated.out().lines().filter(line -> line.startsWith("  ")).map(String::trim).toList());
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    try (Connection connection = project.database().open()) {
      List<String> tables = WalkthroughTest.allTables(connection, kind);
      assertTrue(tables.containsAll(List.of("flyway_schema_history", "legacy_orders", "audit_log", "users")), tables::toString);
    }
  }

  /**
   * Found adopting a database: a DBA's sequence (a column default's numbering) and enum type were
   * proposed for dropping, and exclude.tables, which the README gave for tables, was the only way
   * out for the sequence and none for the type. Both are left alone when it names them.
   */
  @Test
  void excludedSequencesAndEnumTypesAreLeftAlone() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.write("autogenerate.properties", project.read(project.root().resolve("autogenerate.properties"))
        + "exclude.tables=legacy_*, mood\n");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create sequence legacy_numbers");
      statement.execute("create type mood as enum ('happy', 'sad')");
    }
    project.entities(WalkthroughTest.USER_V1);

    CliRun generated = project.expect(0, "-m", "first");

    assertEquals(List.of("create table users"),
        generated.out().lines().filter(line -> line.startsWith("  ")).map(String::trim).toList());
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  /**
   * A foreign key to an excluded table that a SQLite database does not hold (a CI scratch
   * database, the table made by another tool elsewhere): SQLite creates the key all the same, and
   * check read it back as missing and proposed it again after every upgrade that created it.
   */
  @org.junit.jupiter.api.Test
  void aSqliteKeyToAnExcludedTableNotThereIsReadBack() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.write("autogenerate.properties",
        project.read(project.root().resolve("autogenerate.properties")) + "exclude.tables=team*\n");
    project.entities("""
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "teams")
        public class Team {
          @Id Long id;
        }
        """, """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "users")
        public class User {
          @Id Long id;
          @ManyToOne Team team;
        }
        """);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");

    project.expect(0, "check");
    CliRun again = project.expect(0, "-m", "nothing");
    assertTrue(again.out().contains("No changes"), again::toString);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTableNoMigrationCreatedIsKeptUnlessToldToDropSuchTables(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table stray (id integer primary key)");
    }
    project.entities(WalkthroughTest.USER_V1);

    CliRun kept = project.expect(0, "-m", "first", "--strict");
    assertTrue(kept.out().contains("note: table stray exists only in the database, and no migration created it"),
        kept::toString);
    assertTrue(!kept.out().contains("drop table stray"), kept::toString);
    project.migrationFiles().forEach(file -> project.write(project.root().relativize(file).toString(), ""));
    project.migrationFiles().forEach(file -> file.toFile().delete());

    project.write("autogenerate.properties",
        project.read(project.root().resolve("autogenerate.properties")) + "compare.drop-unmapped=true\n");
    CliRun generated = project.expect(0, "-m", "first");
    assertTrue(generated.out().contains("drop table stray"), generated::toString);
    assertTrue(project.read(project.migrationFiles().get(0)).contains("dropping it deletes its rows"));
  }

  /**
   * A DBA's foreign key from a mapped column to the DBA's own table (a lookup no entity maps) stays
   * with that table, which the tool leaves alone: it was dropped as if its table were dropped.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aKeyToATableTheToolLeavesAloneStays(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table known_names (name varchar(255) not null, primary key (name))");
      if (kind == DatabaseKind.POSTGRESQL) {
        statement.execute("alter table users add constraint fk_users_known_name foreign key (name)"
            + " references known_names (name)");
      }
    }
    if (kind == DatabaseKind.SQLITE) {
      // SQLite adds a key only with its table: the table as a DBA would rebuild it.
      try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
        statement.execute("create table users_new (id integer primary key autoincrement, email varchar(200) not null,"
            + " name varchar(255), constraint fk_users_known_name foreign key (name) references known_names (name))");
        statement.execute("drop table users");
        statement.execute("alter table users_new rename to users");
      }
    }

    CliRun check = project.expect(0, "check");
    assertTrue(check.out().contains("note: foreign key fk_users_known_name on users [name] -> known_names exists only"
        + " in the database"), check::toString);
    CliRun none = project.expect(0, "-m", "nothing");
    assertTrue(none.out().contains("No changes"), none::toString);
  }

  /**
   * A DBA's comments on a table and a column the entities say nothing about are the database's
   * own, as an unmapped index is: check stays clean and says so; it proposed dropping them.
   */
  @Test
  void commentsNoMigrationSetAreKept() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "first");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("comment on table users is 'one row per account'");
      statement.execute("comment on column users.id is 'never reused'");
    }

    CliRun check = project.expect(0, "check");
    assertTrue(check.out().contains("note: comment on table users exists only in the database")
        && check.out().contains("note: comment on column users.id exists only in the database"), check::toString);
  }
}
