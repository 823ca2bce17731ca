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
 * A new check constraint and values leaving an enum type fail on the rows that break them: {@code -m}
 * counts those rows, warns on the console and above the step, and {@code --strict} stops; a check on
 * a new table and a value added to an enum type warn about nothing.
 */
class CheckAndEnumRisksTest {

  @TempDir Path directory;

  private static final String CHECKED = WalkthroughTest.USER_V1.replace("@Table(name = \"users\")",
      "@Table(name = \"users\")\n@org.hibernate.annotations.Check(name = \"ck_users_name\", constraints = \"length(name) > 2\")");

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aNewCheckCountsTheRowsItRejects(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (email, name) values ('a@example.com', 'Maximilian'), ('b@example.com', 'Bo'),"
          + " ('c@example.com', null), ('d@example.com', 'Al')");
    }

    project.entities(CHECKED);
    String warning = "warning: add check constraint ck_users_name on users: rows it rejects fail the revision"
        + " (rows violating it: 2)";
    assertEquals(List.of(warning), warnings(project.expect(1, "-m", "names longer than two", "--strict")));
    assertEquals(1, project.migrationFiles().size(), "--strict writes nothing");

    CliRun written = project.expect(0, "-m", "names longer than two");
    assertEquals(List.of(warning), warnings(written));
    String file = written(project, "names_longer_than_two");
    assertTrue(file.contains("    // WARNING: rows it rejects fail the revision (rows violating it: 2)\n"
        + "    op.addConstraint(\"users\", check(\"ck_users_name\", \"length(name) > 2\"));"), file);
    CliRun failed = project.expect(2, "upgrade", "head");
    assertTrue(failed.err().contains("ck_users_name") || failed.err().contains("CHECK constraint failed"), failed::toString);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aCheckOnANewTableWarnsNothing(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(CHECKED);

    assertEquals(List.of(), warnings(project.expect(0, "-m", "users", "--strict")));
  }

  private static final String STATUS_V1 = "package com.example.domain;\n\npublic enum Status { NEW, PAID, VOID }\n";
  private static final String STATUS_ADDED = "package com.example.domain;\n\npublic enum Status { NEW, PAID, VOID, LOST }\n";
  private static final String STATUS_REMOVED = "package com.example.domain;\n\npublic enum Status { NEW, PAID }\n";

  private static final String ORDER = """
      package com.example.domain;

      import jakarta.persistence.*;
      import org.hibernate.annotations.JdbcTypeCode;
      import org.hibernate.type.SqlTypes;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Status status;
      }
      """;

  @Test
  void removedEnumValuesCountTheRowsHoldingThem() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(ORDER, STATUS_V1);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into orders (status) values ('NEW'), ('VOID'), ('VOID'), (null), ('PAID')");
    }

    project.entities(ORDER, STATUS_ADDED);
    assertEquals(List.of(), warnings(project.expect(0, "-m", "a value more", "--strict")), "adding a value is safe");
    project.expect(0, "upgrade", "head");

    project.entities(ORDER, STATUS_REMOVED);
    String warning = "warning: alter enum type status: rows holding a removed value fail the revision"
        + " (rows holding a removed value: 2)";
    CliRun strict = project.expect(1, "-m", "no more void", "--strict");
    assertTrue(warnings(strict).stream().anyMatch(line -> line.startsWith("warning: ") && line.endsWith(
        "rows holding a removed value fail the revision (rows holding a removed value: 2)")), strict::toString);
    CliRun written = project.expect(0, "-m", "no more void");
    assertEquals(1, warnings(written).size(), written::toString);
    String file = written(project, "no_more_void");
    assertTrue(WrappedComments.containsWrapped(file,
        "// WARNING: rows holding a removed value fail the revision"
        + " (rows holding a removed value: 2)"), file);
    CliRun failed = project.expect(2, "upgrade", "head");
    assertTrue(failed.err().contains("VOID"), failed::toString);
  }

  /**
   * An enum stored by position gaining a constant in the middle (found by a user test): the rows'
   * numbers then name other constants, silently, and -m only swapped the range check, without a
   * word. Its range changing is warned, with the rows whose meaning may shift, in the file and on
   * the console; a check of a person's between 0 and N on an integer column is no enum's.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anOrdinalEnumsChangedRangeWarnsOfTheRowsWhoseMeaningShifts(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    String ordinal = ORDER.replace("@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Status status;",
        "@Enumerated(EnumType.ORDINAL) Status status;\n"
            + "  @org.hibernate.annotations.Check(constraints = \"score between 0 and 10\") Integer score;");
    project.entities(ordinal, STATUS_V1);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into orders (status, score) values (0, 1), (1, 2), (2, 3), (null, 4)");
    }

    project.entities(ordinal.replace("between 0 and 10", "between 0 and 20"),
        STATUS_V1.replace("NEW, PAID", "NEW, PENDING, PAID"));
    CliRun written = project.expect(0, "-m", "pending");
    List<String> warnings = warnings(written);
    assertEquals(1, warnings.size(), written::toString);
    assertTrue(warnings.get(0).startsWith("warning: add check constraint ck_orders_status on orders: the column stores"
        + " the enum's constants by position (@Enumerated(ORDINAL)) and their number changes: a constant added,"
        + " removed or moved anywhere but at the end makes the rows' numbers name other constants, without an error")
        && warnings.get(0).endsWith("(rows holding a value: 3)"), warnings::toString);
    String file = written(project, "pending");
    assertTrue(file.contains("(rows holding a value: 3)\n    op.addConstraint(\"orders\", check(\"ck_orders_status\","),
        file);
    project.expect(1, "check");
  }

  /**
   * An enum stored by position made stored by name (a user test): the rows keep their numbers as
   * text, the new check of names rejects every one, and -m said only that the rows could not be
   * counted. It warns that every row holding a value fails, counted, and how to map them.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anOrdinalEnumMadeStoredByNameWarnsThatEveryRowFails(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    String ordinal = ORDER.replace("@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Status status;",
        "@Enumerated(EnumType.ORDINAL) Status status;");
    project.entities(ordinal, STATUS_V1);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into orders (status) values (0), (2), (null)");
    }

    project.entities(ordinal.replace("EnumType.ORDINAL", "EnumType.STRING"), STATUS_V1);
    CliRun written = project.expect(0, "-m", "status by name");
    assertTrue(warnings(written).stream().anyMatch(line -> line.contains("the column held the enum's constants by"
        + " position (@Enumerated(ORDINAL)) and now holds their names") && line.endsWith("(rows holding a value: 2)")),
        written::toString);
  }

  /** The file a -m wrote, by its message: files written within one second do not sort by time. */
  static String written(ProjectDirectory project, String slug) {
    return project.read(project.migrationFiles().stream()
        .filter(each -> each.getFileName().toString().endsWith("_" + slug + ".java")).findFirst().orElseThrow());
  }

  private static List<String> warnings(CliRun run) {
    return run.out().lines().filter(line -> line.startsWith("warning: ")).toList();
  }
}
