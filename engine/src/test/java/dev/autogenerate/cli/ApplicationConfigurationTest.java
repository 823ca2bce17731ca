package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.testing.EntitySources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot project needs no autogenerate.properties: its application.yml on the entity class
 * path says where the database is and how tables are named, and the tool reads the same schema
 * from it as from every setting spelled out for the tool.
 */
class ApplicationConfigurationTest {

  private static final String ORDER = """
      package com.example.shop;

      import jakarta.persistence.*;
      import java.time.Instant;
      import java.util.Set;

      @Entity
      @Table(name = "orders")
      public class PurchaseOrder {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String customerName;
        Instant placedAt;
        @ManyToMany Set<Tag> tags;
      }
      """;

  private static final String TAG = """
      package com.example.shop;

      import jakarta.persistence.*;

      @Entity
      public class Tag {
        @Id Long id;
        String displayLabel;
      }
      """;

  private static final String APPLICATION_YML = """
      # the application's own configuration, as Spring Boot reads it
      spring:
        datasource:
          url: ${SHOP_DB_URL:jdbc:sqlite:shop.db}
        jpa:
          hibernate:
            naming:
              physical-strategy: org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy
          properties:
            hibernate:
              type.preferred_instant_jdbc_type: TIMESTAMP
      """;

  /** What the application.yml says, spelled out for the tool, with Spring Boot's implicit naming. */
  private static final String SPELLED_OUT = String.join("\n",
      "url=jdbc:sqlite:shop.db",
      "classpath=target/classes",
      "naming.physical-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
      "naming.implicit-strategy=dev.autogenerate.entities.SpringBootImplicitNamingStrategy",
      "hibernate.type.preferred_instant_jdbc_type=TIMESTAMP",
      "");

  @TempDir Path project;

  private CliRun expect(int exitCode, String... args) {
    CliRun run = CliRun.run(project, Map.of(), args);
    assertEquals(exitCode, run.exitCode(), () -> String.join(" ", args) + " gave " + run);
    return run;
  }

  private void springBootProject(String applicationYml) throws IOException {
    EntitySources.compileInto(project.resolve("target/classes"), List.of(ORDER, TAG));
    Files.writeString(project.resolve("target/classes/application.yml"), applicationYml);
  }

