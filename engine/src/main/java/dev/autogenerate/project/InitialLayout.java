package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code autogenerate init} says the entities and the migrations are, read from the project
 * it runs in, so the file it writes agrees with the Spring Boot starter and the Maven plugin: the
 * {@code @SpringBootApplication} class's package (its migrations below it, where the starter runs
 * them from), else the Maven project's {@code groupId} (where the plugin writes them), else an
 * example to edit.
 *
 * @param entities the entities' package
 * @param migrations the migrations' folder, relative to the project
 * @param source what gave them, for the command's output
 */
public record InitialLayout(String entities, String migrations, String source) {

  private static final InitialLayout EXAMPLE =
      new InitialLayout("com.example.app.domain", "src/main/java/com/example/app/migrations", "an example: edit it");

  /**
   * @param classPath the {@code classpath} setting the file will hold ({@code target/classes}),
   *     relative to the project
   * @param environment the command's environment (the application's profiles and placeholders)
   */
  public static InitialLayout of(Path project, String classPath, Map<String, String> environment) {
    List<Path> folders = SettingsLoader.list(classPath).stream().map(project::resolve).toList();
    Optional<String> group = PomHead.of(project).flatMap(PomHead::groupId);
    Optional<SpringBootMigrations.Found> spring = SpringBootMigrations.of(project, folders, null, environment);
    if (spring.isPresent()) {
      String entities = spring.get().application().or(() -> group.map(InitialLayout::packageName))
          .orElse(EXAMPLE.entities());
      return new InitialLayout(entities, project.relativize(spring.get().folder()).toString().replace('\\', '/'),
          "the Spring Boot application: " + spring.get().origin());
    }
    return group.map(name -> new InitialLayout(packageName(name), folder(packageName(name + ".migrations")),
            "the Maven groupId " + name))
        .orElse(EXAMPLE);
  }

  /**
   * Whether the application's own configuration names its database ({@code spring.datasource.url},
   * persistence.xml): then {@code init} leaves {@code url} unset, as a value in the file would
   * outrank the application's.
   */
  public static boolean applicationNamesItsDatabase(Path project, String classPath, Map<String, String> environment) {
    List<Path> folders = SettingsLoader.list(classPath).stream().map(project::resolve).toList();
    try {
      return ApplicationConfigReader.read(project, folders, null, environment).values().containsKey(SettingsLoader.URL);
    } catch (UserError e) {
      return false; // a placeholder nothing sets, say: the file's url is then the way to give one
    }
  }

  /** {@code <groupId>.migrations} and the like, with what a package name cannot hold replaced. */
  public static String packageName(String dotted) {
    StringBuilder name = new StringBuilder();
    for (String part : dotted.split("\\.")) {
      String identifier = part.replaceAll("[^A-Za-z0-9_]", "_");
      if (identifier.isEmpty() || !Character.isJavaIdentifierStart(identifier.charAt(0))) {
        identifier = "_" + identifier;
      }
      name.append(name.length() == 0 ? "" : ".").append(identifier);
    }
    return name.toString();
  }

  private static String folder(String packageName) {
    return "src/main/java/" + packageName.replace('.', '/');
  }

  /**
   * Whether a folder holds a migration source: where earlier runs wrote them, and so where the
   * Maven plugin and the command line both keep writing them when told nothing (an empty folder
   * is not taken for that).
   *
   * @throws UncheckedIOException where the folder cannot be listed
   */
  public static boolean holdsMigrations(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where the Maven plugin writes a project's migrations when told nothing: the package
   * {@code <groupId>.migrations} below {@code src/main/java}, from its POM. Empty for an
   * aggregator (packaging {@code pom}, which has no sources) and where the groupId is not plain.
   *
   * @return the folder relative to the project, and the package
   */
  static Optional<Map.Entry<String, String>> mavenPluginMigrations(PomHead pom) {
    return Optional.of(pom).filter(head -> !head.packaging().equals("pom")).flatMap(PomHead::groupId)
        .map(group -> packageName(group + ".migrations")).map(name -> Map.entry(folder(name), name));
  }

}
