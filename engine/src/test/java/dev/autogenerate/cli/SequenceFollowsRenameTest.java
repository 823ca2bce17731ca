package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table renamed with {@code @RenamedFrom} takes along the sequence Hibernate named after it
 * ({@code users_seq} -> {@code people_seq}): renamed, keeping its value, and renamed back by the
 * downgrade, instead of dropped and created again at its start, where it would hand out the ids
 * of rows already there. A sequence renamed on its own ({@code @SequenceGenerator(sequenceName)}
 * changed) is pointed out as a look-alike, and renamed by {@code --rename old=new}.
 */
class SequenceFollowsRenameTest {

  private static final String USER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity(name = "users")
      @Table(name = "users")
      public class User {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
        String name;
      }
      """;

  private static final String PERSON = """
      package com.example.domain;

      import dev.autogenerate.annotations.RenamedFrom;
      import jakarta.persistence.*;

      @Entity(name = "people")
      @Table(name = "people")
      @RenamedFrom("users")
      public class User {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
        String name;
      }
      """;

  private static final String ORDER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
        @SequenceGenerator(name = "ids", sequenceName = "order_seq", allocationSize = 1)
        Long id;
        String item;
      }
      """;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSequenceRenamedInItsGeneratorIsPointedOutThenRenamedOnTheCommandLineKeepingItsValue(DatabaseKind kind)
      throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(ORDER);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute(kind == DatabaseKind.POSTGRESQL ? "select setval('order_seq', 41)"
          : "update order_seq set next_val = 42");
    }
    project.entities(ORDER.replace("\"order_seq\"", "\"order_id_seq\""));

    CliRun guessed = project.expect(0, "-m", "sequence dropped and created");
    String hint = "sequences order_seq and order_id_seq look like a rename: order_id_seq starts again at its first"
        + " value, handing out ids the rows may hold already; --rename order_seq=order_id_seq keeps the value";
    assertTrue(guessed.out().contains("warning: " + hint), guessed::toString);
    String dropped = CheckAndEnumRisksTest.written(project, "sequence_dropped_and_created");
    assertTrue(WrappedComments.containsWrapped(dropped, "// " + hint), dropped);
    Files.delete(project.migrationFiles().stream()
        .filter(path -> path.getFileName().toString().endsWith("_sequence_dropped_and_created.java")).findFirst()
        .orElseThrow());

    project.expect(0, "-m", "sequence renamed", "--rename", "order_seq=order_id_seq");
    String file = CheckAndEnumRisksTest.written(project, "sequence_renamed");
    assertTrue(file.contains("op.renameSequence(\"order_seq\", \"order_id_seq\");"), file);
    assertTrue(file.contains("op.renameSequence(\"order_id_seq\", \"order_seq\");"), file);
    assertFalse(file.contains("createSequence") || file.contains("dropSequence"), file);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      assertEquals(42, single(statement, kind == DatabaseKind.POSTGRESQL ? "select nextval('order_id_seq')"
          : "select next_val from order_id_seq"), "it goes on where it was");
    }

    CliRun done = project.expect(0, "check", "--rename", "order_sequence=order_id_seq");
    assertEquals("", done.err(), "the rename is done already: nothing to say");
    project.entities(ORDER.replace("\"order_seq\"", "\"order_ids\""));
    CliRun unknown = project.expect(2, "-m", "again", "--rename", "order_sequence=order_ids");
    assertEquals("error: --rename order_sequence=order_ids: the database has no sequence order_sequence (nor order_ids);"
        + " name the old sequence as the database has it\n", unknown.err());
  }

  @Test
  void theSequenceIsRenamedWithItsTableAndKeepsItsValue() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(USER);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    long handedOut;
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      handedOut = single(statement, "select nextval('users_seq')");
      single(statement, "select nextval('users_seq')");
      handedOut = single(statement, "select nextval('users_seq')");
    }

    project.entities(PERSON);
    project.expect(0, "-m", "users are people");
    String file = CheckAndEnumRisksTest.written(project, "users_are_people");
    assertTrue(file.contains("op.renameTable(\"users\", \"people\");"), file);
    assertTrue(file.contains("op.renameSequence(\"users_seq\", \"people_seq\");"), file);
    assertTrue(file.contains("op.renameSequence(\"people_seq\", \"users_seq\");"), file);
    assertFalse(file.contains("createSequence") || file.contains("dropSequence"), file);

    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      assertEquals(handedOut + 50, single(statement, "select nextval('people_seq')"), "it goes on where it was");
    }
    project.expect(0, "downgrade", "-1");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      assertEquals(handedOut + 100, single(statement, "select nextval('users_seq')"), "renamed back, still going on");
    }
  }

  private static long single(Statement statement, String query) throws Exception {
    try (ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
