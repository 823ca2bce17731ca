package dev.autogenerate.project;

import dev.autogenerate.runtime.ClassScanner;
import dev.autogenerate.runtime.UserError;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the application's mapped classes: entities, mapped superclasses, embeddables and
 * converters, in the configured packages (or named one by one) on the configured class path.
 */
public final class EntityClasses {

  /** What makes a class mapped (MappingClasses finds the same classes by their class files). */
  static final List<Class<? extends Annotation>> MAPPING_ANNOTATIONS =
      List.of(Entity.class, MappedSuperclass.class, Embeddable.class, Converter.class);

  private EntityClasses() {}

  /** A class loader over the configured class path, under the tool's own classes. */
  public static ClassLoader loaderFor(List<Path> classPath) {
    List<URL> urls = new ArrayList<>();
    for (Path entry : classPath) {
      if (!Files.exists(entry)) {
        throw new UserError("class path entry " + entry + " does not exist: build the application first"
            + " (e.g. mvn compile), or fix classpath= / --classpath");
      }
      try {
        urls.add(entry.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UserError("bad class path entry " + entry + ": " + e.getMessage());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), EntityClasses.class.getClassLoader());
  }

  /**
   * The mapped classes.
   *
   * @throws UserError when none is found or a class cannot be loaded
   */
  public static List<Class<?>> find(Settings settings, ClassLoader loader) {
    return find(settings, loader, Set.of());
  }

  /**
   * The same, without loading the classes known not to be mapped: the services, controllers and
   * the like of the application's packages, whose class files name none of the annotations
   * ({@link EntityModelCache.Made#unmapped}). That spares their loading (about a tenth of a
   * millisecond each in a cold command), and the failure of one whose supertypes are in a jar
   * the class path leaves out.
   *
   * @param unmapped binary names of classes not to load
   */
  static List<Class<?>> find(Settings settings, ClassLoader loader, Set<String> unmapped) {
    if (settings.entities().isEmpty() && settings.classPath().isEmpty()) {
      // Every class of the tool's own class path is Hibernate's, the drivers' and the tool's:
      // scanning them all finds no entity, and fails on the first that needs an absent library.
      throw new UserError("no entities to read: set classpath= to where your compiled entity classes are"
          + " (e.g. target/classes), or entities= to their packages when they are on the tool's class path");
    }
    return find(settings.entities(), settings.classPath(), loader, unmapped);
  }

  /**
   * The mapped classes in packages (and their subpackages) or named one by one, wherever the
   * class loader finds them: for code running on the application's own class path (a test).
   *
   * @throws UserError when none is found or a class cannot be loaded
   */
  public static List<Class<?>> find(List<String> packagesOrClasses, ClassLoader loader) {
    return find(packagesOrClasses, List.of(), loader, Set.of());
  }

  private static List<Class<?>> find(List<String> entities, List<Path> classPath, ClassLoader loader,
      Set<String> unmapped) {
    Set<String> candidates = new LinkedHashSet<>();
    List<String> wanted = entities.isEmpty() ? List.of("") : entities;
    for (String entry : wanted) {
      if (isClass(entry, loader)) {
        candidates.add(entry);
      } else if (classPath.isEmpty()) {
        candidates.addAll(ClassScanner.classNames(loader, entry));
      } else {
        candidates.addAll(ClassScanner.classNames(classPath, entry));
      }
    }
    List<Class<?>> mapped = new ArrayList<>();
    for (String name : candidates) {
      if (unmapped.contains(name)) {
        continue;
      }
      Class<?> type = load(name, loader);
      if (MAPPING_ANNOTATIONS.stream().anyMatch(type::isAnnotationPresent)) {
        mapped.add(type);
      }
    }
    if (mapped.stream().noneMatch(type -> type.isAnnotationPresent(Entity.class))) {
      throw new UserError("no entity classes found in " + describe(entities, classPath)
          + ": set entities= (packages or class names) and classpath= to where the compiled classes are");
    }
    return mapped;
  }

  private static boolean isClass(String name, ClassLoader loader) {
    if (name.isEmpty()) {
      return false;
    }
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UserError("cannot load class " + name + " (" + e + "): add the jars it needs to classpath=");
    }
  }

  private static String describe(List<String> entities, List<Path> classPath) {
    String where = entities.isEmpty() ? "any package" : "packages/classes " + String.join(", ", entities);
    String path = classPath.isEmpty() ? "the tool's class path" : "class path " + classPath;
    return where + " on " + path;
  }
}
