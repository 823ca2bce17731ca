package dev.autogenerate.testing;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
