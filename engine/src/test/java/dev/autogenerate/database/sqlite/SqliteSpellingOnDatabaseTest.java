package dev.autogenerate.database.sqlite;

import static dev.autogenerate.database.sqlite.SqliteRebuildOnDatabaseTest.rows;
import static dev.autogenerate.operations.ColumnChange.dropNotNull;
import static dev.autogenerate.operations.ColumnChange.setNotNull;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.CliRun;
import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real SQLite file, tables whose statements wrote their names in mixed case without quotes
 * (as Hibernate's default naming does, and hand-written SQL), which the inspector reads folded:
 * migrations find them in the spelling they use, and a table rebuild keeps what SQLite keeps by
 * name.
 */
class SqliteSpellingOnDatabaseTest {

  @Revision(id = "000000000001", message = "foo by hand")
  public static final class CreateFooByHand implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("create table Foo (Id integer primary key, Bar text)");
      op.execute("insert into Foo (Bar) values ('kept')");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("drop table Foo");
    }
  }

  /** Spelled as the raw SQL before it wrote them, which SQLite finds. */
  @Revision(id = "000000000002", revises = "000000000001", message = "bar required")
  public static final class BarRequired implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.alterColumn("Foo", "Bar", setNotNull());
    }

    @Override
    public void downgrade(Operations op) {
      op.alterColumn("Foo", "Bar", dropNotNull());
    }
  }

  /** Spelled as the entities name Hibernate's tables. */
  @Revision(id = "000000000003", message = "display name required")
  public static final class DisplayNameRequired implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.alterColumn("tag", "displayname", setNotNull());
      op.alterColumn("book", "title", setNotNull());
    }

    @Override
    public void downgrade(Operations op) {
      op.alterColumn("book", "title", dropNotNull());
      op.alterColumn("tag", "displayname", dropNotNull());
    }
  }

  @Revision(id = "000000000011", message = "quoted note")
  public static final class QuotedNote implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("create table \"Note\" (id integer primary key)");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("drop table \"Note\"");
    }
  }

  /** Replaces the quoted table with the entities' note, rows in it; its downgrade drops them. */
  @Revision(id = "000000000012", revises = "000000000011", message = "note as the entities spell it")
  public static final class LowerCaseNote implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.dropTable("Note");
      op.createTable("note", column("id", INTEGER).notNull(), primaryKey("id"));
      op.execute("insert into note (id) values (1), (2)");
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable("note");
      op.createTable("Note", column("id", INTEGER).notNull(), primaryKey("id"));
    }
  }

  /**
   * A downgrade that drops note and creates "Note" (one name to SQLite, two to PostgreSQL) still
   * warns of the rows the drop deletes: the name the downgrade creates is its own, not the
   * spelling of the table it drops.
   */
  @Test
  void aDowngradeCreatingAnotherSpellingOfWhatItDropsStillCountsTheDrop() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    List<String> said = new java.util.ArrayList<>();
    Migrator migrator = migrator(new QuotedNote(), new LowerCaseNote()).withProgress(said::add);
    try (Connection connection = database.open()) {
      migrator.upgrade(connection, "head");
      migrator.downgrade(connection, "-1");
    }
    assertTrue(said.stream().anyMatch(line -> line.contains("warning: drop table note") && line.contains("2")),
        said::toString);
  }

  private static Migrator migrator(Migration... migrations) {
    return new Migrator(RevisionHistory.of(java.util.Arrays.stream(migrations)
        .map(migration -> MigrationScript.of(migration, migration.getClass().getSimpleName())).toList()),
        TableFilter.defaults());
  }

  /**
   * A hand-written migration naming a table as its own raw SQL created it (Foo, not foo) finds it:
   * the inspector reads it folded, and the migration's spelling is one SQLite takes for it.
   */
  @Test
  void aMigrationFindsATableInTheSpellingItsRawSqlCreatedItIn() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    Migrator migrator = migrator(new CreateFooByHand(), new BarRequired());
    try (Connection connection = database.open()) {
      assertEquals(2, migrator.upgrade(connection, "head").size());
      assertEquals(List.of("kept"), rows(connection, "select Bar from Foo"));
      assertEquals(2, migrator.downgrade(connection, "base").size());
    }
  }

  /**
   * Tables Hibernate created (Tag with AUTOINCREMENT, Book with a row referencing a missing
   * author): rebuilt under the entities' spelling, Tag keeps its high-water mark (an id handed out
   * once is never handed out again), and the orphan that was there before is no new one.
   */
  @Test
  void aRebuildUnderTheEntitiesSpellingKeepsWhatSqliteKeepsByName() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table Tag (Id integer primary key autoincrement, displayName varchar(255))");
      statement.execute("insert into Tag (displayName) values ('a'), ('b'), ('c')");
      statement.execute("delete from Tag where Id = 3");
      statement.execute("create table Author (Id integer primary key)");
      statement.execute("create table Book (Id integer primary key, Title text, author_Id int references Author)");
      statement.execute("insert into Book values (1, 'orphaned', 99)");

      migrator(new DisplayNameRequired()).upgrade(connection, "head");

      statement.execute("insert into tag (displayname) values ('d')");
      assertEquals(List.of("4"), rows(connection, "select id from tag where displayname = 'd'"));
      assertEquals(List.of("orphaned|99"), rows(connection, "select title, author_id from book"));
    }
  }

  @TempDir Path directory;

  /**
   * A table renamed by hand keeps the new name in quotes SQLite added itself ({@code create table
   * "Note"}), which the inspector reads exactly; the entities' {@code note} is the same table to
   * SQLite, and so to the comparison: adopted with nothing created or dropped.
   */
  @Test
  void aTableSqliteQuotedWhenRenamedIsTheEntitiesTable() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table Memo (id bigint not null, Body varchar(255), primary key (id))");
      statement.execute("alter table Memo rename to Note");
      statement.execute("alter table Note rename column Body to Text");
    }
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities("""
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        public class Note {
          @Id Long id;
          String text;
        }
        """);

    CliRun check = project.run("check");
    assertTrue(!check.out().contains("create table") && !check.out().contains("drop")
        && !check.out().contains("add column"), check::toString);
  }
}
