package dev.autogenerate.runtime;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class path one compile of migrations reads, in javac's order, with each jar listed by a
 * {@link JarClassIndex} instead of by javac.
 *
 * <p>javac opens every jar of its class path as a zip file system and walks all its folders
 * before it lists one package: for an application's hundred dependency jars, most of a compile's
 * time. The JDK's {@link java.util.zip.ZipFile} reads the same directories in a fraction of it.
 * Folders, and anything that cannot be read as a jar, stay with javac, which lists them as before.
 *
 * <p>A jar's manifest {@code Class-Path} adds the jars it names right after it, as javac does
 * (Surefire and some launchers put a whole class path in one manifest); a path met twice counts
 * the first time only, as in javac.
 *
 * <p>The jars of this JVM's own class path (the tool's jar, or a test run's) are indexed once per
 * JVM and kept while each stays the same file: they do not change under a running JVM, and a
 * daemon ends when its jar is rebuilt. The application's jars are opened for the compile only and
 * closed after it, so that a long-lived JVM (a Maven daemon) holds no file of the project open.
 */
final class CompileClassPath implements Closeable {

  /** The JVM's own jars, indexed once, with the size and time each was indexed at. */
  private static final ConcurrentHashMap<Path, SharedIndex> SHARED = new ConcurrentHashMap<>();

  private record SharedIndex(long size, FileTime modified, JarClassIndex index) {}

  /**
   * One entry of the class path.
   *
   * @param location the folder or jar, absolute and normalized
   * @param realLocation the same with links resolved, as javac names a folder's files
   * @param jar its index, or null when javac lists it (a folder, or a file no jar reader opens)
   */
  record Entry(Path location, Path realLocation, JarClassIndex jar) {}

  private final List<Entry> entries;
  private final List<JarClassIndex> owned;

  private CompileClassPath(List<Entry> entries, List<JarClassIndex> owned) {
    this.entries = List.copyOf(entries);
    this.owned = List.copyOf(owned);
  }

  /**
   * Reads the class path's jars.
   *
   * @param entries the class path as written, first entry first (an empty entry is the current folder)
   * @param release the Java release javac compiles for, which picks a multi-release jar's versions
   */
  static CompileClassPath open(List<String> entries, int release) {
    Set<Path> jvmOwn = new HashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator, -1)) {
      jvmOwn.add(location(entry));
    }
    List<Entry> read = new ArrayList<>();
    List<JarClassIndex> owned = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    try {
      for (String entry : entries) {
        add(location(entry), jvmOwn, release, seen, read, owned);
      }
    } catch (RuntimeException e) {
      closeAll(owned);
      throw e;
    }
    return new CompileClassPath(read, owned);
  }

  private static Path location(String entry) {
    return Path.of(entry.isEmpty() ? "." : entry).toAbsolutePath().normalize();
  }

  /** Adds one entry, then, for a jar, the jars its manifest names (a jar the JVM's own names is its own too). */
  private static void add(Path location, Set<Path> jvmOwn, int release, Set<Path> seen, List<Entry> read,
      List<JarClassIndex> owned) {
    Path real = realPath(location);
    if (!seen.add(real)) {
      return;
    }
    if (!Files.isRegularFile(location)) {
      // A folder, or a path that is not there: javac lists the one and skips the other.
      read.add(new Entry(location, real, null));
      return;
    }
    boolean shared = jvmOwn.contains(location);
    JarClassIndex index = shared ? shared(location, release) : opened(location, release);
    if (index != null && !shared) {
      owned.add(index);
    }
    read.add(new Entry(location, real, index));
    // A jar no index reads is javac's, manifest and all.
    for (Path named : index == null ? List.<Path>of() : index.manifestClassPath()) {
      if (shared) {
        jvmOwn.add(named);
      }
      add(named, jvmOwn, release, seen, read, owned);
    }
  }

  private static Path realPath(Path location) {
    try {
      return location.toRealPath();
    } catch (IOException e) {
      return location;
    }
  }

  private static JarClassIndex shared(Path jar, int release) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(jar, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
    SharedIndex found = SHARED.compute(jar, (path, before) -> {
      if (before != null && before.size() == attributes.size() && before.modified().equals(attributes.lastModifiedTime())) {
        return before;
      }
      // A replaced jar's old index is left to the collector, which closes its file: a compile of
      // another thread may still be reading it.
      return new SharedIndex(attributes.size(), attributes.lastModifiedTime(), opened(path, release));
    });
    return found.index();
  }

  private static JarClassIndex opened(Path jar, int release) {
    try {
      return JarClassIndex.open(jar, release);
    } catch (IOException | RuntimeException e) {
      // Not a jar this reader opens: javac reads it, or says why not.
      return null;
    }
  }

  /** The entries in order. */
  List<Entry> entries() {
    return entries;
  }

  /** What javac lists itself: the entries without an index, in order. */
  List<Path> forJavac() {
    return entries.stream().filter(entry -> entry.jar() == null).map(Entry::location).toList();
  }

  /** Closes the application's jars; the JVM's own stay indexed. */
  @Override
  public void close() {
    closeAll(owned);
  }

  private static void closeAll(List<JarClassIndex> indexes) {
    for (JarClassIndex index : indexes) {
      try {
        index.close();
      } catch (IOException e) {
        // Read-only: nothing is lost.
      }
    }
  }
}
