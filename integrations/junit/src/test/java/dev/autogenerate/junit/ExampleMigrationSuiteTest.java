package dev.autogenerate.junit;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import org.sqlite.SQLiteDataSource;

/** The ready-made suite as a project uses it: four tests, each on a new SQLite database behind a data source. */
class ExampleMigrationSuiteTest extends MigrationTestSuite {

  @Override
  protected MigrationTests migrationTests() {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(TestDatabases.fresh(DatabaseKind.SQLITE).url());
    return MigrationTests.of(dataSource)
        .migrations("dev.autogenerate.junit.example.migrations.good")
        .entityPackages("dev.autogenerate.junit.example.domain")
        .withAutomaticRows();
  }
}
