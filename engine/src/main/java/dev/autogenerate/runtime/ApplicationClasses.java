package dev.autogenerate.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The application's classes that compiled migration classes use, each with a digest of its class
 * file as it was then. The cache keys of compiled migrations hold the class path as text: a
 * migration that uses a class the application rebuilds (an enum, a helper, a constant javac
 * copies in, leaving a reference to its class) must compile again when that class changes, or
 * it would run with the old one. A cache entry keeps these, and is taken only while each class
 * file is still what it was. Migrations the tool writes use none: for them this costs nothing.
 *
 * <p>"The application's" are the classes found on the configured class path; the JDK's and the
 * tool's own (its version is in every key already) are not looked for there.
 *
 * @param digests each class's internal name ({@code com/example/Roles}) and the SHA-256 of its
 *     class file, as the class path's first entry holding it had it
 */
record ApplicationClasses(SortedMap<String, String> digests) {

  static final ApplicationClasses NONE = new ApplicationClasses(new TreeMap<>());

  ApplicationClasses {
    digests = Collections.unmodifiableSortedMap(new TreeMap<>(digests));
  }

  /**
   * What {@code classFiles} use of the class path.
   *
   * @throws UncheckedIOException when a class file or a class path entry cannot be read
   */
  static ApplicationClasses usedBy(Collection<byte[]> classFiles, Set<String> ownNames, List<Path> classPath) {
    if (classPath.isEmpty()) {
      return NONE;
    }
    SortedMap<String, String> digests = new TreeMap<>();
    try (Lookup lookup = new Lookup(classPath)) {
      for (byte[] classFile : classFiles) {
        for (String used : ClassReferences.of(classFile)) {
          if (ownNames.contains(used.replace('/', '.')) || digests.containsKey(used) || !mayBeTheApplications(used)) {
            continue;
          }
          lookup.classFile(used).ifPresent(bytes -> digests.put(used, digest(bytes)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ApplicationClasses(digests);
  }

  /** Whether each class is still, on this class path, what it was. */
  boolean unchanged(List<Path> classPath) {
    if (digests.isEmpty()) {
      return true;
    }
    try (Lookup lookup = new Lookup(classPath)) {
      for (Map.Entry<String, String> used : digests.entrySet()) {
        Optional<byte[]> now = lookup.classFile(used.getKey());
        if (now.isEmpty() || !digest(now.get()).equals(used.getValue())) {
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

  /** The tool's own classes and the JDK's are never the application's. */
  private static boolean mayBeTheApplications(String internalName) {
    return !internalName.startsWith("dev/autogenerate/")
        && ClassLoader.getPlatformClassLoader().getResource(internalName + ".class") == null;
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Finds class files on a class path, first entry first, opening each jar once. */
  private static final class Lookup implements AutoCloseable {

    private final List<Path> classPath;
    private final Map<Path, JarFile> jars = new HashMap<>();

    Lookup(List<Path> classPath) {
      this.classPath = classPath;
    }

    Optional<byte[]> classFile(String internalName) throws IOException {
      String resource = internalName + ".class";
      for (Path entry : classPath) {
        if (Files.isDirectory(entry)) {
          Path file = entry.resolve(resource);
          if (Files.isRegularFile(file)) {
            return Optional.of(Files.readAllBytes(file));
          }
        } else if (Files.isRegularFile(entry)) {
          JarFile jar = jars.get(entry);
          if (jar == null) {
            jar = new JarFile(entry.toFile());
            jars.put(entry, jar);
          }
          ZipEntry found = jar.getEntry(resource);
          if (found != null) {
            try (var in = jar.getInputStream(found)) {
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
