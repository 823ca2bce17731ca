package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.EntityModelReader;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import com.example.app.domain.Team;
import com.example.app.domain.User;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sample app as its users run it, on each database. */
class SampleAppTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void migratesValidatesWritesAndReads(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);

    String greeting = SampleApp.run(database.url(), database.user(), database.password());
    String again = SampleApp.run(database.url(), database.user(), database.password());

    assertEquals("Hello Ada <ada@example.com> of team Platform", greeting);
    assertEquals(greeting, again, "a second run finds the user the first one wrote");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void itsCommittedMigrationsMatchItsEntities(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    try (Connection connection = database.open()) {
      Migrator migrator = Migrator.fromClasspath(SampleApp.MIGRATIONS_PACKAGE);
      assertTrue(migrator.history().revisions().size() >= 1);
      migrator.upgrade(connection, "head");

      Schema entities = new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader()))
          .read(List.of(Team.class, User.class));
      Schema live = Database.forKind(kind).inspector().inspect(connection, TableFilter.defaults());
      MigrationPlan plan = new SchemaComparison(Database.forKind(kind).comparisonRules()).compare(live, entities);

      assertEquals(List.of(), plan.upgrade(), "the sample's migrations should leave nothing to generate");
      assertEquals(List.of(), plan.warnings());
    }
  }
}
