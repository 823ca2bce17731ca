package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With the lock-safe settings, {@code -m} writes the forms that keep a busy PostgreSQL table
 * available: foreign keys and checks added NOT VALID and validated in a revision of their own, NOT
 * NULL through a validated check, new indexes built concurrently alone in their revision, and a
 * lock timeout first in each transactional revision. They apply on a table with rows, on
 * PostgreSQL and on SQLite alike, and {@code check} is clean after.
 */
class LockSafeFormsTest {

  private static final String TEAM = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "teams")
      public class Team {
        @Id Long id;
        String name;
      }
      """;

  private static final String USER_V1 = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
        @Id Long id;
        String name;
        @Column(name = "team_id") Long teamId;
      }
      """;

  private static final String USER_V2 = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users", indexes = @Index(name = "ix_users_name", columnList = "name"))
      @org.hibernate.annotations.Check(name = "ck_users_name", constraints = "length(name) > 1")
      public class User {
        @Id Long id;
        @Column(nullable = false) String name;
        @ManyToOne @JoinColumn(name = "team_id") Team team;
      }
      """;

  @TempDir Path directory;

  private ProjectDirectory populated(DatabaseKind kind, String... settings) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    Files.writeString(project.root().resolve("autogenerate.properties"), String.join("\n", settings) + "\n",
        StandardOpenOption.APPEND);
    project.entities(TEAM, USER_V1);
    project.expect(0, "-m", "teams and users");
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into teams (id, name) values (1, 'Core'), (2, 'Web')");
      statement.execute("insert into users (id, name, team_id) values (1, 'Ada', 1), (2, 'Bob', 2), (3, 'Cy', null)");
    }
    return project;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theLockSafeFormsApplyOnAPopulatedTable(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind, "lock-safe.indexes=true", "lock-safe.constraints=true",
        "lock-safe.lock-timeout=5");

    project.entities(TEAM, USER_V2);
    CliRun generated = project.expect(0, "-m", "teams required");
    assertEquals(4, project.migrationFiles().size(), generated::toString);
    String main = CheckAndEnumRisksTest.written(project, "teams_required");
    String validate = CheckAndEnumRisksTest.written(project, "teams_required_validate_constraints");
    String index = CheckAndEnumRisksTest.written(project, "teams_required_index_ix_users_name_concurrently");

    assertTrue(main.contains("op.lockTimeout(Duration.ofSeconds(5));"), main);
    assertTrue(main.contains("op.addConstraintNotValid(\"users\", check(\"ck_users_name_not_null\", \"name is not null\"));"), main);
    assertTrue(main.contains("op.addConstraintNotValid(\"users\", check(\"ck_users_name\", \"length(name) > 1\"));"), main);
    assertTrue(main.contains("op.addConstraintNotValid(\"users\", foreignKey("), main);
    assertTrue(main.contains("// added NOT VALID: PostgreSQL locks the table only for an instant"), main);
    assertFalse(main.contains("createIndex"), main);
    assertTrue(validate.contains("revises = \"") && validate.contains("(validate constraints)"), validate);
    assertTrue(validate.contains("op.lockTimeout(Duration.ofSeconds(5));"), validate);
    assertTrue(validate.contains("op.validateConstraint(\"users\", \"ck_users_name\");"), validate);
    assertTrue(validate.contains("op.validateConstraint(\"users\", \"ck_users_name_not_null\");"), validate);
    assertTrue(validate.contains("op.dropConstraint(\"users\", \"ck_users_name_not_null\");"), validate);
    assertTrue(index.contains("op.createIndexConcurrently(\"users\", index(\"ix_users_name\", \"name\"));"), index);
    assertFalse(index.contains("lockTimeout"), index);
    // The console lists each file's steps as the file takes them, under it.
    String out = generated.out();
    assertTrue(out.contains("  add check constraint ck_users_name on users not valid\n"), out);
    assertTrue(out.indexOf("  validate constraint ck_users_name on users\n") > out.indexOf("Wrote "), out);
    assertTrue(out.contains("  create index ix_users_name on users concurrently\nWrote "), out);
    assertTrue(out.contains("_teams_required_index_ix_users_name_concurrently.java (lock-safe: a revision of its own,"
        + " after the one before)"), out);
    assertFalse(out.contains("  create index ix_users_name on users\n"), out);

    String script = project.expect(0, "upgrade", "--sql", "head").out();
    String indexRevision = script.substring(script.lastIndexOf("\n-- upgrade "));
    if (kind == DatabaseKind.POSTGRESQL) {
      assertTrue(indexRevision.contains("-- outside a transaction (it cannot run in one):\ncreate index "), script);
      assertTrue(indexRevision.indexOf("begin;") > indexRevision.indexOf("create index"), script);
    } else {
      // SQLite builds it as any index, in the revision's transaction, holding the write lock.
      // (after the check, first in each revision's transaction, that the database is where it
      // starts, and the count of the references broken before it)
      assertTrue(indexRevision.contains("drop table temp._autogenerate_version_guard;\ncreate table"
          + " temp._autogenerate_references_before as "), script);
      assertTrue(indexRevision.contains("pragma_foreign_key_check group by 1, 2;\ncreate index "), script);
      assertTrue(indexRevision.indexOf("begin;") < indexRevision.indexOf("create index"), script);
    }
    // In a single transaction each lock-safe revision keeps a transaction of its own on
    // PostgreSQL (their strong locks stay short, and set local lock_timeout ends with each);
    // SQLite has no such locks.
    String single = project.expect(0, "upgrade", "--sql", "head", "--single-transaction").out();
    long begins = single.lines().filter(line -> line.equals("begin;")).count();
    assertEquals(kind == DatabaseKind.POSTGRESQL ? script.lines().filter(line -> line.equals("begin;")).count() : 1,
        begins, single);

    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    if (kind == DatabaseKind.POSTGRESQL) {
      try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
        assertEquals(List.of("ck_users_name:true", "fk_users_team_id_teams:true"),
            strings(statement, "select conname || ':' || convalidated from pg_constraint"
                + " where conrelid = 'users'::regclass and contype in ('c', 'f') order by conname"));
        assertEquals(List.of("true"), strings(statement,
            "select indisvalid::text from pg_index where indexrelid = 'ix_users_name'::regclass"));
      }
    }
    project.expect(0, "downgrade", "-3");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  /**
   * Found by a user test: a revision split off for its concurrent index left the first one's
   * downgrade without the warnings every other downgrade carries (dropping the new column deletes
   * what was put in it since).
   */
  @Test
  void eachRevisionOfASplitCarriesItsDowngradesWarnings() throws Exception {
    ProjectDirectory project = populated(DatabaseKind.SQLITE, "lock-safe.indexes=true");

    project.entities(TEAM, USER_V1.replace("@Table(name = \"users\")",
        "@Table(name = \"users\", indexes = @Index(name = \"ix_users_phone\", columnList = \"phone\"))")
        .replace("String name;", "String name;\n  String phone;"));
    project.expect(0, "-m", "phones");
    String main = CheckAndEnumRisksTest.written(project, "phones");
    String downgrade = main.substring(main.indexOf("public void downgrade"));
    assertTrue(WrappedComments.containsWrapped(downgrade,
        "// WARNING: dropping it deletes its values (the downgrade counts the rows holding"
        + " a value when it runs)\n    op.dropColumn(\"users\", \"phone\");"), main);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aNewUniqueConstraintTakesOverAnIndexBuiltConcurrentlyBefore(DatabaseKind kind) throws Exception {
    ProjectDirectory project = populated(kind, "lock-safe.indexes=true", "lock-safe.lock-timeout=5");

    project.entities(TEAM, USER_V1.replace("@Table(name = \"users\")",
        "@Table(name = \"users\", uniqueConstraints = @UniqueConstraint(name = \"uk_users_name\", columnNames = \"name\"))"));
    CliRun generated = project.expect(0, "-m", "unique names");
    assertEquals(3, project.migrationFiles().size(), "no empty revision first: " + generated);
    String index = CheckAndEnumRisksTest.written(project, "unique_names_index_uk_users_name_concurrently");
    String attach = CheckAndEnumRisksTest.written(project, "unique_names_attach_unique_constraints");
    assertTrue(index.contains("op.createIndexConcurrently(\"users\", uniqueIndex(\"uk_users_name\", asc(\"name\")));"), index);
    assertTrue(attach.contains("op.lockTimeout(Duration.ofSeconds(5));"), attach);
    assertTrue(attach.contains("op.addUniqueUsingIndex(\"users\", unique(\"uk_users_name\", \"name\"));"), attach);
    assertTrue(attach.contains("op.dropConstraint(\"users\", \"uk_users_name\");"), attach);
    assertTrue(generated.out().contains("  add unique constraint uk_users_name on users using its index\nWrote "),
        generated::toString);

    String script = project.expect(0, "upgrade", "--sql", "head").out();
    assertTrue(script.contains(kind == DatabaseKind.POSTGRESQL
        ? "alter table users add constraint uk_users_name unique using index uk_users_name;"
        : "  constraint uk_users_name unique (name)\n);\ninsert into _autogenerate_rebuild_users"), script);

    // One revision per process: the takeover starts from the index as the database reads it back.
    project.expect(0, "upgrade", "+1");
    project.expect(0, "upgrade", "+1");
    project.expect(0, "check");
    if (kind == DatabaseKind.POSTGRESQL) {
      try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
        assertEquals(List.of("uk_users_name:uk_users_name"), strings(statement, "select conname || ':' || conindid::regclass"
            + " from pg_constraint where conrelid = 'users'::regclass and contype = 'u'"));
      }
    }
    project.expect(0, "downgrade", "-2");
    project.expect(1, "check");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  @Test
  void aRowBreakingAConstraintFailsItsValidationClearly() throws Exception {
    ProjectDirectory project = populated(DatabaseKind.POSTGRESQL, "lock-safe.constraints=true");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into users (id, name, team_id) values (4, 'Dee', 99)");
    }

    project.entities(TEAM, USER_V2);
    project.expect(0, "-m", "teams required");
    assertEquals(3, project.migrationFiles().size());
    CliRun failed = project.expect(2, "upgrade", "head");
    assertTrue(failed.err().contains("validate constraints"), failed::toString);
    assertTrue(failed.err().contains("failed at `alter table users validate constraint fk_users_team_id_teams`: ERROR:"
        + " insert or update on table \"users\" violates foreign key constraint \"fk_users_team_id_teams\""),
        failed::toString);
    assertTrue(failed.err().contains("nothing of it was applied"), failed::toString);
    CliRun current = project.expect(0, "current");
    assertTrue(current.out().contains("teams required") && !current.out().contains("validate"), current::toString);
  }

  @Test
  void aRevisionWaitingForALockLongerThanItsTimeoutFailsAndRollsBack() throws Exception {
    ProjectDirectory project = populated(DatabaseKind.POSTGRESQL, "lock-safe.lock-timeout=1");
    project.entities(TEAM, USER_V1.replace("String name;", "String name;\n  Integer age;"));
    project.expect(0, "-m", "ages");
    String file = CheckAndEnumRisksTest.written(project, "ages");
    assertTrue(file.contains("op.lockTimeout(Duration.ofSeconds(1));\n"), file);

    try (Connection holder = project.database().open(); Statement statement = holder.createStatement()) {
      holder.setAutoCommit(false);
      statement.executeQuery("select count(*) from users").close();
      CliRun failed = project.expect(2, "upgrade", "head");
      assertTrue(failed.err().contains("failed at `alter table users add column age integer`: ERROR: canceling"
          + " statement due to lock timeout (another session held a lock on the table longer than the revision's"
          + " lock timeout"), failed::toString);
      assertTrue(failed.err().contains("nothing of it was applied"), failed::toString);
      holder.rollback();
    }
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      assertEquals(List.of("0"), strings(statement,
          "select count(*)::text from information_schema.columns where table_name = 'users' and column_name = 'age'"));
    }
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  private static List<String> strings(Statement statement, String query) throws Exception {
    List<String> values = new java.util.ArrayList<>();
    try (ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
