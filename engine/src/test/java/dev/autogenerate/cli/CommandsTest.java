package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands and target forms the walkthrough does not use. */
class CommandsTest {

  @TempDir Path directory;

  @Test
  void initWritesACommentedConfigAndTheMigrationsDirectoryOnce() throws Exception {
    CliRun init = CliRun.run(directory, Map.of(), "init", "--url", "jdbc:sqlite:dev.db");

    assertEquals(0, init.exitCode(), init::toString);
    String properties = Files.readString(directory.resolve("autogenerate.properties"));
    assertTrue(properties.contains("url=jdbc:sqlite:dev.db"), properties);
    assertTrue(properties.lines().filter(line -> line.startsWith("#")).count() > 10, properties);
    assertTrue(Files.isDirectory(directory.resolve("src/main/java/com/example/app/migrations")));

    CliRun again = CliRun.run(directory, Map.of(), "init");
    assertEquals(2, again.exitCode(), again::toString);
    assertTrue(again.err().contains("already exists"), again::toString);
    assertEquals(properties, Files.readString(directory.resolve("autogenerate.properties")));
  }

  /** It wrote com.example.app in every project, where the Maven plugin and the starter look elsewhere. */
  @Test
  void initTakesTheEntitiesAndMigrationsFromTheMavenProjectOrTheSpringBootApplication() throws Exception {
    Files.writeString(directory.resolve("pom.xml"), """
        <project>
          <parent><groupId>org.springframework.boot</groupId><artifactId>parent</artifactId></parent>
          <groupId>com.acme-corp.shop</groupId>
          <artifactId>shop</artifactId>
        </project>
        """);
    CliRun maven = CliRun.run(directory, Map.of(), "init");
    assertEquals(0, maven.exitCode(), maven::toString);
    String properties = Files.readString(directory.resolve("autogenerate.properties"));
    assertTrue(properties.contains("\nentities=com.acme_corp.shop\n"), properties);
    assertTrue(properties.contains("\nmigrations=src/main/java/com/acme_corp/shop/migrations\n"), properties);
    assertTrue(maven.out().contains("(entities and migrations from the Maven groupId com.acme-corp.shop)"), maven::toString);

    Path application = directory.resolve("target/classes/com/acme/shop/ShopApplication.class");
    Files.createDirectories(application.getParent());
    Files.writeString(application, "Lorg/springframework/boot/autoconfigure/SpringBootApplication;");
    CliRun spring = CliRun.run(directory, Map.of(), "init", "--force");
    assertEquals(0, spring.exitCode(), spring::toString);
    properties = Files.readString(directory.resolve("autogenerate.properties"));
    assertTrue(properties.contains("\nentities=com.acme.shop\n"), properties);
    assertTrue(properties.contains("\nmigrations=src/main/java/com/acme/shop/migrations\n"), properties);
    assertTrue(Files.isDirectory(directory.resolve("src/main/java/com/acme/shop/migrations")));
    assertTrue(spring.out().contains("(entities and migrations from the Spring Boot application: migrations below the"
        + " @SpringBootApplication package com.acme.shop)"), spring::toString);

    // The starter's own setting, as the starter reads it; the options say the rest.
    Files.writeString(directory.resolve("target/classes/application.properties"),
        "spring.datasource.url=jdbc:sqlite:shop.db\nautogenerate.migrations-package=com.acme.db.changes\n");
    CliRun starter = CliRun.run(directory, Map.of(), "init", "--force", "--entities", "com.acme.shop.domain");
    assertEquals(0, starter.exitCode(), starter::toString);
    properties = Files.readString(directory.resolve("autogenerate.properties"));
    assertTrue(properties.contains("\nentities=com.acme.shop.domain\n"), properties);
    assertTrue(properties.contains("\nmigrations=src/main/java/com/acme/db/changes\n"), properties);
    // The application names its database: a url here would outrank it.
    assertTrue(properties.contains("\n#url=jdbc:sqlite:app.db\n") && !properties.contains("\nurl="), properties);
    assertTrue(starter.out().contains("(migrations from the Spring Boot application: the starter's"), starter::toString);

    // Told both, init reads nothing of the project: a POM it cannot read is no error.
    Files.writeString(directory.resolve("pom.xml"), "<project><groupId>");
    Files.delete(application);
    CliRun told = CliRun.run(directory, Map.of(), "init", "--force", "--entities", "a.b", "--migrations", "db");
    assertEquals(0, told.exitCode(), told::toString);
  }

  @Test
  void revisionAutogenerateUpgradeByStepsAndDowngradeToARevision() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    ProjectDirectory project = new ProjectDirectory(directory, database);
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "revision", "--autogenerate", "-m", "create users table", "--rev-id", "aaaa00000001");
    project.entities(WalkthroughTest.USER_V2);
    project.expect(0, "upgrade", "head");
    project.expect(0, "revision", "--autogenerate", "-m", "add age column", "--rev-id", "bbbb00000002");

    project.expect(0, "downgrade", "base");
    CliRun plusOne = project.expect(0, "upgrade", "+1");
    assertTrue(plusOne.out().contains("Applied aaaa00000001"), plusOne::toString);
    assertEquals(List.of("id", "email", "name"), WalkthroughTest.columnsOf(project, "users"));
    project.expect(0, "upgrade", "+1");
    assertTrue(WalkthroughTest.columnsOf(project, "users").contains("age"));
    CliRun toFirst = project.expect(0, "downgrade", "aaaa");
    assertTrue(toFirst.out().contains("Reverted bbbb00000002"), toFirst::toString);
    assertTrue(project.expect(0, "current").out().startsWith("aaaa00000001"));
    CliRun beyond = project.expect(2, "upgrade", "+5");
    assertTrue(beyond.err().startsWith("error: cannot move +5"), beyond::toString);
  }

  @Test
  void checkOnAnUnreachableDatabaseIsAnErrorNotADifference() {
    ProjectDirectory project = new ProjectDirectory(directory,
        new TestDatabase(DatabaseKind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2", "x", "y"));
    project.entities(WalkthroughTest.USER_V1);

    CliRun check = project.expect(2, "check");

    assertTrue(check.err().startsWith("error: cannot connect to"), check::toString);
  }
}
