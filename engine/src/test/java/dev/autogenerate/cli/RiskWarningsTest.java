package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Every step that may destroy data or fail on the rows a table holds is printed as a warning with
 * the rows it concerns, counted in the database, and written above the step in the file; safe
 * changes warn about nothing; {@code --strict} writes nothing and exits 1 on a risky step.
 */
class RiskWarningsTest {

  @TempDir Path directory;

  private ProjectDirectory populated(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, name) values ('a@example.com', 'Maximilian Alexander Long')");
      statement.execute("insert into users (email, name) values ('b@example.com', 'Bo')");
      statement.execute("insert into users (email, name) values ('c@example.com', null)");
      statement.execute("insert into users (email, name) values ('d@example.com', 'Bo')");
    }
    return project;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void eachRiskyStepIsWarnedWithItsRowCount(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);

    project.entities(WalkthroughTest.USER_V1.replace("  String name;\n", ""));
    assertEquals(List.of("warning: drop column users.name: dropping it deletes its values (rows holding a value: 3)"),
        warnings(project.expect(1, "-m", "drop names", "--strict")));

    project.entities(WalkthroughTest.USER_V1.replace("  String name;", "  @Column(nullable = false) String name;"));
    assertEquals(List.of("warning: alter column users.name: set not null: a null fails the revision (rows holding null: 1)"),
        warnings(project.expect(1, "-m", "names required", "--strict")));

    project.entities(WalkthroughTest.USER_V1.replace("  String name;", "  @Column(length = 10) String name;"));
    assertEquals(List.of("warning: alter column users.name: type varchar(10): values longer than the new length fail"
            + " the revision (rows too long: 1)" + onPostgresOnly(kind)),
        warnings(project.expect(1, "-m", "short names", "--strict")));

    project.entities(WalkthroughTest.USER_V1.replace("  String name;", "  @Column(unique = true) String name;"));
    assertEquals(List.of("warning: add unique constraint uq_users_name on users: duplicates fail the revision"
            + " (rows holding a duplicated value: 2)"),
        warnings(project.expect(1, "-m", "unique names", "--strict")));

    project.entities(WalkthroughTest.USER_V1.replace("  String name;\n", "  String name;\n  int age;\n"));
    assertEquals(List.of("warning: add column users.age: any row fails the revision (give it a default, or fill it"
            + " first) (rows: 4)"),
        warnings(project.expect(1, "-m", "ages", "--strict")));
    assertEquals(1, project.migrationFiles().size(), "--strict writes nothing");
  }

  /** Counted before the revision runs, a step over a column it adds read a column not there: "the database refused". */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aStepOverAColumnTheSameRevisionAddsSaysWhyItsRowsAreNotCounted(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(WalkthroughTest.USER_V1.replace("  String name;\n",
        "  String name;\n  @org.hibernate.annotations.ColumnDefault(\"'x'\") @Column(length = 5) String code;\n")
        .replace("@Table(name = \"users\")",
            "@Table(name = \"users\", uniqueConstraints = @UniqueConstraint(columnNames = {\"name\", \"code\"}))"));

    List<String> warnings = warnings(project.expect(1, "-m", "codes", "--strict"));

    assertEquals(1, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).endsWith("duplicates fail the revision (rows not counted: it names column code, which"
        + " the revision makes before this step)"), warnings::toString);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theWarningIsWrittenAboveTheStepAndSafeChangesWarnNothing(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);

    project.entities(WalkthroughTest.USER_V2);
    CliRun safe = project.expect(0, "-m", "add age", "--strict");
    assertEquals(List.of(), warnings(safe));
    project.expect(0, "upgrade", "head");

    project.entities(WalkthroughTest.USER_V2.replace("  String name;\n", ""));
    CliRun risky = project.expect(0, "-m", "drop names");
    assertEquals(1, warnings(risky).size(), risky::toString);
    String file = project.read(project.migrationFiles().stream()
        .filter(each -> each.getFileName().toString().contains("drop_names")).findFirst().orElseThrow());
    assertTrue(file.contains("    // WARNING: dropping it deletes its values (rows holding a value: 3)\n"
        + "    op.dropColumn(\"users\", \"name\");"), file);
    assertFalse(file.substring(file.indexOf("downgrade(")).contains("WARNING"), file);

    // Applied where more rows came meanwhile (production, say), the upgrade counts them there,
    // before its statements run.
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, name) values ('e@example.com', 'Eve'), ('f@example.com', 'Flo')");
    }
    CliRun applied = project.expect(0, "upgrade", "head");
    String out = applied.out();
    assertTrue(out.contains("  warning: drop column users.name: dropping it deletes its values (rows holding a value:"
        + " 5)"), applied::toString);
    assertTrue(out.indexOf("warning: drop column users.name") < out.indexOf("Applied "), applied::toString);
    // A step that finds nothing to delete says nothing.
    project.entities(WalkthroughTest.USER_V2.replace("  String name;\n", "").replace("  Integer age;\n", ""));
    project.expect(0, "-m", "drop ages");
    assertFalse(project.expect(0, "upgrade", "head").out().contains("warning"));
  }

  /** SQLite's error named the rebuilt table by its temporary name, which no one wrote. */
  @Test
  void aRowThatDoesNotFitARebuiltSqliteTableIsToldOfByItsTable() throws Exception {
    ProjectDirectory project = populated(DatabaseKind.SQLITE);
    project.entities(WalkthroughTest.USER_V1.replace("  String name;", "  @Column(nullable = false) String name;"));
    project.expect(0, "-m", "names required");

    CliRun failed = project.expect(2, "upgrade", "head");

    assertEquals(1, failed.err().lines().count(), failed::toString);
    assertTrue(failed.err().contains("_autogenerate_rebuild_users.name) (_autogenerate_rebuild_users is table users as"
        + " the revision rebuilds it: SQLite changes a column's type or constraints by copying the rows into a new"
        + " table, and a row of users does not fit the new one); nothing of it was applied"), failed::toString);
  }

  /**
   * The upgrade counted every step's rows before the revision ran, so a revision whose own SQL
   * first moved the values away was said to delete them all the same.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theUpgradeCountsAStepsRowsAfterWhatTheRevisionDidBeforeIt(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind);
    project.entities(WalkthroughTest.USER_V1.replace("  String name;\n", ""));
    project.expect(0, "-m", "drop names");
    Path file = project.migrationFiles().stream()
        .filter(each -> each.getFileName().toString().contains("drop_names")).findFirst().orElseThrow();
    String source = project.read(file);
    String drop = "    op.dropColumn(\"users\", \"name\");";
    assertTrue(source.contains(drop), source);
    // The names kept elsewhere first (here: given up on purpose), then the column dropped.
    project.write(project.root().relativize(file).toString(),
        source.replace(drop, "    op.execute(\"update users set name = null where email <> 'a@example.com'\");\n" + drop));

    CliRun applied = project.expect(0, "upgrade", "head");

    assertTrue(applied.out().contains("  warning: drop column users.name: dropping it deletes its values (rows holding a"
        + " value: 1)"), applied::toString);
  }

  /**
   * PostgreSQL takes a number with fewer decimals, a double as an integer, a timestamp as a date,
   * without an error: each rounded or cut. The warning says so, with the rows whose value changes
   * (not every row holding one); and applied, the revision does what the warning said.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTypeThatRoundsValuesIsWarnedWithTheRowsItChanges(DatabaseKind kind) throws Exception {
    String before = """
        package com.example.domain;

        import jakarta.persistence.*;
        import java.math.BigDecimal;
        import java.time.LocalDateTime;

        @Entity
        @Table(name = "prices")
        public class Price {
          @Id Long id;
          @Column(precision = 10, scale = 3) BigDecimal amount;
          Double ratio;
          LocalDateTime seen;
        }
        """;
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(before);
    project.expect(0, "-m", "prices");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into prices (id, amount, ratio, seen) values (1, 1.234, 3.7, '2024-01-01 13:45:12')");
      statement.execute("insert into prices (id, amount, ratio, seen) values (2, 1.2, 4, '2024-01-02 00:00:00')");
      statement.execute("insert into prices (id, amount, ratio, seen) values (3, null, null, null)");
    }

    project.entities(before.replace("scale = 3", "scale = 1").replace("Double ratio", "Integer ratio")
        .replace("LocalDateTime seen", "java.time.LocalDate seen"));
    String rounded = ": each value is rounded or cut to the new type without an error, and no downgrade brings the"
        + " old one back (rows whose value changes: 1)" + onPostgresOnly(kind);
    // A double too large for an integer fails: none of these is, and that is what is counted.
    String tooLarge = ": a value outside the new type's range fails the revision (rows out of range: 0)"
        + onPostgresOnly(kind);
    assertEquals(List.of("warning: alter column prices.amount: type numeric(10, 1)" + rounded,
            "warning: alter column prices.ratio: type integer" + rounded,
            "warning: alter column prices.ratio: type integer" + tooLarge,
            "warning: alter column prices.seen: type date" + rounded),
        warnings(project.expect(0, "-m", "rounder")));
    project.expect(0, "upgrade", "head");
    if (kind == DatabaseKind.POSTGRESQL) {
      try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
          java.sql.ResultSet row = statement.executeQuery("select amount, ratio, seen from prices where id = 1")) {
        row.next();
        assertEquals("1.2 4 2024-01-01", row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
      }
    }
  }

  /** What a SQLite warning adds to a narrowed or rounded column's, since SQLite does not enforce column types. */
  /**
   * A number made a UUID (a user test's Long id made UUID): {@code using ref::uuid} failed even on a
   * table without rows, and the warning read as if only some values might fail. It says that each
   * value fails, counted; through the value's text, a column without values converts.
   */
  @Test
  void aNumberMadeAUuidFailsOnEachValueAndConvertsAnEmptyColumn() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(WalkthroughTest.USER_V2);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, age) values ('a@example.com', 41), ('b@example.com', null)");
    }

    project.entities(WalkthroughTest.USER_V2.replace("Integer age;", "java.util.UUID age;"));
    CliRun written = project.expect(0, "-m", "ages as uuids");
    assertEquals(List.of("warning: alter column users.age: type uuid: PostgreSQL has no conversion from the old type"
        + " to the new one: the step fails on each value (and but to a uuid, even on a column without values); fill a"
        + " new column in a data migration instead (rows holding a value: 1)"), warnings(written));
    CliRun failed = project.expect(2, "upgrade", "head");
    assertTrue(failed.err().contains("invalid input syntax for type uuid"), failed::toString);

    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("update users set age = null");
    }
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  private static String onPostgresOnly(DatabaseKind kind) {
    return kind == DatabaseKind.SQLITE ? " - on PostgreSQL; SQLite keeps every value as it was" : "";
  }

  private static List<String> warnings(CliRun run) {
    return run.out().lines().filter(line -> line.startsWith("warning: ")).toList();
  }
}
