package dev.autogenerate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.project.SpringBootMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's defaults read from the build's folders and jars, without loading a class. */
class ProjectSettingsTest {

  @TempDir Path build;

  private Path classFile(Path root, String name, String content) throws Exception {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  /**
   * What the file sets is read as the command reads it: a byte-order mark is no part of the first
   * key, which the plugin would otherwise think unset, and override with its own default.
   */
  @Test
  void theSettingsFileIsReadAsTheCommandReadsIt() throws Exception {
    Files.write(build.resolve("autogenerate.properties"),
        "\uFEFFmigrations=db/migrations\nentities=com.example\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(new ProjectSettings(true, true), ProjectSettings.read(build));
  }

  /** A switch typed with -D is true or false; anything else fails the goal rather than read as false. */
  @Test
  void aSwitchIsTrueOrFalse() {
    assertTrue(AbstractAutogenerateMojo.flag("autogenerate.skip", "true"));
    assertTrue(AbstractAutogenerateMojo.flag("autogenerate.skip", " TRUE "));
    assertFalse(AbstractAutogenerateMojo.flag("autogenerate.skip", "false"));
    for (String wrong : List.of("yes", "1", "on")) {
      RuntimeException error = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
          () -> AbstractAutogenerateMojo.flag("autogenerate.skip", wrong));
      assertEquals("-Dautogenerate.skip must be true or false, not '" + wrong + "'", error.getMessage());
    }
  }

  /**
   * A module's descriptor and a package's annotations are no classes of a package: counted, they
   * were the unnamed package, which made the plugin scan every class on the class path.
   */
  @Test
  void moduleAndPackageDescriptorsAreNoPackagesOfTheProject() throws Exception {
    Path classes = build.resolve("classes");
    classFile(classes, "com/acme/app/Order.class", "");
    classFile(classes, "com/acme/app/package-info.class", "");
    classFile(classes, "module-info.class", "");
    Path jar = build.resolve("domain.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("module-info.class", "com/acme/domain/Customer.class", "META-INF/MANIFEST.MF")) {
        out.putNextEntry(new JarEntry(name));
        out.closeEntry();
      }
    }
    assertEquals(List.of("com.acme.app", "com.acme.domain"), ProjectSettings.ownPackages(List.of(classes, jar)));
  }

  /** Migrations already written under the groupId stay there; a Spring Boot application's go where its starter looks. */
  @Test
  void whereMigrationsAreAndWhereTheStarterLooks() throws Exception {
    Path sources = build.resolve("src");
    Path groupMigrations = sources.resolve("com/acme/migrations");
    assertFalse(ProjectSettings.holdsMigrations(groupMigrations));
    classFile(sources, "com/acme/migrations/M20260101_000000_first.java", "class M {}");
    assertTrue(ProjectSettings.holdsMigrations(groupMigrations));

    Path classes = build.resolve("classes");
    classFile(classes, "com/acme/shop/Order.class", "plain");
    assertEquals(Optional.empty(), SpringBootMigrations.applicationPackage(classes));
    classFile(classes, "com/acme/shop/ShopApplication.class",
        "...Lorg/springframework/boot/autoconfigure/SpringBootApplication;...");
    assertEquals(Optional.of("com.acme.shop"), SpringBootMigrations.applicationPackage(classes));
    // Below it, a class naming the annotation too (a test configuration, say) is never read.
    classFile(classes, "com/acme/shop/admin/AdminApplication.class",
        "...Lorg/springframework/boot/autoconfigure/SpringBootApplication;...");
    assertEquals(Optional.of("com.acme.shop"), SpringBootMigrations.applicationPackage(classes));
    // Two at the same level: no guess.
    classFile(classes, "com/acme/shop/OtherApplication.class",
        "...Lorg/springframework/boot/autoconfigure/SpringBootApplication;...");
    assertEquals(Optional.empty(), SpringBootMigrations.applicationPackage(classes));
  }

