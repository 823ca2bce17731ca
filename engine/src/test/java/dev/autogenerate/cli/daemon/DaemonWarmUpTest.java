package dev.autogenerate.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A new daemon's warm-up runs the real command line (write a migration, apply it, check, list the
 * history) on a throwaway SQLite project, and leaves nothing behind: not its folder, nor the cache
 * setting it changed for its length.
 */
class DaemonWarmUpTest {

  @Test
  void everyCommandOfTheWarmUpSucceedsAndNothingIsLeft() throws IOException {
    String cacheBefore = System.getProperty("autogenerate.cache");
    List<Path> before = warmUpFolders();

    List<Integer> codes = DaemonWarmUp.run();

    assertEquals(Collections.nCopies(7, 0), codes, "-m, upgrade head, 4 checks, history");
    assertEquals(cacheBefore, System.getProperty("autogenerate.cache"));
    assertEquals(before, warmUpFolders());
  }

  private static List<Path> warmUpFolders() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(file -> file.getFileName().toString().startsWith("autogenerate-daemon-warm-up")).sorted()
          .toList();
    }
  }
}
