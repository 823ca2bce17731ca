package dev.autogenerate.maven;

import dev.autogenerate.project.InitialLayout;
import dev.autogenerate.project.SettingsLoader;
import dev.autogenerate.project.SpringBootMigrations;
import dev.autogenerate.runtime.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
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
    Map<String, String> values;
    try {
      // The engine's reader: the same keys as the command will read (a byte-order mark dropped).
      values = SettingsLoader.readFile(file);
    } catch (UserError e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    return new ProjectSettings(!values.getOrDefault(SettingsLoader.MIGRATIONS, "").isBlank(),
        !values.getOrDefault(SettingsLoader.ENTITIES, "").isBlank());
  }

  /** {@code <groupId>.migrations}, with what a package name cannot hold replaced. */
  static String defaultMigrationsPackage(String groupId) {
    return InitialLayout.packageName(groupId + ".migrations");
  }

  /**
   * The outermost packages holding the project's compiled classes (folders of classes or jars:
   * its own, and its sibling modules'). Scanning these, rather than the whole class path, keeps
   * the other dependencies' classes (Hibernate's own, a library's entities) out of the comparison
   * and avoids loading every class of every jar.
   */
  static List<String> ownPackages(List<Path> classes) throws MojoExecutionException {
    TreeSet<String> packages = new TreeSet<>();
    for (Path place : classes) {
      packagesIn(place, packages);
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

  /**
   * A source or resource changed after the newest file of the output folder, migrations aside:
   * what the classes and copied resources are read for is newer than they are. Empty without an
   * output folder (the command says what is missing).
   */
  static Optional<Path> newerSource(List<Path> roots, Path classes) throws MojoExecutionException {
    if (!Files.isDirectory(classes)) {
      return Optional.empty();
    }
    try (Stream<Path> built = Files.walk(classes)) {
      long compiled = built.filter(Files::isRegularFile).mapToLong(ProjectSettings::modified).max()
          .orElse(Long.MIN_VALUE);
      for (Path root : roots) {
        if (!Files.isDirectory(root)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(root)) {
          Optional<Path> newer = files.filter(file -> Files.isRegularFile(file) && !isMigration(file)
              && modified(file) > compiled).findFirst();
          if (newer.isPresent()) {
            return newer;
          }
        }
      }
      return Optional.empty();
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("cannot read " + roots + " or " + classes + ": " + e.getMessage(), e);
    }
  }

  /** A migration as the tool names them ({@code M20261122_153000_add_age.java}): read from its source, never compiled for it. */
  private static boolean isMigration(Path file) {
    return MIGRATION_FILE.matcher(file.getFileName().toString()).matches();
  }

  private static final Pattern MIGRATION_FILE = Pattern.compile("M\\d{8}_\\d{6}(_.*)?\\.java");

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The package the Spring Boot starter runs the migrations from, found as the command line finds
   * it ({@link SpringBootMigrations}): its {@code autogenerate.migrations-package} in the
   * application's configuration (and the active profiles'), else {@code migrations} below the
   * {@code @SpringBootApplication} class's package; empty for a project that is neither.
   *
   * @param folders where the configuration files and the compiled classes are, a later one winning
   * @param profiles the active Spring profiles (comma-separated), or null
   */
  static Optional<String> springBootMigrationsPackage(Path baseDirectory, List<Path> folders, String profiles)
      throws MojoExecutionException {
    try {
      return SpringBootMigrations.of(baseDirectory, folders, profiles, System.getenv())
          .map(SpringBootMigrations.Found::packageName);
    } catch (UserError e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Whether a folder holds a migration source: where earlier runs wrote them ({@link InitialLayout#holdsMigrations}). */
  static boolean holdsMigrations(Path folder) throws MojoExecutionException {
    try {
      return InitialLayout.holdsMigrations(folder);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Whether a class file is a class of a package (not module-info or package-info). */
  private static boolean isClass(String name) {
    return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class");
  }

  /** The packages of the classes in a folder of classes or a jar; nothing where there is neither. */
  private static void packagesIn(Path place, Set<String> packages) throws MojoExecutionException {
    try {
      if (Files.isDirectory(place)) {
        try (Stream<Path> files = Files.walk(place)) {
          files.filter(file -> isClass(file.toString()))
              .map(file -> place.relativize(file.getParent()).toString().replace('\\', '/').replace('/', '.'))
              .forEach(packages::add);
        }
      } else if (Files.isRegularFile(place) && place.toString().endsWith(".jar")) {
        try (JarFile jar = new JarFile(place.toFile())) {
          jar.stream().map(JarEntry::getName)
              .filter(name -> isClass(name) && !name.startsWith("META-INF/"))
              .map(name -> name.lastIndexOf('/') < 0 ? "" : name.substring(0, name.lastIndexOf('/')).replace('/', '.'))
              .forEach(packages::add);
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + place + ": " + e.getMessage(), e);
    }
  }
}
