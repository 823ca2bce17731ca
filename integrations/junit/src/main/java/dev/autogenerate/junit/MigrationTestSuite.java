package dev.autogenerate.junit;

import org.junit.jupiter.api.Test;

/**
 * The usual tests of a project's migrations, ready-made: extend it, say where the migrations, the
 * entities and a test database are, and each assertion of {@link MigrationTests} is a test of its
 * own in the report.
 *
 * <pre>{@code
 * class MigrationsTest extends MigrationTestSuite {
 *   @Override
 *   protected MigrationTests migrationTests() {
 *     return MigrationTests.of("jdbc:sqlite:" + tempDir.resolve("migrations.db"))
 *         .migrations("com.example.app.migrations")
 *         .entityPackages("com.example.app.domain");
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #migrationTests()} is called once per test, so it may hand each test a new database.
 */
public abstract class MigrationTestSuite {

  /** Where the migrations, the entities and an empty test database are. */
  protected abstract MigrationTests migrationTests();

  @Test
  void migrationsHaveASingleHead() {
    migrationTests().assertSingleHead();
  }

  @Test
  void freshDatabaseUpgradesToHead() {
    migrationTests().assertUpgradesToHead();
  }

  @Test
  void upgradedDatabaseMatchesTheEntities() {
    migrationTests().assertUpgradeMatchesEntities();
  }

  @Test
  void everyRevisionGoesUpDownAndUpAgainKeepingRows() {
    migrationTests().assertRoundTrips();
  }
}
