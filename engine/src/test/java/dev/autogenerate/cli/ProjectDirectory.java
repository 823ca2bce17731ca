package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's project in a temporary directory: an autogenerate.properties pointing at a test
 * database, entity classes compiled from source (replaceable, to play an edit), and a migrations
 * directory. Commands run in-process against it.
 */
public final class ProjectDirectory {

  static final String ENTITY_PACKAGE = "com.example.domain";

  private final Path root;
  private final TestDatabase database;
  private final Map<String, String> environment = new HashMap<>();

  public ProjectDirectory(Path root, TestDatabase database) {
    this(root, database, ENTITY_PACKAGE);
  }

  /** A project whose entities live in {@code entityPackage}. */
  public ProjectDirectory(Path root, TestDatabase database, String entityPackage) {
    this.root = root;
    this.database = database;
    write("autogenerate.properties", String.join("\n",
        "url=" + database.url(),
        database.user() == null ? "" : "user=" + database.user(),
        database.password() == null ? "" : "password=" + database.password(),
        "entities=" + entityPackage,
        "classpath=classes",
        "migrations=src/main/java/com/example/migrations",
        ""));
  }

  public Path root() {
    return root;
  }

  public TestDatabase database() {
    return database;
  }

  public Path migrations() {
    return root.resolve("src/main/java/com/example/migrations");
  }

  /** Replaces the compiled entities with these sources, as an edit and a build would. */
  public void entities(String... sources) {
    EntitySources.compileInto(root.resolve("classes"), List.of(sources));
  }

  public CliRun run(String... args) {
    return CliRun.run(root, environment, args);
  }

  /** Runs and asserts the exit code, showing the output when it is not the expected one. */
  public CliRun expect(int exitCode, String... args) {
    CliRun result = run(args);
    assertEquals(exitCode, result.exitCode(), () -> String.join(" ", args) + " gave " + result + "\n" + lastMigration());
    return result;
  }

  /** The newest migration file and its text, for failure messages. */
  public String lastMigration() {
    List<Path> files = migrationFiles();
    return files.isEmpty() ? "(no migrations)" : "--- " + files.get(files.size() - 1).getFileName() + "\n"
        + read(files.get(files.size() - 1));
  }

  public List<Path> migrationFiles() {
    if (!Files.isDirectory(migrations())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(migrations())) {
      return new ArrayList<>(files.filter(file -> file.toString().endsWith(".java")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes another project's migration files into this one, as a colleague's checkout or a
   * production deploy of the same code has them; those named are taken alone.
   */
  public void copyMigrationsFrom(ProjectDirectory other, Path... only) {
    List<Path> files = only.length == 0 ? other.migrationFiles() : List.of(only);
    files.forEach(file -> write(other.root().relativize(file).toString(), other.read(file)));
  }

  public void write(String relativePath, String content) {
    try {
      Path file = root.resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
