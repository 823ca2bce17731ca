package dev.autogenerate.junit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.CompareHook;
import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.junit.example.extra.Project;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

/**
 * Each assertion on real PostgreSQL and SQLite databases: small migrations compiled with these
 * tests, a set that passes everything and, for each assertion, a set it must catch.
 */
class MigrationTestsTest {

  private static final String EXAMPLE = "dev.autogenerate.junit.example.";

  /** Two teams and a user, inserted once the first revision has created their tables. */
  private static final RowSeeder TEAMS_AND_A_USER = RowSeeder.at("a1", connection -> {
    try (Statement statement = connection.createStatement()) {
      statement.execute("insert into teams (name) values ('core'), ('web')");
      statement.execute("insert into users (name, team_id) values ('ada', 1)");
    }
  });

  private static final RowSeeder TWO_TEAMS = (revision, connection) -> {
    if (revision.equals("l1") || revision.equals("d1")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("insert into teams (id, name) values (1, 'core'), (2, 'web')");
      }
    }
  };

  private static RowSeeder rowsAt(String revision, String insert) {
    return RowSeeder.at(revision, connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(insert);
      }
    });
  }

  private static MigrationTests on(TestDatabase database, String migrations) {
    return MigrationTests.of(database.url(), database.user(), database.password())
        .migrations(EXAMPLE + "migrations." + migrations);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void goodMigrationsPassEveryAssertionAndLeaveTheDatabaseEmpty(DatabaseKind kind) throws SQLException {
    TestDatabase database = TestDatabases.fresh(kind);
    MigrationTests tests = on(database, "good").entityPackages(EXAMPLE + "domain").withRows(TEAMS_AND_A_USER);

    tests.assertAll();

    assertEmpty(database);
  }

  /**
   * Views the migrations created are dropped with the rest, each before the views and tables it
   * reads: the diff never drops a view for its own sake, so emptying the database stopped at the
   * first table a view read, and the next assertion found it not empty.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void viewsTheMigrationsCreatedAreEmptiedToo(DatabaseKind kind) throws SQLException {
    TestDatabase database = TestDatabases.fresh(kind);

    assertTwoAssertionsInARowLeaveItEmpty(database, on(database, "withviews"));
  }

  /** A view the project excludes is not the test's: the database is still empty to it, and the view stays. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aViewTheProjectExcludesIsLeftAlone(DatabaseKind kind) throws SQLException {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create view legacy_numbers as select 1 as one");
    }

    on(database, "withviews").excludeTables("legacy_*").assertUpgradesToHead();

    try (Connection connection = database.open()) {
      Schema left = Database.of(connection).inspect(connection, TableFilter.defaults());
      assertEquals(Set.of("legacy_numbers"), left.views().keySet());
      assertEquals(Set.of(), left.tables().keySet());
    }
  }

  /** A view the migrations made goes, even when its name is one the project excludes. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aViewTheMigrationsMadeGoesWhateverTheFilterSays(DatabaseKind kind) throws SQLException {
    TestDatabase database = TestDatabases.fresh(kind);

    assertTwoAssertionsInARowLeaveItEmpty(database, on(database, "withviews").excludeTables("team_names"));
  }

  /** The second assertion finds the database the first emptied, and leaves it empty too. */
  private static void assertTwoAssertionsInARowLeaveItEmpty(TestDatabase database, MigrationTests tests)
      throws SQLException {
    tests.assertUpgradesToHead();
    tests.assertUpgradesToHead();

    assertEmpty(database);
  }

  @Test
  void anInMemorySqliteDatabaseIsANewOneForEachAssertion() {
    MigrationTests tests = MigrationTests.of("jdbc:sqlite::memory:").migrations(EXAMPLE + "migrations.good")
        .entityPackages(EXAMPLE + "domain").withAutomaticRows();

    assertDoesNotThrow(tests::assertAll);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDowngradeThatForgetsToDropAColumnFailsTheRoundTrip(DatabaseKind kind) {
    MigrationTests tests = on(TestDatabases.fresh(kind), "forgetsdrop");

    AssertionFailedError failure = assertThrows(AssertionFailedError.class, tests::assertRoundTrips);

    assertTrue(failure.getMessage().startsWith(
        "the downgrade of revision f2 (add budget) does not restore the schema before it; to get back there it would"
            + " also have to:\n  drop column teams.budget"), failure.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void migrationsThatDoNotMatchTheEntitiesFailNamingWhatANewMigrationWouldDo(DatabaseKind kind) {
    MigrationTests tests = on(TestDatabases.fresh(kind), "good").entityPackages(EXAMPLE + "domain")
        .entities(Project.class);

    AssertionFailedError failure = assertThrows(AssertionFailedError.class, tests::assertUpgradeMatchesEntities);

    String message = failure.getMessage();
    assertTrue(message.startsWith("the migrations in " + EXAMPLE + "migrations.good, applied up to a2 (add age), do"
        + " not match the entities; a new migration would have to:\n  create table projects"), message);
    assertTrue(message.endsWith("Run autogenerate -m \"message\" to write it."), message);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void migrationsOfAnotherShapeFailWithEachDifference(DatabaseKind kind) {
    MigrationTests tests = on(TestDatabases.fresh(kind), "forgetsdrop").entityPackages(EXAMPLE + "domain");

    AssertionFailedError failure = assertThrows(AssertionFailedError.class, tests::assertUpgradeMatchesEntities);

    String message = failure.getMessage();
    assertTrue(message.contains("\n  create table users"), message);
    assertTrue(message.contains("\n  drop column teams.budget"), message);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theProjectsCompareHookReviewsTheDifferences(DatabaseKind kind) {
    CompareHook ignoreProjects = change -> change.operation() instanceof CreateTable create
        && create.table().name().equals("projects") ? Optional.empty() : Optional.of(change);
    MigrationTests tests = on(TestDatabases.fresh(kind), "good").entityPackages(EXAMPLE + "domain")
        .entities(Project.class).compareHook(ignoreProjects);

    assertDoesNotThrow(tests::assertUpgradeMatchesEntities);
  }

  @Test
  void springBootNamingMapsTheEntitiesAsTheApplicationDoes() {
    MigrationTests tests = on(TestDatabases.fresh(DatabaseKind.SQLITE), "spring").entityPackages(EXAMPLE + "spring");

    assertDoesNotThrow(tests.springBootNamingStrategies()::assertUpgradeMatchesEntities);
    AssertionFailedError failure = assertThrows(AssertionFailedError.class, tests::assertUpgradeMatchesEntities);
    assertTrue(failure.getMessage().contains("\n  add column members.displayname"), failure.getMessage());
  }

  @Test
  void twoHeadsFailTheSingleHeadAssertionNamingBothAndTheFix() {
    MigrationTests tests = MigrationTests.of("jdbc:sqlite::memory:").migrations(EXAMPLE + "migrations.twoheads");

    AssertionFailedError failure = assertThrows(AssertionFailedError.class, tests::assertSingleHead);

    assertEquals("the migrations in " + EXAMPLE + "migrations.twoheads have 2 heads: t2a (add name), t2b (add size);"
        + " an upgrade to head would not know which to take: join them with autogenerate merge -m \"merge heads\"",
        failure.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aBranchingHistoryStillRoundTripsEveryRevision(DatabaseKind kind) {
    assertDoesNotThrow(on(TestDatabases.fresh(kind), "twoheads")::assertRoundTrips);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDowngradeThatLosesRowsOfAnotherTableFailsOnceThereAreRows(DatabaseKind kind) {
    TestDatabase database = TestDatabases.fresh(kind);
    MigrationTests withoutRows = on(database, "losesrows");

    // Empty tables have nothing to lose: the rows are what make the difference.
    assertDoesNotThrow(withoutRows::assertRoundTrips);
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        withoutRows.withRows(TWO_TEAMS)::assertRoundTrips);

    assertEquals("the downgrade of revision l2 (create tags) does not keep the rows of table teams: 2 before its"
        + " upgrade, 0 after its downgrade; rows lost: {id=1, name=core}, {id=2, name=web}", failure.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void automaticRowsCatchTheLostRowsWithoutASeeder(DatabaseKind kind) {
    TestDatabase database = TestDatabases.fresh(kind);

    assertDoesNotThrow(on(database, "good").withAutomaticRows()::assertRoundTrips);
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        on(database, "losesrows").withAutomaticRows()::assertRoundTrips);

    assertEquals("the downgrade of revision l2 (create tags) does not keep the rows of table teams: 1 before its"
        + " upgrade, 0 after its downgrade; rows lost: {id=1, name=a}", failure.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDowngradeThatFailsOnRowsWrittenAfterItsUpgradeFailsTheWayDownToBase(DatabaseKind kind) {
    TestDatabase database = TestDatabases.fresh(kind);
    RowSeeder namedTeam = rowsAt("n1", "insert into teams (id, name) values (1, 'core')");
    RowSeeder unnamedTeam = rowsAt("n2", "insert into teams (id) values (2)");

    assertDoesNotThrow(on(database, "nullable").withRows(namedTeam)::assertRoundTrips);
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        on(database, "nullable").withRows(namedTeam).withRows(unnamedTeam)::assertRoundTrips);

    assertTrue(failure.getMessage().startsWith("downgrading from the newest revision to base, on every row seeded:"
        + " migration n2 (names optional) failed at `"), failure.getMessage());
  }

  @Test
  void aDowngradeChangingValuesOfATableItDoesNotNameFails() {
    MigrationTests tests = on(TestDatabases.fresh(DatabaseKind.POSTGRESQL), "dynamicsql").withRows(TWO_TEAMS);

    AssertionFailedError failure = assertThrows(AssertionFailedError.class, tests::assertRoundTrips);

    assertEquals("the downgrade of revision d2 (create tags) changes rows of table teams, which the revision does not"
        + " name; rows lost: {id=1, name=core}, {id=2, name=web}", failure.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRevisionThatFailsToApplyIsAFailureNamingIt(DatabaseKind kind) {
    MigrationTests tests = on(TestDatabases.fresh(kind), "broken");

    AssertionFailedError failure = assertThrows(AssertionFailedError.class, tests::assertUpgradesToHead);

    assertTrue(failure.getMessage().startsWith("upgrading a fresh database to the newest revision: migration "
        + EXAMPLE + "migrations.broken.M001_add_to_missing_table: cannot add column teams.size"), failure.getMessage());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDatabaseWithTablesIsRefusedAndLeftAsItWas(DatabaseKind kind) throws SQLException {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table keep_me (id integer primary key)");
      statement.execute("insert into keep_me values (7)");
    }

    IllegalStateException refusal = assertThrows(IllegalStateException.class,
        on(database, "good")::assertUpgradesToHead);

    assertTrue(refusal.getMessage().startsWith("the test database " + database.url() + " is not empty (it has"
        + " keep_me): MigrationTests migrates an empty database"), refusal.getMessage());
    try (Connection connection = database.open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id from keep_me")) {
      assertTrue(rows.next());
      assertEquals(7, rows.getInt(1));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFailedAssertionLeavesTheDatabaseEmptyForTheNext(DatabaseKind kind) throws SQLException {
    TestDatabase database = TestDatabases.fresh(kind);

    assertThrows(AssertionFailedError.class, on(database, "forgetsdrop")::assertRoundTrips);

    assertEmpty(database);
    assertDoesNotThrow(on(database, "good")::assertRoundTrips);
  }

  private static void assertEmpty(TestDatabase database) throws SQLException {
    try (Connection connection = database.open()) {
      Schema left = Database.of(connection).inspect(connection, TableFilter.defaults());
      assertEquals(Set.of(), left.tables().keySet());
      assertEquals(Set.of(), left.views().keySet());
      try (ResultSet tables = connection.getMetaData().getTables(null, null, TableFilter.VERSION_TABLE, null)) {
        assertFalse(tables.next(), "the version table is left");
      }
    }
  }
}
