package dev.autogenerate.runtime;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the tool keeps what it can compute again (compiled migrations, read entities): the
 * {@code autogenerate.cache} system property (the JVM's own setting wins over the environment it
 * inherited: a build's tests keep their cache in the build even for a developer who set the
 * variable), else {@code $AUTOGENERATE_CACHE}, else {@code $XDG_CACHE_HOME/autogenerate}, else
 * {@code ~/.cache/autogenerate}.
 */
public final class CacheDirectory {

  private CacheDirectory() {}

  /** The folder for one kind of entry, {@code migrations} or {@code entities}. */
  public static Path of(String kind) {
    String configured = System.getProperty("autogenerate.cache");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("AUTOGENERATE_CACHE");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).resolve(kind);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("autogenerate").resolve(kind);
  }

  /** What an entry holds, computed when it is written. */
  @FunctionalInterface
  public interface Content {
    byte[] bytes() throws IOException;
  }

  /**
   * Writes one entry whole: to a temporary file of its own, then moved into place, so that
   * commands running at once see a whole entry or none (the last one moved in wins). A cache that
   * cannot be written costs only speed: any failure is swallowed. The folder is kept within
   * {@link CacheLimit#STANDARD}.
   */
  public static void writeEntry(Path directory, String fileName, Content content) {
    writeEntry(directory, fileName, content, CacheLimit.STANDARD);
  }

  /** As {@link #writeEntry(Path, String, Content)}, then keeps the folder within the limit. */
  public static void writeEntry(Path directory, String fileName, Content content, CacheLimit limit) {
    try {
      byte[] bytes = content.bytes();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, fileName, ".tmp");
      try {
        Files.write(temporary, bytes);
        try {
          Files.move(temporary, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        // Gone after the move; left by a failed write (a full disk), which it must not keep full.
        Files.deleteIfExists(temporary);
      }
      limit.written(directory, bytes.length);
    } catch (IOException | RuntimeException e) {
      // Only speed is lost: the next command computes it again.
    }
  }
}
