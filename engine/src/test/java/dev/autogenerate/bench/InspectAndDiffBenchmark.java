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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the check of an up-to-date schema of N tables takes: reading N entities through
 * Hibernate, inspecting the database, and diffing. Prints figures; asserts only that the diff is
 * empty. Not a test: machines here are shared and noisy, so timings are read, never asserted.
 *
 * <pre>
 * mvn -q -B install -DskipTests
 * mvn -q -B -pl engine exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     "-Dexec.args=-cp %classpath dev.autogenerate.bench.InspectAndDiffBenchmark 1000"
 * </pre>
 */
public final class InspectAndDiffBenchmark {

  private static final int ROUNDS = 3;

  private InspectAndDiffBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    System.out.printf("Generating and compiling %d entities...%n", tables);
    CompiledClasses compiled = EntitySources.compile(entitySources(tables).toArray(String[]::new));
    List<Class<?>> classes = compiled.loadClasses();
    ClassLoader loader = classes.get(0).getClassLoader();

    long start = System.nanoTime();
    Schema entities = new EntityModelReader(EntityModelOptions.using(loader)).read(classes);
    System.out.printf("read %d entities through Hibernate: %d ms (cold)%n", tables, millisSince(start));

    for (DatabaseKind kind : DatabaseKind.values()) {
      TestDatabase database = TestDatabases.fresh(kind);
      Database dialect = Database.forKind(kind);
      try (Connection connection = database.open()) {
        create(connection, entities, dialect);
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

  /** The schema created with the tool's own SQL, in one transaction. */
  private static void create(Connection connection, Schema entities, Database dialect) throws Exception {
    MigrationPlan plan = new SchemaComparison(dialect.comparisonRules()).compare(Schema.EMPTY, entities);
    List<dev.autogenerate.operations.Operation> operations = new ArrayList<>();
    plan.upgradeChanges().forEach(step -> operations.add(step.operation()));
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : dialect.statements(operations, Schema.EMPTY)) {
        statement.execute(sql);
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
  }

  /** Entities like a real application's: ids, strings, numbers, times, a reference, a unique and an index. */
  private static List<String> entitySources(int count) {
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String reference = i == 0 ? "" : "  @ManyToOne Entity" + (i - 1) + " previous;\n";
      sources.add("""
          package bench;

          import jakarta.persistence.*;
          import java.math.BigDecimal;
          import java.time.Instant;

          @Entity
          @Table(name = "table_%1$d", indexes = @Index(columnList = "created, name"))
          public class Entity%1$d {
            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
            @Column(nullable = false, unique = true, length = 100) String code;
            String name;
            @Column(precision = 12, scale = 2) BigDecimal amount;
            Integer quantity;
            boolean active;
            Instant created;
          %2$s}
          """.formatted(i, reference));
    }
    return sources;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
