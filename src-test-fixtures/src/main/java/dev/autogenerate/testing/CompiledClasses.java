package dev.autogenerate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Classes compiled by {@link EntitySources}: a directory of class files, like a build's output.
 *
 * @param directory the root of the class files, laid out by package
 * @param classNames the fully qualified names of the compiled top-level classes, in the order
 *     their sources were given
 */
public record CompiledClasses(Path directory, List<String> classNames) {

  public CompiledClasses {
    classNames = List.copyOf(classNames);
  }

  /**
   * A new class loader over {@link #directory()}, whose parent is the loader of these fixtures.
   *
   * <p>A new one per call, so that "before" and "after" versions of a class with the same name,
   * compiled into different directories, can be loaded side by side.
   */
  public URLClassLoader newClassLoader() {
    try {
      URL[] urls = {directory.toUri().toURL()};
      return new URLClassLoader(urls, CompiledClasses.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every class file under {@link #directory()}, nested classes included, by internal name
   * ({@code com/example/User}, {@code com/example/Order$Line}): the bytes a class path scan reads.
   */
  public Map<String, byte[]> classFiles() {
    Map<String, byte[]> classFiles = new TreeMap<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
        String name = directory.relativize(file).toString().replace('\\', '/');
        classFiles.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class files under " + directory, e);
    }
    return classFiles;
  }

  /** Loads every class in {@link #classNames()} through one {@link #newClassLoader()}. */
  public List<Class<?>> loadClasses() {
    ClassLoader loader = newClassLoader();
    List<Class<?>> classes = new ArrayList<>();
    for (String className : classNames) {
      try {
        classes.add(Class.forName(className, false, loader));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(className + " is not in " + directory, e);
      }
    }
    return classes;
  }
}
