package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The walkthrough, command by command, on each database. */
class WalkthroughTest {

  static final String USER_V1 = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, length = 200) String email;
        String name;
      }
      """;

  static final String USER_V2 = USER_V1.replace("  String name;\n", "  String name;\n  Integer age;\n");

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void fromAnEntityToAnAppliedReversibleMigration(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(USER_V1);

    CliRun first = project.expect(0, "-m", "create users table");
    assertEquals(1, project.migrationFiles().size(), first::toString);
    Path firstFile = project.migrationFiles().get(0);
    assertTrue(first.out().contains(project.root().relativize(firstFile).toString()), first::toString);
    String firstSource = project.read(firstFile);
    assertTrue(firstSource.contains("op.createTable(\"users\""), firstSource);
    assertTrue(firstSource.contains("op.dropTable(\"users\")"), firstSource);

    project.expect(0, "upgrade", "head");
    assertEquals(List.of("id", "email", "name"), columnsOf(project, "users"));
    project.expect(0, "check");
    CliRun nothing = project.expect(0, "-m", "nothing changed");
    assertTrue(nothing.out().contains("No changes"), nothing::toString);
    assertEquals(1, project.migrationFiles().size());

    project.entities(USER_V2);
    project.expect(1, "check");
    project.expect(0, "-m", "add age column");
    assertEquals(2, project.migrationFiles().size());
    Path secondFile = project.migrationFiles().stream().filter(file -> !file.equals(firstFile)).findFirst().orElseThrow();
    String second = project.read(secondFile);
    assertEquals(List.of("op.addColumn(\"users\", column(\"age\", INTEGER));"), statements(second, "upgrade"), second);
    assertEquals(List.of("op.dropColumn(\"users\", \"age\");"), statements(second, "downgrade"), second);

    project.expect(0, "upgrade", "head");
    assertTrue(columnsOf(project, "users").contains("age"));
    project.expect(0, "check");

    project.expect(0, "downgrade", "-1");
    assertFalse(columnsOf(project, "users").contains("age"));
    CliRun current = project.expect(0, "current");
    assertTrue(current.out().contains("create users table"), current::toString);

    project.expect(0, "downgrade", "base");
    try (Connection connection = project.database().open()) {
      Schema left = Database.forKind(kind).inspector().inspect(connection, TableFilter.defaults());
      assertEquals(Schema.EMPTY, left);
      assertEquals(List.of("autogenerate_history", "autogenerate_version"), allTables(connection, kind));
    }
  }

  /** The statements of one method body of a generated migration, comments left out. */
  static List<String> statements(String source, String method) {
    int start = source.indexOf("public void " + method + "(Operations op) {");
    int end = source.indexOf("\n  }", start);
    List<String> statements = new ArrayList<>();
    for (String line : source.substring(source.indexOf('\n', start) + 1, end).split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
        statements.add(trimmed);
      }
    }
    return statements;
  }

  static List<String> columnsOf(ProjectDirectory project, String table) throws Exception {
    try (Connection connection = project.database().open()) {
      Schema schema = Database.forKind(project.database().kind()).inspector().inspect(connection, TableFilter.defaults());
      return schema.requireTable(table).columns().stream().map(column -> column.name()).toList();
    }
  }

  static List<String> allTables(Connection connection, DatabaseKind kind) throws Exception {
    String sql = kind == DatabaseKind.POSTGRESQL
        ? "select tablename from pg_tables where schemaname = current_schema() order by 1"
        : "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by 1";
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
