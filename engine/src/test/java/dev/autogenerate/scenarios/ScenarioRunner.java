package dev.autogenerate.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.CliRun;
import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.compare.SqlExpressions;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a scenario the way a user lives it, through the command line, against a real database:
 * the before-entities are generated and applied; the after-entities must produce exactly the
 * expected operations; applied, check finds nothing more; downgrade -1
 * gives back the schema from before, compared by inspection.
 */
final class ScenarioRunner {

  private final Scenario scenario;
  private final DatabaseKind kind;
  private final ProjectDirectory project;

  ScenarioRunner(Scenario scenario, DatabaseKind kind, Path directory) {
    this.scenario = scenario;
    this.kind = kind;
    this.project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
  }

  void run() throws Exception {
    if (!scenario.schemas().isEmpty()) {
      try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
        for (String schema : scenario.schemas()) {
          statement.execute("create schema " + schema);
        }
      }
    }
    project.entities(scenario.before().toArray(String[]::new));
    if (!scenario.before().isEmpty()) {
      project.expect(0, "-m", "before");
      project.expect(0, "upgrade", "head");
    }
    Schema before = inspect();

    project.entities(scenario.after().toArray(String[]::new));
    CliRun change = project.expect(0, "-m", "the change");
    assertEquals(scenario.expectedOn(kind), operationsListed(change),
        () -> scenario + " on " + kind + ":\n" + change + "\n" + project.lastMigration());
    if (scenario.expectedOn(kind).isEmpty()) {
      // Nothing this database can tell apart changed: no migration, and check agrees.
      assertTrue(change.out().contains("No changes"), change::toString);
      project.expect(0, "check");
      return;
    }
    project.expect(0, "upgrade", "head");
    // check finds what -m would write next: nothing, or the change is not idempotent.
    CliRun again = project.run("check");
    assertEquals(0, again.exitCode(),
        () -> scenario + " on " + kind + " is not idempotent:\n" + again + "\n" + project.lastMigration());

    project.expect(0, "downgrade", "-1");
    assertEquals(comparable(before), comparable(inspect()),
        () -> scenario + " on " + kind + ": downgrade -1 did not restore the schema\n" + project.lastMigration());
  }

  private static List<String> operationsListed(CliRun run) {
    List<String> operations = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      if (line.startsWith("  ")) {
        operations.add(line.trim());
      }
    }
    return operations;
  }

  /**
   * The schema with check expressions in normal form: PostgreSQL deparses a check it re-creates
   * from its own text differently ({@code ANY ((ARRAY[...])::text[])} against
   * {@code ANY (ARRAY[(...)::text, ...])}), though it is the same check.
   */
  private static Schema comparable(Schema schema) {
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.tables().values()) {
      tables.add(new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(),
          table.foreignKeys(), table.checks().stream()
              .map(check -> new CheckConstraint(check.name(), SqlExpressions.normalize(check.expression()))).toList(),
          table.indexes(), table.comment()));
    }
    return Schema.of(tables, schema.sequences().values(), schema.enumTypes().values());
  }

  private Schema inspect() throws Exception {
    try (Connection connection = project.database().open()) {
      return Database.forKind(kind).inspector().inspect(connection, TableFilter.defaults().withSchemas(scenario.schemas()));
    }
  }
}
