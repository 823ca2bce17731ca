package dev.autogenerate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary directories that are deleted, best effort, when the JVM exits.
 *
 * <p>Test fixtures create many small directories (SQLite files, compiled entity classes); they
 * must not pile up in {@code /tmp} across runs, but they have to outlive any single test because
 * class loaders and connections may still point into them. One shutdown hook removes them all.
 */
final class TempDirectories {

  private static final List<Path> CREATED = new ArrayList<>();
  private static boolean hookRegistered;

  private TempDirectories() {}

  /** Creates a new directory under {@code java.io.tmpdir} whose name starts with the prefix. */
  static Path create(String prefix) {
    try {
      Path directory = Files.createTempDirectory(prefix).toAbsolutePath();
      register(directory);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory " + prefix, e);
    }
  }

  private static synchronized void register(Path directory) {
    if (!hookRegistered) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TempDirectories::deleteAll, "autogenerate-temp-cleanup"));
      hookRegistered = true;
    }
    CREATED.add(directory);
  }

  private static synchronized void deleteAll() {
    CREATED.forEach(TempDirectories::deleteQuietly);
  }

  /** Deletes a directory tree, ignoring whatever cannot be deleted. */
  static void deleteQuietly(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(TempDirectories::deleteOneQuietly);
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a leftover temp directory is not worth failing a test run for.
    }
  }

  private static void deleteOneQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Best effort, see deleteQuietly.
    }
  }
}
