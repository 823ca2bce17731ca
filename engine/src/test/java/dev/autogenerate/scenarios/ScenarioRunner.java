package dev.autogenerate.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.cli.CliRun;
import dev.autogenerate.inspect.DatabaseInspector;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plays a scenario the way a user lives it, through the command line, against a real database:
 * the before-entities are generated and applied; the after-entities must produce exactly the
 * expected operations; applied, autogenerate finds nothing more and check passes; downgrade -1
 * gives back the schema from before, compared by inspection.
 */
final class ScenarioRunner {

  private final Scenario scenario;
  private final DatabaseKind kind;
  private final Path directory;
  private final TestDatabase database;

  ScenarioRunner(Scenario scenario, DatabaseKind kind, Path directory) {
    this.scenario = scenario;
    this.kind = kind;
    this.directory = directory;
    this.database = TestDatabases.fresh(kind);
    write(directory.resolve("autogenerate.properties"), String.join("\n",
        "url=" + database.url(),
        database.user() == null ? "" : "user=" + database.user(),
        database.password() == null ? "" : "password=" + database.password(),
        "entities=com.example.domain",
        "classpath=classes",
        "migrations=migrations",
        "migrations.package=com.example.migrations",
        ""));
  }

  void run() throws Exception {
    entities(scenario.before());
    if (!scenario.before().isEmpty()) {
      expect(0, "-m", "before");
      expect(0, "upgrade", "head");
    }
    Schema before = inspect();

    entities(scenario.after());
    if (scenario.expectedOn(kind).isEmpty()) {
      // Nothing this database can tell apart changed: no migration, and check agrees.
      CliRun nothing = expect(0, "-m", "the change");
      assertTrue(nothing.out().contains("No changes"), () -> scenario + " on " + kind + ":\n" + nothing + lastMigration());
      expect(0, "check");
      return;
    }
    CliRun change = expect(0, "-m", "the change");
    assertEquals(scenario.expectedOn(kind), operationsListed(change), () -> scenario + " on " + kind + ":\n" + change
        + "\n" + lastMigration());
    expect(0, "upgrade", "head");
    CliRun again = expect(0, "-m", "nothing more");
    assertTrue(again.out().contains("No changes"), () -> scenario + " on " + kind + " is not idempotent:\n" + again
        + "\n" + lastMigration());
    expect(0, "check");

    expect(0, "downgrade", "-1");
    assertEquals(before, inspect(), () -> scenario + " on " + kind + ": downgrade -1 did not restore the schema\n"
        + lastMigration());
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

  private CliRun expect(int exitCode, String... args) {
    CliRun result = CliRun.run(directory, Map.of(), args);
    assertEquals(exitCode, result.exitCode(), () -> scenario + " on " + kind + ": " + String.join(" ", args)
        + " gave " + result + "\n" + lastMigration());
    return result;
  }

  private Schema inspect() throws Exception {
    try (Connection connection = database.open()) {
      return DatabaseInspector.forKind(kind).inspect(connection, TableFilter.defaults());
    }
  }

  private void entities(List<String> sources) {
    EntitySources.compileInto(directory.resolve("classes"), sources);
  }

  private String lastMigration() {
    Path migrations = directory.resolve("migrations");
    if (!Files.isDirectory(migrations)) {
      return "(no migrations)";
    }
    try (Stream<Path> files = Files.list(migrations)) {
      return files.sorted().reduce((first, second) -> second)
          .map(file -> "--- " + file.getFileName() + "\n" + read(file)).orElse("(no migrations)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
