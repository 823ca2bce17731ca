package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A revision that would leave rows referencing missing rows fails, in one line, and changes
 * nothing. PostgreSQL's constraints see to it themselves; SQLite checks foreign keys only when a
 * connection asks, and the CLI's connection does not (its {@code foreign_keys} pragma is off by
 * default), so there the runtime checks before it commits.
 */
class OrphanedRowsTest {

  static final String MIGRATIONS = "src/main/java/com/example/migrations/";

  static final String PARENT_AND_CHILD = """
      package com.example.migrations;

      import static dev.autogenerate.schema.Column.column;
      import static dev.autogenerate.schema.ForeignKey.foreignKey;
      import static dev.autogenerate.schema.PrimaryKey.primaryKey;
      import static dev.autogenerate.schema.SqlType.INTEGER;
      import static dev.autogenerate.schema.SqlType.varchar;

      import dev.autogenerate.migration.Migration;
      import dev.autogenerate.migration.Operations;
      import dev.autogenerate.migration.Revision;
      import java.util.List;

      @Revision(id = "aaaaaaaaaaa1", message = "parent and child")
      public final class M20260101_000000_parent_and_child implements Migration {
        @Override
        public void upgrade(Operations op) {
          op.createTable("parent", column("id", INTEGER).notNull(), column("name", varchar(20)), primaryKey("id"));
          op.createTable("child", column("id", INTEGER).notNull(), column("parent_id", INTEGER), primaryKey("id"),
              foreignKey("fk_child_parent_id_parent", List.of("parent_id"), "parent", List.of("id")));
        }

        @Override
        public void downgrade(Operations op) {
          op.dropTable("child");
          op.dropTable("parent");
        }
      }
      """;

  static final String DROP_FOREIGN_KEY = """
      package com.example.migrations;

      import static dev.autogenerate.schema.ForeignKey.foreignKey;

      import dev.autogenerate.migration.Migration;
      import dev.autogenerate.migration.Operations;
      import dev.autogenerate.migration.Revision;
      import java.util.List;

      @Revision(id = "aaaaaaaaaaa2", revises = "aaaaaaaaaaa1", message = "drop the foreign key")
      public final class M20260102_000000_drop_the_foreign_key implements Migration {
        @Override
        public void upgrade(Operations op) {
          op.dropConstraint("child", "fk_child_parent_id_parent");
        }

        @Override
        public void downgrade(Operations op) {
          op.addConstraint("child",
              foreignKey("fk_child_parent_id_parent", List.of("parent_id"), "parent", List.of("id")));
        }
      }
      """;

  static final String DELETE_PARENTS = """
      package com.example.migrations;

      import dev.autogenerate.migration.Migration;
      import dev.autogenerate.migration.Operations;
      import dev.autogenerate.migration.Revision;

      @Revision(id = "aaaaaaaaaaa3", revises = "aaaaaaaaaaa1", message = "forget old parents")
      public final class M20260103_000000_forget_old_parents implements Migration {
        @Override
        public void upgrade(Operations op) {
          op.execute("delete from parent where id >= 2");
        }

        @Override
        public void downgrade(Operations op) {}
      }
      """;

  @TempDir Path directory;

