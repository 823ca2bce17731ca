package dev.autogenerate.maven;

import dev.autogenerate.project.SettingsLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What the plugin must know of {@code autogenerate.properties} in the base directory: whether it
 * already says where the migrations and entities are, so that the plugin's defaults never override
 * the file. Everything else in the file is read by the engine itself.
 */
record ProjectSettings(boolean setsMigrations, boolean setsEntities) {

  static ProjectSettings read(Path baseDirectory) throws MojoExecutionException {
    Path file = baseDirectory.resolve(SettingsLoader.DEFAULT_FILE);
    if (!Files.isRegularFile(file)) {
      return new ProjectSettings(false, false);
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new ProjectSettings(
        !properties.getProperty(SettingsLoader.MIGRATIONS, "").isBlank(),
        !properties.getProperty(SettingsLoader.ENTITIES, "").isBlank());
  }

  /** {@code <groupId>.migrations}, with what a package name cannot hold replaced. */
  static String defaultMigrationsPackage(String groupId) {
    StringBuilder name = new StringBuilder();
    for (String part : (groupId + ".migrations").split("\\.")) {
      String identifier = part.replaceAll("[^A-Za-z0-9_]", "_");
      if (identifier.isEmpty() || !Character.isJavaIdentifierStart(identifier.charAt(0))) {
        identifier = "_" + identifier;
      }
      name.append(name.length() == 0 ? "" : ".").append(identifier);
    }
    return name.toString();
  }

  /**
   * The outermost packages holding the project's compiled classes. Scanning these, rather than
   * the whole class path, keeps the dependencies' classes (Hibernate's own, a library's entities)
   * out of the comparison and avoids loading every class of every jar.
   */
  static List<String> ownPackages(Path outputDirectory) throws MojoExecutionException {
    if (!Files.isDirectory(outputDirectory)) {
      return List.of();
    }
    TreeSet<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(outputDirectory)) {
      files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> outputDirectory.relativize(file.getParent()).toString().replace('\\', '/').replace('/', '.'))
          .forEach(packages::add);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + outputDirectory + ": " + e.getMessage(), e);
    }
    if (packages.contains("")) {
      // Classes in the unnamed package: only scanning everything finds them.
      return List.of();
    }
    List<String> outermost = new java.util.ArrayList<>();
    for (String name : packages) {
      if (outermost.stream().noneMatch(outer -> name.startsWith(outer + "."))) {
        outermost.add(name);
      }
    }
    return outermost;
  }
}