  private String onlyMigration() throws IOException {
    try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
      List<Path> migrations = files.filter(file -> file.toString().endsWith(".java")).toList();
      assertEquals(1, migrations.size(), migrations::toString);
      return Files.readString(migrations.get(0));
    }
  }

  /** Generates with a fixed id and time, so that two runs' migrations can be compared as text. */
  private String generate(String... options) throws IOException {
    deleteMigrations();
    String[] args = Stream.concat(Stream.of("-m", "shop", "--rev-id", "a1b2c3d4e5f6", "--created",
        "2026-01-01T00:00:00Z"), Stream.of(options)).toArray(String[]::new);
    expect(0, args);
    return onlyMigration();
  }

  private void deleteMigrations() throws IOException {
    if (Files.isDirectory(project.resolve("migrations"))) {
      try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Test
  void theApplicationsYmlGivesTheSameResultAsEverySettingSpelledOut() throws Exception {
    springBootProject(APPLICATION_YML);

    String fromYml = generate("--classpath", "target/classes");
    assertTrue(fromYml.contains("\"customer_name\""), fromYml);
    assertTrue(fromYml.contains("column(\"placed_at\", TIMESTAMP)"), fromYml);
    assertTrue(fromYml.contains("\"orders_tags\""), fromYml);

    Files.writeString(project.resolve("autogenerate.properties"), SPELLED_OUT);
    assertEquals(fromYml, generate());

    // Guards the comparison: without the hibernate.* setting the yml carries, the migration differs.
    Files.writeString(project.resolve("autogenerate.properties"),
        SPELLED_OUT.replace("hibernate.type.preferred_instant_jdbc_type=TIMESTAMP", ""));
    Files.delete(project.resolve("target/classes/application.yml"));
    String without = generate();
    assertFalse(without.contains("column(\"placed_at\", TIMESTAMP)"), without);
  }

  @Test
  void generatedFromSpelledOutSettingsAndCheckedWithTheApplicationsYml() throws Exception {
    springBootProject(APPLICATION_YML);
    Files.writeString(project.resolve("autogenerate.properties"), SPELLED_OUT);
    expect(0, "-m", "shop");
    expect(0, "upgrade", "head");
    assertTrue(Files.isRegularFile(project.resolve("shop.db")), "the database is the one the settings name");
    Files.delete(project.resolve("autogenerate.properties"));

    CliRun check = expect(0, "check", "--classpath", "target/classes");

    assertTrue(check.out().startsWith("OK"), check::toString);
  }

  @Test
  void springBootsDefaultNamingMapsCamelCaseFieldsToSnakeCaseColumns() throws Exception {
    springBootProject("spring.datasource.url: jdbc:sqlite:shop.db\n");

    expect(0, "-m", "shop", "--classpath", "target/classes");

    String migration = onlyMigration();
    assertTrue(migration.contains("\"customer_name\""), migration);
    assertTrue(migration.contains("\"display_label\""), migration);
    assertTrue(migration.contains("\"orders_tags\""), migration);
    assertFalse(migration.contains("customername"), migration);
    assertFalse(migration.contains("purchase_order_tags"), migration);
  }

  @Test
  void configPrintsTheEffectiveSettingsAndWhereEachCameFrom() throws Exception {
    springBootProject(APPLICATION_YML.replace("url: ${SHOP_DB_URL:jdbc:sqlite:shop.db}",
        "url: jdbc:sqlite:shop.db\n    password: top-secret"));

    CliRun config = expect(0, "config", "--classpath", "target/classes", "--user", "cli-user");

    Path yml = project.resolve("target/classes/application.yml");
    assertTrue(config.out().contains("url = jdbc:sqlite:" + project.resolve("shop.db")
        + "  [" + yml + " (spring.datasource.url)]"), config::toString);
    assertTrue(config.out().contains("user = cli-user  [option --user]"), config::toString);
    assertTrue(config.out().contains("password = ***  [" + yml + " (spring.datasource.password)]"), config::toString);
    assertTrue(config.out().contains("naming.implicit-strategy = dev.autogenerate.entities.SpringBootImplicitNamingStrategy"
        + "  [default (Spring Boot application)]"), config::toString);
    assertFalse(config.out().contains("top-secret"), config::toString);
  }

  @Test
  void theProfileOptionOverridesSpringProfilesActive() throws Exception {
    springBootProject("spring.datasource.username: base\n");
    Files.writeString(project.resolve("target/classes/application-dev.yml"), "spring.datasource.username: dev\n");
    Files.writeString(project.resolve("target/classes/application-ci.yml"), "spring.datasource.username: ci\n");

    CliRun fromEnvironment = CliRun.run(project, Map.of("SPRING_PROFILES_ACTIVE", "ci"), "config", "--classpath",
        "target/classes");
    CliRun fromOption = CliRun.run(project, Map.of("SPRING_PROFILES_ACTIVE", "ci"), "config", "--classpath",
        "target/classes", "--profile", "dev");

    assertTrue(fromEnvironment.out().contains("user = ci  ["), fromEnvironment::toString);
    assertTrue(fromOption.out().contains("user = dev  [" + project.resolve("target/classes/application-dev.yml")),
        fromOption::toString);
  }

  @Test
  void anUnresolvablePlaceholderIsAOneLineErrorNamingIt() throws Exception {
    springBootProject("spring.datasource.url: ${SHOP_DB_URL}\n");

    CliRun run = expect(2, "check", "--classpath", "target/classes");

    assertEquals(1, run.err().lines().count(), run::toString);
    assertTrue(run.err().startsWith("error: cannot resolve ${SHOP_DB_URL} in "), run::toString);
  }
}
