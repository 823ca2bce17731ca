package dev.autogenerate.bench;

import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.EntityModelReader;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.CompiledClasses;
import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.util.List;

/**
 * How long the check of an up-to-date schema of N tables takes: reading N entities through
 * Hibernate, inspecting the database, and diffing. Prints figures; asserts only that the diff is
 * empty. Not a test: machines here are shared and noisy, so timings are read, never asserted.
 *
 * <p>Run it with the class path {@code ./benchmark} builds (see that script), as
 * {@code java -cp ... dev.autogenerate.bench.InspectAndDiffBenchmark 1000}; {@link
 * CommandLineBenchmark} measures whole commands, start-up included.
 */
public final class InspectAndDiffBenchmark {

  private static final int ROUNDS = 3;

  private InspectAndDiffBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    System.out.printf("Generating and compiling %d entities...%n", tables);
    CompiledClasses compiled = EntitySources.compile(CommandLineBenchmark.entitySources(tables).toArray(String[]::new));
    List<Class<?>> classes = compiled.loadClasses();
    ClassLoader loader = classes.get(0).getClassLoader();

    long start = System.nanoTime();
    Schema entities = new EntityModelReader(EntityModelOptions.using(loader)).read(classes);
    System.out.printf("read %d entities through Hibernate: %d ms (cold)%n", tables, millisSince(start));

    for (DatabaseKind kind : DatabaseKind.values()) {
      TestDatabase database = TestDatabases.fresh(kind);
      Database dialect = Database.forKind(kind);
      try (Connection connection = database.open()) {
        CommandLineBenchmark.createWithToolSql(connection, entities, dialect);
        for (int round = 1; round <= ROUNDS; round++) {
          long inspectStart = System.nanoTime();
          Schema live = Database.forKind(kind).inspector().inspect(connection, TableFilter.defaults());
          long inspectMillis = millisSince(inspectStart);
          long diffStart = System.nanoTime();
          MigrationPlan plan = new SchemaComparison(dialect.comparisonRules()).compare(live, entities);
          long diffMillis = millisSince(diffStart);
          if (!plan.isEmpty() || !plan.warnings().isEmpty()) {
            throw new IllegalStateException("an up-to-date schema should diff to nothing: " + plan.upgrade().get(0));
          }
          System.out.printf("%-10s round %d: inspect %d tables %5d ms, diff %4d ms%n",
              kind, round, live.tables().size(), inspectMillis, diffMillis);
        }
      }
    }
    Runtime runtime = Runtime.getRuntime();
    System.out.printf("heap in use: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
