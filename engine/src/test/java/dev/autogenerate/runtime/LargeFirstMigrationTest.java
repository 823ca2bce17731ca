package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.bench.SyntheticSchema;
import dev.autogenerate.changes.Change;
import dev.autogenerate.cli.CliRun;
import dev.autogenerate.cli.ProjectDirectory;
import dev.autogenerate.codegen.MigrationSource;
import dev.autogenerate.codegen.MigrationWriter;
import dev.autogenerate.codegen.RevisionIds;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first migration for more tables than one Java method can hold (about 250 of these) is
 * generated, compiled by the runtime's {@link SourceCompiler}, applied and undone; and {@code
 * baseline} adopts a database of that size. The
 * 2,000-table size runs in {@code LargeMigrationBenchmark}, as it takes the better part of a
 * minute to compile on a busy machine.
 */
class LargeFirstMigrationTest {

  /** Past one method's 64 KB: these tables take some 225 bytes of bytecode each. */
  private static final int TABLES = 400;

  private static final String ENTITY = """
      package com.example.large;

      @jakarta.persistence.Entity
      @jakarta.persistence.Table(name = "table_0")
      public class Entity0 {
        @jakarta.persistence.Id Long id;
      }
      """;

  @TempDir Path directory;

  @Test
  void firstMigrationOnSqlite() throws Exception {
    createUpgradeAndDowngrade(DatabaseKind.SQLITE, TABLES);
  }

  /**
   * {@code baseline} of a PostgreSQL database of that many tables writes a file that compiles (stamping
   * compiles it), and the file builds the same schema on an empty database.
   */
  @Test
  void baselineOnPostgresCompilesAndRebuildsTheSchema() throws Exception {
    TestDatabase existing = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    Database database = Database.forKind(DatabaseKind.POSTGRESQL);
    MigrationPlan plan = new SchemaComparison(database.comparisonRules()).compare(Schema.EMPTY, SyntheticSchema.tables(TABLES));
    try (Connection connection = existing.open(); Statement statement = connection.createStatement()) {
      for (String sql : database.statements(plan.upgradeChanges().stream().map(Change::operation).toList(), Schema.EMPTY)) {
        statement.execute(sql);
      }
    }
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), existing, "com.example.large");
    project.entities(ENTITY);
    CliRun baseline = project.expect(0, "baseline", "-m", "adopt the existing schema");
    assertTrue(baseline.out().contains("Stamped "), baseline::toString);
    assertTrue(project.read(project.migrationFiles().get(0)).contains("  private static void createTable0(Operations op) {\n"),
        "the upgrade is split into one method per table");

    // The same project pointed at an empty database: the classes baseline compiled are reused.
    TestDatabase fresh = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    new ProjectDirectory(directory.resolve("app"), fresh, "com.example.large").expect(0, "upgrade", "head");
    try (Connection before = existing.open(); Connection after = fresh.open()) {
      Schema adopted = database.inspect(before, TableFilter.defaults());
      assertEquals(TABLES, adopted.tables().size());
      assertEquals(adopted, database.inspect(after, TableFilter.defaults()));
    }
  }

  private void createUpgradeAndDowngrade(DatabaseKind kind, int tables) throws Exception {
    Schema target = SyntheticSchema.tables(tables);
    Database database = Database.forKind(kind);
    MigrationPlan plan = new SchemaComparison(database.comparisonRules()).compare(Schema.EMPTY, target);
    // A random id makes the source new to any compile cache: javac runs.
    MigrationSource source = new MigrationSource("com.example.large", "M20261201_120000_adopt", RevisionIds.random(),
        List.of(), "adopt", Instant.parse("2026-12-01T12:00:00Z"), plan.upgradeChanges(), plan.downgradeChanges());
    Path file = new MigrationWriter().writeTo(directory.resolve("migrations"), source);
    assertTrue(Files.readString(file).contains("  private static void createTable0(Operations op) {\n"),
        "the upgrade is split into one method per table");

    SourceCompiler.Attempt attempt = SourceCompiler.attempt(List.of(file), List.of(), getClass().getClassLoader(),
        new CompiledClassCache(directory.resolve("cache"), false));
    assertEquals(List.of(), attempt.errors());
    Class<?> type = attempt.compiled().loader().loadClass("com.example.large.M20261201_120000_adopt");
    MigrationScript script = MigrationScript.of((Migration) type.getDeclaredConstructor().newInstance(), file.toString());
    assertEquals(plan.upgradeChanges().stream().map(change -> change.operation()).toList(), script.upgradeOperations());

    TestDatabase testDatabase = TestDatabases.fresh(kind);
    Migrator migrator = new Migrator(RevisionHistory.of(List.of(script)), TableFilter.defaults());
    try (Connection connection = testDatabase.open()) {
      migrator.upgrade(connection, "head");
      Schema applied = database.inspector().inspect(connection, TableFilter.defaults());
      assertEquals(tables, applied.tables().size());
      MigrationPlan left = new SchemaComparison(database.comparisonRules()).compare(applied, target);
      assertTrue(left.isEmpty(), () -> "after the upgrade: " + left.upgradeChanges().get(0));

      migrator.downgrade(connection, "base");
      assertEquals(0, database.inspector().inspect(connection, TableFilter.defaults()).tables().size());
    }
  }
}
