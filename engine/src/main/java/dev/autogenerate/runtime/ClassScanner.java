package dev.autogenerate.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the classes under a package in class-path roots (directories and jars), without loading
 * them. Sorted, so that everything built from the list comes out the same every run.
 */
public final class ClassScanner {

  private ClassScanner() {}

  /**
   * Class names in the given roots under a package and its subpackages.
   *
   * @param packageName the package, or the empty string for every class
   */
  public static List<String> classNames(List<Path> roots, String packageName) {
    TreeSet<String> names = new TreeSet<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        scanDirectory(root, packageName, names);
      } else if (Files.isRegularFile(root) && root.toString().endsWith(".jar")) {
        scanJar(root, packageName, names);
      }
    }
    return List.copyOf(names);
  }

  /**
   * Class names under a package wherever a class loader finds that package. A jar written without
   * directory entries does not answer for the package itself, so when nothing answers, the
   * loader's class path is scanned instead.
   */
  public static List<String> classNames(ClassLoader loader, String packageName) {
    List<Path> roots = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    String resource = packageName.replace('.', '/');
    boolean found = false;
    try {
      Enumeration<URL> urls = loader.getResources(resource);
      for (URL url : Collections.list(urls)) {
        found = true;
        if (isJarInsideAJar(url)) {
          scanJarConnection(url, names);
        } else {
          roots.add(rootOf(url, resource));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!found) {
      roots.addAll(classPathOf(loader));
    }
    names.addAll(classNames(roots.stream().distinct().toList(), packageName));
    return List.copyOf(names);
  }

  /**
   * A {@code jar:} URL whose jar is not a file of its own: one nested in another jar, as the
   * application's classes and libraries are in a Spring Boot executable jar
   * ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/com/example/migrations} since Spring Boot 3.2,
   * {@code jar:file:/app.jar!/BOOT-INF/classes!/com/example/migrations} before).
   */
  static boolean isJarInsideAJar(URL url) {
    String path = url.getPath();
    return "jar".equals(url.getProtocol())
        && (!path.startsWith("file:") || path.indexOf("!/") != path.lastIndexOf("!/"));
  }

  /** Class names under a package URL's entry, read through the connection of whoever made the URL. */
  private static void scanJarConnection(URL url, TreeSet<String> names) throws IOException {
    if (!(url.openConnection() instanceof JarURLConnection connection)) {
      throw new IOException("cannot list the classes at " + url + ": it is no jar");
    }
    // Not the cached jar that the class loader shares: this one is ours to close.
    connection.setUseCaches(false);
    String entry = connection.getEntryName();
    String prefix = entry == null || entry.isEmpty() ? "" : entry.endsWith("/") ? entry : entry + "/";
    try (JarFile jar = connection.getJarFile()) {
      addClassNames(jar, prefix, names);
    }
  }

  /** The directories and jars a loader and its parents read classes from, as far as they say. */
  private static List<Path> classPathOf(ClassLoader loader) {
    List<Path> roots = new ArrayList<>();
    for (ClassLoader each = loader; each != null; each = each.getParent()) {
      if (each instanceof URLClassLoader urlLoader) {
        for (URL url : urlLoader.getURLs()) {
          if ("file".equals(url.getProtocol())) {
            try {
              roots.add(Path.of(url.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
              // not a plain file: nothing to scan
            }
          }
        }
      }
    }
    if (loader == ClassLoader.getSystemClassLoader() || loader.getParent() == ClassLoader.getSystemClassLoader()) {
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          roots.add(Path.of(entry));
        }
      }
    }
    return roots;
  }

  private static Path rootOf(URL url, String resource) {
    try {
      if ("jar".equals(url.getProtocol())) {
        String file = url.getPath();
        return Path.of(new URL(file.substring(0, file.indexOf("!/"))).toURI());
      }
      Path directory = Path.of(url.toURI());
      Path root = directory;
      for (int i = 0; i < Path.of(resource).getNameCount(); i++) {
        root = root.getParent();
      }
      return root;
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read class-path entry " + url, e);
    }
  }

  private static void scanDirectory(Path root, String packageName, TreeSet<String> names) {
    Path start = packageName.isEmpty() ? root : root.resolve(packageName.replace('.', '/'));
    if (!Files.isDirectory(start)) {
      return;
    }
    try (Stream<Path> files = Files.walk(start)) {
      files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .map(ClassScanner::classNameOf)
          .filter(ClassScanner::isTopLevelOrNested)
          .forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void scanJar(Path jar, String packageName, TreeSet<String> names) {
    String prefix = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
    try (JarFile file = new JarFile(jar.toFile())) {
      addClassNames(file, prefix, names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }

  private static void addClassNames(JarFile jar, String prefix, TreeSet<String> names) {
    for (JarEntry entry : Collections.list(jar.entries())) {
      String name = entry.getName();
      if (name.startsWith(prefix) && name.endsWith(".class") && !name.startsWith("META-INF/")) {
        String className = classNameOf(name);
        if (isTopLevelOrNested(className)) {
          names.add(className);
        }
      }
    }
  }

  private static String classNameOf(String relativePath) {
    return relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.');
  }

  /** Skips module and package descriptors. */
  private static boolean isTopLevelOrNested(String className) {
    return !className.endsWith("module-info") && !className.endsWith("package-info");
  }
}
