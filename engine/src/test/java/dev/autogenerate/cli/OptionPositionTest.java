package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options every command takes work before and after the command's name, with no file at all. */
class OptionPositionTest {

  @TempDir Path directory;

  @Test
  void optionsBeforeAndAfterTheCommand() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(WalkthroughTest.USER_V1);
    Files.delete(directory.resolve("autogenerate.properties"));
    String[] options = {"--url", database.url(), "--entities", "com.example.domain", "--classpath", "classes",
        "--migrations", "db/migrations", "--migrations-package", "com.example.db"};

    CliRun generated = CliRun.run(directory, Map.of(), concat(options, "-m", "first"));
    assertEquals(0, generated.exitCode(), generated::toString);
    CliRun before = CliRun.run(directory, Map.of(), concat(options, "upgrade", "head"));
    assertEquals(0, before.exitCode(), before::toString);
    CliRun after = CliRun.run(directory, Map.of(), concat(new String[] {"check"}, options));
    assertEquals(0, after.exitCode(), after::toString);
    assertTrue(Files.readString(Files.list(directory.resolve("db/migrations")).findFirst().orElseThrow())
        .startsWith("package com.example.db;"));
  }

  @Test
  void theEnvironmentSuppliesTheUrl() {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.write("autogenerate.properties",
        "entities=com.example.domain\nclasspath=classes\nmigrations=src/main/java/com/example/migrations\n");
    project.entities(WalkthroughTest.USER_V1);

    CliRun run = CliRun.run(directory, Map.of("AUTOGENERATE_URL", database.url()), "-m", "first");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, project.migrationFiles().size());
  }

  @Test
  void aMessageMayBeACommandsName() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(WalkthroughTest.USER_V1);

    CliRun first = CliRun.run(directory, Map.of(), "-m", "init");
    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(1, project.migrationFiles().size());
    assertTrue(Files.readString(project.migrationFiles().get(0)).contains("\"init\""), first::toString);

    assertEquals(0, CliRun.run(directory, Map.of(), "upgrade", "head").exitCode());
    project.entities(WalkthroughTest.USER_V2);
    CliRun second = CliRun.run(directory, Map.of(), "revision", "--autogenerate", "-m", "upgrade");
    assertEquals(0, second.exitCode(), second::toString);
    assertEquals(2, project.migrationFiles().size());
  }

  private static String[] concat(String[] first, String... second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
