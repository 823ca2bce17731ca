package dev.autogenerate.runtime;

import dev.autogenerate.migration.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the migrations: compiled from their sources by the command line, or already compiled into
 * an application's jar.
 */
public final class MigrationLoader {

  private MigrationLoader() {}

  /**
   * Compiles every {@code .java} file in a directory and returns the migrations they define.
   * A missing directory holds no migrations.
   */
  public static List<MigrationScript> fromSources(Path directory, List<Path> classPath, ClassLoader parent) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> sources;
    try (Stream<Path> files = Files.walk(directory)) {
      sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list migrations in " + directory, e);
    }
    if (sources.isEmpty()) {
      return List.of();
    }
    SourceCompiler.Compiled compiled = SourceCompiler.compile(sources, classPath, parent);
    return instantiate(compiled.loader(), compiled.classNames(), className -> sourceOf(directory, className, sources));
  }

  /** The migrations compiled into a package on the class path, as an application ships them. */
  public static List<MigrationScript> fromClasspath(String packageName, ClassLoader loader) {
    return instantiate(loader, ClassScanner.classNames(loader, packageName), className -> className);
  }

  private interface Origin {
    String of(String className);
  }

  private static List<MigrationScript> instantiate(ClassLoader loader, List<String> classNames, Origin origin) {
    List<MigrationScript> scripts = new ArrayList<>();
    for (String className : classNames) {
      Class<?> type;
      try {
        type = Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new UserError("cannot load migration class " + className + ": " + e, e);
      }
      if (!Migration.class.isAssignableFrom(type) || type.isInterface()
          || Modifier.isAbstract(type.getModifiers()) || type.getEnclosingClass() != null) {
        continue;
      }
      try {
        Migration migration = (Migration) type.getDeclaredConstructor().newInstance();
        scripts.add(MigrationScript.of(migration, origin.of(className)));
      } catch (ReflectiveOperationException e) {
        throw new UserError("cannot create migration " + className
            + ": it needs a public no-argument constructor (" + e + ")", e);
      }
    }
    return scripts;
  }

  /** The source file a class came from, assuming the usual one top-level class per file. */
  private static String sourceOf(Path directory, String className, List<Path> sources) {
    String simpleName = className.substring(className.lastIndexOf('.') + 1);
    return sources.stream()
        .filter(source -> source.getFileName().toString().equals(simpleName + ".java"))
        .findFirst()
        .map(Path::toString)
        .orElse(directory.resolve(simpleName + ".java").toString());
  }
}
