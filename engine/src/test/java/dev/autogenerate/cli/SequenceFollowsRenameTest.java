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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table renamed with {@code @RenamedFrom} takes along the sequence Hibernate named after it
 * ({@code users_seq} -> {@code people_seq}): renamed, keeping its value, and renamed back by the
 * downgrade, instead of dropped and created again at its start, where it would hand out the ids
 * of rows already there.
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

  @TempDir Path directory;

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
