package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a Spring Boot application keeps its migrations when the tool is told nothing, found as
 * the Spring Boot starter finds them at start-up: the package its
 * {@code autogenerate.migrations-package} names, else {@code migrations} below the package of the
 * {@code @SpringBootApplication} class. The command line and the Maven plugin both read it from
 * here, so the three agree on one history.
 */
public final class SpringBootMigrations {

  /** The starter's setting, in the spellings Spring's relaxed binding takes. */
  public static final List<String> STARTER_PACKAGE_KEYS =
      List.of("autogenerate.migrations-package", "autogenerate.migrationsPackage", "autogenerate.migrations_package");

  /** How a class file names the annotation, in its constant pool. */
  private static final byte[] SPRING_BOOT_APPLICATION =
      "Lorg/springframework/boot/autoconfigure/SpringBootApplication;".getBytes(StandardCharsets.UTF_8);

  /**
   * The migrations' package, the source folder it lies in, and what gave them.
   *
   * @param sourceRoot the application's {@code src/main/java}: beside the {@code target/classes}
   *     that holds it, so a module's migrations are found from the build's root too
   * @param application the {@code @SpringBootApplication} class's package, where one was found
   * @param origin for {@code config} and messages: the setting's key, or the application class's package
   */
  public record Found(String packageName, Path sourceRoot, Optional<String> application, String origin) {

    /** The folder the migrations are in. */
    public Path folder() {
      return sourceRoot.resolve(packageName.replace('.', '/'));
    }
  }

  private SpringBootMigrations() {}

  /**
   * @param classPath the entity class path: its folders hold the compiled application class and
   *     configuration files
   * @param profiles the active profiles (comma-separated), or null
   * @param environment the environment of the command (for profiles and placeholders)
   * @throws UserError when a configuration file or class folder cannot be read
   */
  public static Optional<Found> of(Path workingDirectory, List<Path> classPath, String profiles,
      Map<String, String> environment) {
    Optional<String> starter = ApplicationConfigReader.springProperty(workingDirectory, classPath, profiles,
        STARTER_PACKAGE_KEYS, environment);
    for (Path folder : classPath) {
      Optional<String> application = applicationPackage(folder);
      if (application.isPresent()) {
        Path sourceRoot = sourceRoot(workingDirectory, folder);
        return Optional.of(starter.isPresent()
            ? new Found(starter.get(), sourceRoot, application, "the starter's autogenerate.migrations-package")
            : new Found(application.get() + ".migrations", sourceRoot, application,
                "migrations below the @SpringBootApplication package " + application.get()));
      }
    }
    // Not compiled (after mvn clean, in a deployment job's upgrade): the application class in the
    // sources the classes would be built from.
    for (Path folder : classPath) {
      if (!Files.exists(folder)) {
        Optional<Found> inSources = inSources(sourceRoot(workingDirectory, folder), starter);
        if (inSources.isPresent()) {
          return inSources;
        }
      }
    }
    Path classes = classPath.stream().filter(Files::isDirectory).findFirst().orElse(null);
    return starter.map(name -> new Found(name, sourceRoot(workingDirectory, classes), Optional.empty(),
        "the starter's autogenerate.migrations-package"));
  }

  /**
   * The migrations of the one {@code @SpringBootApplication} class in a folder of sources, as
   * {@link #of} finds them from its compiled classes.
   *
   * @param starter the starter's {@code autogenerate.migrations-package}, when the application sets it
   */
  static Optional<Found> inSources(Path sourceRoot, Optional<String> starter) {
    return applicationPackage(sourceRoot, ".java", SpringBootMigrations::annotatedInSource)
        .map(application -> starter.isPresent()
            ? new Found(starter.get(), sourceRoot, Optional.of(application), "the starter's autogenerate.migrations-package")
            : new Found(application + ".migrations", sourceRoot, Optional.of(application),
                "migrations below the @SpringBootApplication package " + application + " (in the sources)"));
  }

  /** {@code src/main/java} beside a Maven or Gradle build's classes folder, else the working directory's. */
  private static Path sourceRoot(Path workingDirectory, Path classes) {
    if (classes != null) {
      Path normalized = classes.toAbsolutePath().normalize();
      for (String built : List.of("target/classes", "build/classes/java/main")) {
        Path tail = Path.of(built);
        if (normalized.endsWith(tail)) {
          Path module = normalized;
          for (int i = 0; i < tail.getNameCount(); i++) {
            module = module.getParent();
          }
          return module.resolve("src/main/java");
        }
      }
    }
    return workingDirectory.toAbsolutePath().normalize().resolve("src/main/java");
  }

  /**
   * The package of the one {@code @SpringBootApplication} class in a folder of compiled classes,
   * found without loading them (the annotation's name in a class file's constant pool, so a class
   * merely naming it counts too, and one annotated through a meta-annotation does not); empty when
   * there is none, or several at the highest level holding one.
   *
   * @throws UserError when the folder cannot be read
   */
  public static Optional<String> applicationPackage(Path classes) {
    return applicationPackage(classes, ".class", file -> names(file, SPRING_BOOT_APPLICATION));
  }

  /** The same, in a folder of files with the given suffix, each told annotated by {@code annotated}. */
  private static Optional<String> applicationPackage(Path classes, String suffix, Predicate<Path> annotated) {
    if (!Files.isDirectory(classes)) {
      return Optional.empty();
    }
    // Level by level from the top: the application class stands above the packages it scans, so
    // the first level holding one decides, and a large project's deeper classes are never read
    // (reading every class file took seconds on 20,000 of them, on every goal).
    List<Path> applications = List.of();
    List<Path> level = List.of(classes);
    try {
      while (applications.isEmpty() && !level.isEmpty()) {
        List<Path> classFiles = new ArrayList<>();
        List<Path> next = new ArrayList<>();
        for (Path folder : level) {
          try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
              if (Files.isDirectory(entry)) {
                next.add(entry);
              } else if (entry.toString().endsWith(suffix)) {
                classFiles.add(entry);
              }
            }
          }
        }
        applications = classFiles.stream().filter(annotated).toList();
        level = next;
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UserError("cannot read " + classes + ": " + e.getMessage(), e);
    }
    if (applications.size() != 1 || applications.get(0).getParent().equals(classes)) {
      return Optional.empty();
    }
    return Optional.of(classes.relativize(applications.get(0).getParent()).toString()
        .replace('\\', '/').replace('/', '.'));
  }

  /** A source that annotates a class with it, by its simple or its full name (read as bytes: any encoding holds it so). */
  private static final Pattern ANNOTATION_IN_SOURCE =
      Pattern.compile("@\\s*(?:org\\.springframework\\.boot\\.autoconfigure\\.)?SpringBootApplication\\b");

  private static boolean annotatedInSource(Path source) {
    try {
      return ANNOTATION_IN_SOURCE.matcher(Files.readString(source, StandardCharsets.ISO_8859_1)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean names(Path classFile, byte[] descriptor) {
    try {
      byte[] bytes = Files.readAllBytes(classFile);
      outer:
      for (int i = 0; i + descriptor.length <= bytes.length; i++) {
        for (int j = 0; j < descriptor.length; j++) {
          if (bytes[i + j] != descriptor[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
