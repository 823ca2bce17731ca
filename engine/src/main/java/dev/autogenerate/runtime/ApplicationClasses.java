package dev.autogenerate.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The application's class files a compile of migrations read, each with a digest of its bytes as
 * javac read them. The cache keys of compiled migrations hold the class path as text: a
 * migration that uses a class the application rebuilds (an enum, a helper, a constant javac
 * copies in, from the class itself, a supertype, an annotation's value or a {@code case} label)
 * must compile again when that class file changes, or it would run with the old one. javac reads
 * the class file of everything it resolves, so what it read is what the compile depended on; a
 * cache entry keeps these and is taken only while each is still what it was.
 *
 * <p>"The application's" are the class files read from the configured class path; the JDK's and
 * the tool's own (its version is in every key already) are not. Migrations the tool writes read
 * none, and pay nothing for this.
 *
 * @param digests each class's binary name and the {@link KeyDigest} of its class file
 */
record ApplicationClasses(SortedMap<String, String> digests) {

  static final ApplicationClasses NONE = new ApplicationClasses(new TreeMap<>());

  ApplicationClasses {
    digests = Collections.unmodifiableSortedMap(new TreeMap<>(digests));
  }

  /** The class files read, by binary name. */
  static ApplicationClasses read(Map<String, byte[]> classFiles) {
    SortedMap<String, String> digests = new TreeMap<>();
    classFiles.forEach((name, bytes) -> digests.put(name, KeyDigest.of(bytes)));
    return new ApplicationClasses(digests);
  }

  /** All of them: what sources compiled at different times read together. */
  static ApplicationClasses union(Collection<ApplicationClasses> parts) {
    SortedMap<String, String> digests = new TreeMap<>();
    parts.forEach(part -> digests.putAll(part.digests()));
    return new ApplicationClasses(digests);
  }

  /**
   * Where class files of these class path entries lie, as javac names them: the real path of each
   * (javac gives a folder's files by their real path, links resolved, and a jar by its path).
   */
  static List<Path> roots(List<Path> classPath) {
    List<Path> roots = new ArrayList<>();
    for (Path entry : classPath) {
      Path absolute = entry.toAbsolutePath().normalize();
      roots.add(absolute);
      try {
        Path real = absolute.toRealPath();
        if (!real.equals(absolute)) {
          roots.add(real);
        }
      } catch (IOException e) {
        // A missing entry: nothing is read from it.
      }
    }
    return List.copyOf(roots);
  }

  /**
   * Whether a class file lies under one of these {@link #roots}: a folder's file by its path, a
   * jar's entry ({@code jar:file:...!/name}) by its jar's.
   */
  static boolean inClassPath(URI classFile, List<Path> roots) {
    try {
      Path location;
      if ("jar".equals(classFile.getScheme())) {
        String text = classFile.toString();
        int separator = text.indexOf("!/");
        if (separator < 0) {
          return false;
        }
        location = Path.of(URI.create(text.substring("jar:".length(), separator)));
      } else if ("file".equals(classFile.getScheme())) {
        location = Path.of(classFile);
      } else {
        return false;
      }
      Path normalized = location.toAbsolutePath().normalize();
      for (Path root : roots) {
        if (normalized.startsWith(root)) {
          return true;
        }
      }
      return false;
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return false;
    }
  }

  /** Whether each class file is still, on this class path, what it was. */
  boolean unchanged(List<Path> classPath) {
    if (digests.isEmpty()) {
      return true;
    }
    try (Lookup lookup = new Lookup(classPath)) {
      for (Map.Entry<String, String> used : digests.entrySet()) {
        Optional<byte[]> now = lookup.classFile(used.getKey());
        if (now.isEmpty() || !KeyDigest.of(now.get()).equals(used.getValue())) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Name and digest after one another, for an entry's file. */
  List<String> texts() {
    List<String> texts = new ArrayList<>();
    digests.forEach((name, digest) -> {
      texts.add(name);
      texts.add(digest);
    });
    return texts;
  }

  static ApplicationClasses fromTexts(List<String> texts) {
    if (texts.size() % 2 != 0) {
      throw new IllegalArgumentException("names and digests do not pair");
    }
    SortedMap<String, String> digests = new TreeMap<>();
    for (int i = 0; i < texts.size(); i += 2) {
      digests.put(texts.get(i), texts.get(i + 1));
    }
    return new ApplicationClasses(digests);
  }

  /**
   * Finds class files on a class path as javac does, first entry first, each jar opened once and
   * read as this runtime's release sees it (a multi-release jar's versioned entries first).
   */
  private static final class Lookup implements AutoCloseable {

    private final List<Path> classPath;
    private final Map<Path, JarFile> jars = new HashMap<>();

    Lookup(List<Path> classPath) {
      this.classPath = classPath;
    }

    Optional<byte[]> classFile(String binaryName) throws IOException {
      String resource = binaryName.replace('.', '/') + ".class";
      for (Path entry : classPath) {
        if (Files.isDirectory(entry)) {
          Path file = entry.resolve(resource);
          if (Files.isRegularFile(file)) {
            return Optional.of(Files.readAllBytes(file));
          }
        } else if (Files.isRegularFile(entry)) {
          JarFile jar = jars.get(entry);
          if (jar == null) {
            jar = new JarFile(entry.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
            jars.put(entry, jar);
          }
          ZipEntry found = jar.getEntry(resource);
          if (found != null) {
            try (InputStream in = jar.getInputStream(found)) {
              return Optional.of(in.readAllBytes());
            }
          }
        }
      }
      return Optional.empty();
    }

    @Override
    public void close() throws IOException {
      for (JarFile jar : jars.values()) {
        jar.close();
      }
    }
  }
}