  /**
   * A source or resource edited after the last build is found, so that check run alone can say
   * it reads old classes; migrations (with a message's slug or without) are read from sources.
   */
  @Test
  void aSourceNewerThanTheClassesIsFound() throws Exception {
    Path sources = build.resolve("src");
    Path resources = build.resolve("resources");
    Path classes = build.resolve("classes");
    Path entity = classFile(sources, "com/acme/Order.java", "class Order {}");
    Path settings = classFile(resources, "application.properties", "spring.datasource.url=jdbc:sqlite:a.db");
    Path compiled = classFile(classes, "com/acme/Order.class", "");
    Files.setLastModifiedTime(entity, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(settings, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(compiled, FileTime.fromMillis(2_000_000));
    for (String name : List.of("M20260101_000000_first.java", "M20260101_000001.java")) {
      Path migration = classFile(sources, "com/acme/migrations/" + name, "class M {}");
      Files.setLastModifiedTime(migration, FileTime.fromMillis(3_000_000));
    }
    List<Path> roots = List.of(sources, resources);
    assertEquals(Optional.empty(), ProjectSettings.newerSource(roots, classes), "migrations are read from sources");
    Files.setLastModifiedTime(settings, FileTime.fromMillis(3_000_000));
    assertEquals(Optional.of(settings), ProjectSettings.newerSource(roots, classes));
    Files.setLastModifiedTime(settings, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(entity, FileTime.fromMillis(3_000_000));
    assertEquals(Optional.of(entity), ProjectSettings.newerSource(roots, classes));
  }

  /**
   * The starter's own setting, where the application sets it, is where its migrations are looked
   * for: in its properties or YAML file (Spring Boot applications use either), a profile's file
   * winning over the application's, in any spelling Spring's relaxed binding takes.
   */
  @Test
  void theStartersMigrationsPackageSetting() throws Exception {
    Path resources = build.resolve("resources");
    assertEquals(Optional.empty(), starterPackage(resources, null));
    classFile(resources, "application.properties", "spring.datasource.url=jdbc:sqlite:a.db\n");
    assertEquals(Optional.empty(), starterPackage(resources, null));
    classFile(resources, "application.properties", "autogenerate.migrations-package=com.acme.db.migrations\n");
    assertEquals(Optional.of("com.acme.db.migrations"), starterPackage(resources, null));

    Files.delete(resources.resolve("application.properties"));
    classFile(resources, "application.yml", """
        spring:
          datasource:
            url: jdbc:sqlite:a.db
        autogenerate:
          migrationsPackage: com.acme.yaml.migrations
        """);
    assertEquals(Optional.of("com.acme.yaml.migrations"), starterPackage(resources, null));
    classFile(resources, "application-prod.yaml", "autogenerate.migrations-package: com.acme.prod.migrations\n");
    assertEquals(Optional.of("com.acme.prod.migrations"), starterPackage(resources, "prod"));
    assertEquals(Optional.of("com.acme.yaml.migrations"), starterPackage(resources, "dev"));
  }

  /**
   * After mvn clean there are no classes to find the application class in: a deployment's
   * mvn clean autogenerate:upgrade looked for the migrations under the groupId, another history.
   */
  @Test
  void withoutClassesTheApplicationClassIsFoundInTheSources() throws Exception {
    Path module = build.resolve("shop");
    Path sources = module.resolve("src/main/java/com/acme/shop");
    Files.createDirectories(sources.resolve("orders"));
    Files.writeString(sources.resolve("ShopApplication.java"), "package com.acme.shop;\n\n"
        + "import org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\n"
        + "public class ShopApplication {}\n");
    Files.writeString(sources.resolve("orders/Order.java"), "package com.acme.shop.orders;\n\n"
        + "/** Not a @SpringBootApplication. */\npublic class Order {}\n");
    Path missingClasses = module.resolve("target/classes");

    assertEquals(Optional.of("com.acme.shop.migrations"),
        ProjectSettings.springBootMigrationsPackage(module, List.of(missingClasses), null));
  }

  private Optional<String> starterPackage(Path resources, String profiles) throws Exception {
    return ProjectSettings.springBootMigrationsPackage(build, List.of(resources), profiles);
  }
}
