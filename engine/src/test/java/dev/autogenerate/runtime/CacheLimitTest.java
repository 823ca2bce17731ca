package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache folder over its size loses its least recently used entries, and nothing else. */
class CacheLimitTest {

  @TempDir Path folder;

  @Test
  void underTheLimitNothingGoes() throws Exception {
    entry("a", 400, 1);
    entry("b", 400, 2);

    new CacheLimit(1000).prune(folder);

    assertEquals(List.of("a", "b"), names());
  }

  @Test
  void overTheLimitTheLeastRecentlyUsedGoUntilThreeQuartersRemain() throws Exception {
    entry("old", 300, 1);
    entry("older", 300, 0);
    entry("used", 300, 2);
    entry("new", 300, 3);

    new CacheLimit(1000).prune(folder);

    assertEquals(List.of("new", "used"), names(), "1,200 bytes down to 750 or less: the two oldest go");
  }

  @Test
  void anEntryUsedAgainOutlivesNewerOnes() throws Exception {
    entry("first", 300, 1);
    entry("second", 300, 2);
    entry("third", 300, 3);
    entry("fourth", 300, 4);
    CacheLimit.used(folder.resolve("first"));

    new CacheLimit(1000).prune(folder);

    assertEquals(List.of("first", "fourth"), names());
  }

  @Test
  void aWriteInProgressStaysAndOneAbandonedLongAgoGoes() throws Exception {
    entry("writing.tmp", 10, Instant.now().getEpochSecond() - 60);
    entry("abandoned.tmp", 10, Instant.now().getEpochSecond() - 2 * 3600);
    entry("a", 300, 1);
    entry("b", 300, 2);
    entry("c", 300, 3);
    entry("d", 300, 4);

    new CacheLimit(1000).prune(folder);

    assertEquals(List.of("c", "d", "writing.tmp"), names());
  }

  @Test
  void aMissingFolderIsNoError() {
    new CacheLimit(1).prune(folder.resolve("never written"));
    CacheLimit.used(folder.resolve("gone"));
  }

  private void entry(String name, int size, long usedAtSecond) throws Exception {
    Path file = Files.write(folder.resolve(name), new byte[size]);
    Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(usedAtSecond)));
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