  /** Each database, and SQLite once more with enforcement asked for in the URL. */
  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of(DatabaseKind.POSTGRESQL, ""),
        Arguments.of(DatabaseKind.SQLITE, ""),
        Arguments.of(DatabaseKind.SQLITE, "?foreign_keys=true"));
  }

  private ProjectDirectory project(DatabaseKind kind, String urlSuffix) {
    TestDatabase fresh = TestDatabases.fresh(kind);
    ProjectDirectory project = new ProjectDirectory(directory,
        new TestDatabase(kind, fresh.url() + urlSuffix, fresh.user(), fresh.password()));
    project.entities(WalkthroughTest.USER_V1);
    project.write(MIGRATIONS + "M20260101_000000_parent_and_child.java", PARENT_AND_CHILD);
    return project;
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("databases")
  void aDowngradeThatWouldOrphanRowsFailsAndChangesNothing(DatabaseKind kind, String urlSuffix) throws Exception {
    ProjectDirectory project = project(kind, urlSuffix);
    project.write(MIGRATIONS + "M20260102_000000_drop_the_foreign_key.java", DROP_FOREIGN_KEY);
    project.expect(0, "upgrade", "head");
    execute(project, "insert into parent (id, name) values (1, 'one'), (2, 'two'), (3, 'three')",
        "insert into child (id, parent_id) values (1, 1), (2, 2), (3, null)",
        // Possible now that the key is gone: children of parents that do not exist.
        "insert into child (id, parent_id) values (10, 99), (11, 98)");
    List<String> children = rows(project, "select id, parent_id from child order by id");

    CliRun run = project.expect(2, "downgrade", "-1");

    assertOneLineError(run, "error: migration aaaaaaaaaaa2 (drop the foreign key) ");
    String line = run.err().trim();
    if (kind == DatabaseKind.SQLITE) {
      assertTrue(line.contains(" leaves rows of child referencing missing rows of parent; nothing of it was applied"),
          run::toString);
    } else {
      assertTrue(line.contains("failed at `alter table child add constraint fk_child_parent_id_parent"), run::toString);
      assertTrue(line.contains("violates foreign key constraint"), run::toString);
      assertTrue(line.endsWith("; nothing of it was reverted: it is still applied"), run::toString);
    }
    assertTrue(project.expect(0, "current").out().contains("aaaaaaaaaaa2"));
    assertEquals(children, rows(project, "select id, parent_id from child order by id"));
    assertEquals(List.of(), foreignKeysOfChild(project));
    assertEquals(List.of("autogenerate_history", "autogenerate_version", "child", "parent"), tables(project));

    // Once the orphans are dealt with, the same downgrade goes through and the key is back.
    execute(project, "delete from child where id >= 10");
    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("fk_child_parent_id_parent"), foreignKeysOfChild(project));
    assertEquals(List.of("1|1", "2|2", "3|null"), rows(project, "select id, parent_id from child order by id"));
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("databases")
  void anUpgradeWhoseSqlOrphansRowsFailsAndChangesNothing(DatabaseKind kind, String urlSuffix) throws Exception {
    ProjectDirectory project = project(kind, urlSuffix);
    project.expect(0, "upgrade", "head");
    execute(project, "insert into parent (id, name) values (1, 'one'), (2, 'two'), (3, 'three')",
        "insert into child (id, parent_id) values (1, 1), (2, 2), (3, null)");
    project.write(MIGRATIONS + "M20260103_000000_forget_old_parents.java", DELETE_PARENTS);

    CliRun run = project.expect(2, "upgrade", "head");

    assertOneLineError(run, "error: migration aaaaaaaaaaa3 (forget old parents) ");
    if (kind == DatabaseKind.SQLITE) {
      assertTrue(run.err().contains(" leaves rows of child referencing missing rows of parent; nothing of it was applied"),
          run::toString);
    } else {
      assertTrue(run.err().contains("failed at `delete from parent where id >= 2`"), run::toString);
    }
    assertTrue(project.expect(0, "current").out().contains("aaaaaaaaaaa1"));
    assertEquals(List.of("1|one", "2|two", "3|three"), rows(project, "select id, name from parent order by id"));
    assertEquals(List.of("1|1", "2|2", "3|null"), rows(project, "select id, parent_id from child order by id"));
  }

  /**
   * References broken before the revision (by hand, with enforcement off) are not its doing: a
   * revision that leaves them as they are goes through; one that adds to them does not.
   */
  @Test
  void onSqliteOnlyReferencesTheRevisionBreaksStopIt() throws Exception {
    ProjectDirectory project = project(DatabaseKind.SQLITE, "");
    project.expect(0, "upgrade", "head");
    execute(project, "insert into parent (id, name) values (1, 'one'), (2, 'two')",
        "insert into child (id, parent_id) values (1, 1), (2, 2), (3, 77)");
    project.write(MIGRATIONS + "M20260103_000000_forget_old_parents.java",
        DELETE_PARENTS.replace("id >= 2", "id >= 50"));

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("child|3|parent|0"), rows(project, "pragma foreign_key_check"));

    project.expect(0, "downgrade", "-1");
    project.write(MIGRATIONS + "M20260103_000000_forget_old_parents.java", DELETE_PARENTS);
    CliRun run = project.expect(2, "upgrade", "head");
    assertOneLineError(run, "error: migration aaaaaaaaaaa3 (forget old parents) leaves rows of child");
    assertEquals(List.of("1|one", "2|two"), rows(project, "select id, name from parent order by id"));
  }

  static void assertOneLineError(CliRun run, String expectedStart) {
    assertEquals(2, run.exitCode(), run::toString);
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), () -> "expected one line on stderr: " + run);
    assertTrue(lines.get(0).startsWith(expectedStart), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
    // The revision was announced as it started, and never reported done.
    assertFalse(run.out().contains("Applied ") || run.out().contains("Reverted "), run::toString);
  }

  static void execute(ProjectDirectory project, String... sql) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  static List<String> rows(ProjectDirectory project, String query) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      List<String> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(result.getObject(i)));
        }
        rows.add(String.join("|", values));
      }
      return rows;
    }
  }

  private static List<String> foreignKeysOfChild(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open()) {
      return Database.of(connection).inspect(connection, TableFilter.defaults()).requireTable("child").foreignKeys()
          .stream().map(ForeignKey::name).toList();
    }
  }

  private static List<String> tables(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open()) {
      return WalkthroughTest.allTables(connection, project.database().kind());
    }
  }
}
