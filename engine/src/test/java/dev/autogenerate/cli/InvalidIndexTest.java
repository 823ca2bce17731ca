package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index PostgreSQL marks INVALID: a {@code create unique index concurrently} that failed on
 * duplicates (or was cancelled) leaves it behind, unused by queries and over rows it does not hold
 * unique. It counted as present: check passed on a database whose unique index enforced nothing.
 * check now fails on it, and -m drops it and builds it again, with the duplicates counted.
 */
class InvalidIndexTest {

  private static final String UNIQUE_INDEX = WalkthroughTest.USER_V1.replace("@Table(name = \"users\")",
      "@Table(name = \"users\", indexes = @Index(name = \"ux_users_name\", columnList = \"name\", unique = true))");

  private static final String UNIQUE_KEY = WalkthroughTest.USER_V1.replace("@Table(name = \"users\")",
      "@Table(name = \"users\", uniqueConstraints = @UniqueConstraint(name = \"uq_users_name\", columnNames = \"name\"))");

  @TempDir Path directory;

  @Test
  void anInvalidUniqueIndexFailsCheckAndIsBuiltAgain() throws Exception {
    ProjectDirectory project = withInvalidIndex("ux_users_name");
    project.entities(UNIQUE_INDEX);

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("index ux_users_name is INVALID"), check::toString);
    CliRun strict = project.expect(1, "-m", "rebuild the name index", "--strict");
    assertTrue(strict.out().contains("duplicates fail the revision (rows holding a duplicated value: 2)"),
        strict::toString);

    execute(project, "delete from users where email = 'b@example.com'");
    project.expect(0, "-m", "rebuild the name index");
    String migration = CheckAndEnumRisksTest.written(project, "rebuild_the_name_index");
    // Hibernate maps a unique @Index as a unique key.
    assertTrue(migration.indexOf("op.dropIndex(\"users\", \"ux_users_name\");")
        < migration.indexOf("op.addConstraint(\"users\", unique(\"ux_users_name\", \"name\"));"), migration);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    assertTrue(valid(project, "ux_users_name"));
    project.expect(0, "downgrade", "-1");
  }

  @Test
  void anInvalidIndexUnderAUniqueKeysNameIsDroppedForTheKey() throws Exception {
    // As a lock-safe revision builds a unique key: the index concurrently, then the key using it.
    ProjectDirectory project = withInvalidIndex("uq_users_name");
    project.entities(UNIQUE_KEY);

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("index uq_users_name is INVALID"), check::toString);
    execute(project, "delete from users where email = 'b@example.com'");
    project.expect(0, "-m", "the name key");
    String migration = CheckAndEnumRisksTest.written(project, "the_name_key");
    assertTrue(migration.indexOf("op.dropIndex(\"users\", \"uq_users_name\");")
        < migration.indexOf("op.addConstraint(\"users\", unique(\"uq_users_name\", \"name\"));"), migration);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  /** Users migrated, two rows of one name, and the failed concurrent build's index of that name. */
  private ProjectDirectory withInvalidIndex(String index) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "users");
    project.expect(0, "upgrade", "head");
    execute(project, "insert into users (email, name) values ('a@example.com', 'Ada'), ('b@example.com', 'Ada')");
    SQLException failed = assertThrows(SQLException.class,
        () -> execute(project, "create unique index concurrently " + index + " on users (name)"));
    assertTrue(failed.getMessage().contains("could not create unique index"), failed::getMessage);
    assertFalse(valid(project, index), "the failed build leaves it INVALID");
    return project;
  }

  private static void execute(ProjectDirectory project, String sql) throws SQLException {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean valid(ProjectDirectory project, String index) throws SQLException {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select indisvalid from pg_index where indexrelid = '" + index
            + "'::regclass")) {
      assertTrue(rows.next(), index);
      return rows.getBoolean(1);
    }
  }
}
