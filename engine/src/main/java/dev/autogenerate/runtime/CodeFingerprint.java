package dev.autogenerate.runtime;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which build of some code is running, for cache keys that must change when the code that made
 * an entry does (a development build keeps its version number): where each class was loaded
 * from, a jar by its size and time, a folder by each file's name, size and time.
 */
public final class CodeFingerprint {

  private CodeFingerprint() {}

  /**
   * The fingerprint of the code of these classes; one that never repeats when a location cannot
   * be read. A jar's is plain text (no digest to start up for a command run from the jar).
   */
  public static String of(List<Class<?>> types) {
    StringBuilder fingerprint = new StringBuilder();
    try {
      for (Class<?> type : types) {
        Optional<Path> location = locationOf(type);
        if (location.isEmpty()) {
          // Unknown code cannot be told apart from its next version: never hit.
          return "unknown ".concat(String.valueOf(System.nanoTime()));
        }
        fingerprint.append(location.get()).append('\n');
        if (Files.isDirectory(location.get())) {
          fingerprint.append(folder(location.get())).append('\n');
        } else {
          fingerprint.append(Files.size(location.get())).append('@')
              .append(Files.getLastModifiedTime(location.get()).toMillis()).append('\n');
        }
      }
      return fingerprint.toString();
    } catch (IOException | RuntimeException e) {
      return "unknown ".concat(String.valueOf(System.nanoTime()));
    }
  }

  /** A development build's folder: the digest of each file's name, size and time. */
  private static String folder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      KeyDigest digest = KeyDigest.start();
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        digest.text(file.toString()).sizeAndTime(file);
      }
      return digest.hex();
    }
  }

  private static Optional<Path> locationOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
