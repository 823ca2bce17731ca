package dev.autogenerate.runtime;

import dev.autogenerate.bench.SyntheticSchema;
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
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The full-size check of large first migrations: a first migration of N tables (2,000 by
 * default) is written, compiled by the runtime's {@link SourceCompiler}, applied to a fresh
 * database and diffed against its target. Prints each phase's time and the file's shape; fails
 * only when the file does not compile or the database does not match. Not a test: a 2,000-table
 * compile takes too long for the build, and timings are read, never asserted.
 *
 * <pre>
 * mvn -q -B install -DskipTests
 * mvn -q -B -pl engine exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     "-Dexec.args=-cp %classpath dev.autogenerate.runtime.LargeMigrationBenchmark 2000 SQLITE"
 * </pre>
 */
public final class LargeMigrationBenchmark {

  private LargeMigrationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tables = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    DatabaseKind kind = args.length > 1 ? DatabaseKind.valueOf(args[1]) : DatabaseKind.SQLITE;
    Database database = Database.forKind(kind);
    Schema target = SyntheticSchema.tables(tables);
    Path directory = Files.createTempDirectory("large-migration");

    long start = System.nanoTime();
    MigrationPlan plan = new SchemaComparison(database.comparisonRules()).compare(Schema.EMPTY, target);
    System.out.printf("%s, %d tables: diff %d ms (%d steps)%n", kind, tables, millisSince(start),
        plan.upgradeChanges().size());

    start = System.nanoTime();
    MigrationSource source = new MigrationSource("com.example.large", "M20261201_120000_adopt", RevisionIds.random(),
        List.of(), "adopt", Instant.parse("2026-12-01T12:00:00Z"), plan.upgradeChanges(), plan.downgradeChanges());
    Path file = new MigrationWriter().writeTo(directory.resolve("migrations"), source);
    String text = Files.readString(file);
    System.out.printf("write %d ms: %d KiB, %d lines, %d step methods, %d nested classes%n", millisSince(start),
        text.length() / 1024, text.lines().count(), occurrences(text, "  private static void "),
        occurrences(text, "  private static final class "));

    start = System.nanoTime();
    SourceCompiler.Attempt attempt = SourceCompiler.attempt(List.of(file), List.of(),
        LargeMigrationBenchmark.class.getClassLoader(), new CompiledClassCache(directory.resolve("cache"), false));
    if (!attempt.errors().isEmpty()) {
      throw new IllegalStateException(attempt.errors().get(0).describe());
    }
    System.out.printf("compile %d ms (%d classes)%n", millisSince(start), attempt.compiled().classNames().size());

    Class<?> type = attempt.compiled().loader().loadClass("com.example.large.M20261201_120000_adopt");
    MigrationScript script = MigrationScript.of((Migration) type.getDeclaredConstructor().newInstance(), file.toString());
    Migrator migrator = new Migrator(RevisionHistory.of(List.of(script)), TableFilter.defaults())
        .withProgress(line -> { });
    try (Connection connection = TestDatabases.fresh(kind).open()) {
      start = System.nanoTime();
      migrator.upgrade(connection, "head");
      System.out.printf("upgrade %d ms%n", millisSince(start));
      Schema applied = database.inspector().inspect(connection, TableFilter.defaults());
      MigrationPlan left = new SchemaComparison(database.comparisonRules()).compare(applied, target);
      if (applied.tables().size() != tables || !left.isEmpty()) {
        throw new IllegalStateException("the database does not match the migration: " + left.upgradeChanges());
      }
      start = System.nanoTime();
      migrator.downgrade(connection, "base");
      System.out.printf("downgrade %d ms%n", millisSince(start));
    }
    Runtime runtime = Runtime.getRuntime();
    System.out.printf("heap in use: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
