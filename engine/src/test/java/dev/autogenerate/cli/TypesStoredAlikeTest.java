package dev.autogenerate.cli;

import static dev.autogenerate.cli.WalkthroughTest.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite declares {@code timestamp} and {@code timestamptz} alike, so a {@code LocalDateTime}
 * field made an {@code Instant} changed nothing it could see ("No changes"), and PostgreSQL, where
 * the same migrations run, then drifted. The type the migrations gave the column tells them apart:
 * the change is written, costs SQLite nothing (no table rebuild), and keeps the rows.
 */
class TypesStoredAlikeTest {

  private static final String EVENT = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "events")
      public class Event {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        java.time.LocalDateTime at;
      }
      """;

  @TempDir Path directory;

  @Test
  void aTimestampMadeATimestampWithTimeZoneOnSqliteIsWrittenForPostgresql() throws Exception {
    ProjectDirectory project = eventsApplied(DatabaseKind.SQLITE);
    insertEvent(project);

    project.entities(EVENT.replace("java.time.LocalDateTime at;", "java.time.Instant at;"));
    CliRun generated = project.expect(0, "-m", "instants");
    String file = CheckAndEnumRisksTest.written(project, "instants");
    assertEquals(List.of("op.alterColumn(\"events\", \"at\", type(TIMESTAMP_TZ));"), statements(file, "upgrade"),
        () -> generated + file);

    String definition = definition(project);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    assertTrue(project.expect(0, "-m", "nothing more").out().contains("No changes"));
    assertEquals(definition, definition(project), "not rebuilt");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select at from events")) {
      rows.next();
      assertEquals("2026-12-04 10:00:00", rows.getString(1));
    }

    // The same history on PostgreSQL gives the column its time zone.
    assertEquals("timestamp with time zone", typeOnPostgresql(project, "events", "at"));
  }

  /**
   * Found by a user test: an {@code Integer} identity id made {@code Long} on SQLite (whose rowid
   * alias is {@code integer} either way) altered the columns referencing it and not the id, so
   * PostgreSQL, running the same migrations, kept an {@code integer} key under {@code bigint}
   * references. The type the migrations gave the id tells the change, as for any column.
   */
  @Test
  void anIntegerIdentityIdMadeLongOnSqliteIsWrittenForPostgresql() throws Exception {
    String integerIds = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "tags")
        public class Tag {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;
          @ManyToOne Tag parent;
        }
        """;
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(integerIds);
    project.expect(0, "-m", "tags");
    project.expect(0, "upgrade", "head");
    project.entities(integerIds.replace("Integer id;", "Long id;"));

    CliRun generated = project.expect(0, "-m", "long ids");
    String file = CheckAndEnumRisksTest.written(project, "long_ids");
    assertEquals(List.of("op.alterColumn(\"tags\", \"id\", type(BIGINT));",
            "op.alterColumn(\"tags\", \"parent_id\", type(BIGINT));"), statements(file, "upgrade"),
        () -> generated + file);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    assertTrue(project.expect(0, "-m", "nothing more").out().contains("No changes"));

    assertEquals("bigint", typeOnPostgresql(project, "tags", "id"));
  }

  /**
   * The project's history applied to a fresh PostgreSQL database, which then checks clean: the
   * column's type there, as information_schema names it.
   */
  private static String typeOnPostgresql(ProjectDirectory project, String table, String column) throws Exception {
    TestDatabase production = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    String[] there = {"--url", production.url(), "--user", production.user(), "--password", production.password()};
    project.expect(0, with(new String[] {"upgrade", "head"}, there));
    project.expect(0, with(new String[] {"check"}, there));
    try (Connection connection = production.open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select data_type from information_schema.columns"
            + " where table_name = '" + table + "' and column_name = '" + column + "'")) {
      rows.next();
      return rows.getString(1);
    }
  }

  /**
   * A migration written by hand with {@code timestamp(6)}, PostgreSQL's default precision, which
   * the entities' {@code LocalDateTime} leaves unsaid: the same type, though SQLite keeps the words
   * as written. The recorded type was taken for a change, and -m wrote a needless alter.
   */
  @Test
  void aTimestampOfTheDefaultPrecisionWrittenByHandIsNoChange() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(EVENT);
    project.expect(0, "-m", "events");
    Path migration = project.migrationFiles().get(0);
    String generated = project.read(migration);
    assertTrue(generated.contains("column(\"at\", TIMESTAMP)"), generated);
    project.write(project.root().relativize(migration).toString(), generated
        .replace("column(\"at\", TIMESTAMP)", "column(\"at\", dev.autogenerate.schema.SqlType.timestamp(6))"));
    project.expect(0, "upgrade", "head");

    CliRun again = project.expect(0, "-m", "nothing");

    assertTrue(again.out().contains("No changes"), () -> again + project.lastMigration());
    project.expect(0, "check");
  }

  /**
   * A time-zone change shifts values but deletes none: a revision recorded with stamp that makes
   * one is reverted as any other (only a downgrade that deletes is refused there).
   */
  @Test
  void aStampedTimeZoneChangeIsRevertedLikeAnyOther() throws Exception {
    ProjectDirectory project = eventsApplied(DatabaseKind.SQLITE);
    project.entities(EVENT.replace("java.time.LocalDateTime at;", "java.time.Instant at;"));
    project.expect(0, "-m", "instants");
    project.expect(0, "stamp", "head");

    CliRun reverted = project.expect(0, "downgrade", "-1");

    assertTrue(reverted.out().contains("Reverted"), reverted::toString);
    assertTrue(!reverted.out().contains("warning"), "SQLite shifts nothing: " + reverted);
  }

  /** The shift of each instant is a change of data without an error: upgrade says so, counting the rows. */
  @Test
  void upgradeWarnsThatATimeZoneShiftsTheValuesItConverts() throws Exception {
    ProjectDirectory project = eventsApplied(DatabaseKind.POSTGRESQL);
    insertEvent(project);
    project.entities(EVENT.replace("java.time.LocalDateTime at;", "java.time.Instant at;"));
    project.expect(0, "-m", "instants");

    CliRun upgrade = project.expect(0, "upgrade", "head");

    assertTrue(upgrade.out().contains("  warning: alter column events.at: type timestamp_tz: nothing fails: each value is"
        + " converted in the session's time zone"), upgrade::toString);
    assertTrue(upgrade.out().contains("(rows holding a value: 1) (this session's time zone: "), upgrade::toString);
  }

  /** The events table made by the tool's first migration, applied. */
  private ProjectDirectory eventsApplied(DatabaseKind kind) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(EVENT);
    project.expect(0, "-m", "events");
    project.expect(0, "upgrade", "head");
    return project;
  }

  private static void insertEvent(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into events (at) values ('2026-12-04 10:00:00')");
    }
  }

  private static String definition(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select sql from sqlite_master where name = 'events'")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String[] with(String[] command, String[] options) {
    String[] all = java.util.Arrays.copyOf(command, command.length + options.length);
    System.arraycopy(options, 0, all, command.length, options.length);
    return all;
  }
}
