package dev.autogenerate.junit;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;

/** The ready-made suite as a project uses it: four tests, each on a new SQLite database. */
class ExampleMigrationSuiteTest extends MigrationTestSuite {

  @Override
  protected MigrationTests migrationTests() {
    return MigrationTests.of(TestDatabases.fresh(DatabaseKind.SQLITE).url())
        .migrations("dev.autogenerate.junit.example.migrations.good")
        .entityPackages("dev.autogenerate.junit.example.domain");
  }
}
