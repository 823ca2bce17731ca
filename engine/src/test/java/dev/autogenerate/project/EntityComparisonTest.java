package dev.autogenerate.project;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.DiffOptions;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.database.Database;
import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code check}'s comparison as one call, for code holding a connection and the entities. */
class EntityComparisonTest {

  private static final EntityComparison COMPARISON =
      new EntityComparison(DiffOptions.defaults(), TableFilter.defaults());

  private static final EntityModel TEAMS = new EntityModel(Schema.of(List.of(Table.of("teams", List.of(
      column("id", BIGINT).notNull(), column("name", varchar(100)), primaryKey("id"))))), Renames.NONE);

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void plansWhatTheDatabaseLacksAndNothingOnceItHasIt(DatabaseKind kind) throws Exception {
    try (Connection connection = TestDatabases.fresh(kind).open()) {
      RevisionHistory noMigrations = RevisionHistory.of(List.of());

      MigrationPlan missing = COMPARISON.plan(connection, noMigrations, TEAMS, List.of());
      assertEquals(List.of("create table teams"),
          missing.upgradeChanges().stream().map(Change::operation).map(Operation::describe).toList());

      try (Statement statement = connection.createStatement()) {
        for (String sql : Database.of(connection).statements(
            missing.upgradeChanges().stream().map(Change::operation).toList(), Schema.EMPTY)) {
          statement.execute(sql);
        }
      }
      // Nothing to plan; yet no migration creates the table, which a database built from them would lack.
      MigrationPlan matching = COMPARISON.plan(connection, noMigrations, TEAMS, List.of());
      assertTrue(matching.isEmpty(), matching.toString());
      assertEquals(1, matching.warnings().size(), matching.toString());
      assertTrue(matching.warnings().get(0).startsWith("there are no migrations, yet the database already has 1 of the"
          + " entities' tables (teams)"), matching.toString());
    }
  }
}
