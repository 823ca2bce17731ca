package dev.autogenerate.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Keeps a cache folder under a size, as a build cache must be on a machine that runs a command on
 * every build: each edit of an entity or a migration adds an entry and none is ever needed again
 * once its sources changed. Entries used least recently go first, by their modification time: a
 * write happens only after a miss, and a cache may mark a hit as a use ({@link #used}), so the
 * entries of today's sources stay.
 *
 * <p>Another command may be reading an entry while it goes: that read fails and counts as a miss,
 * which the caches already treat as a cost in speed only. Nothing here fails a command.
 */
public final class CacheLimit {

  /** What a folder may hold before entries go: far above one project's needs, small for a disk. */
  public static final long DEFAULT_BYTES = 256L * 1024 * 1024;

  /** The limit of every cache folder, shared by the process so that it prunes each folder rarely. */
  public static final CacheLimit STANDARD = new CacheLimit(DEFAULT_BYTES);

  /** A temporary file this old was left by a command that died while writing it. */
  private static final long ABANDONED_MILLIS = 60 * 60 * 1000;

  private final long bytes;
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final AtomicLong writtenSincePruned = new AtomicLong();

  public CacheLimit(long bytes) {
    this.bytes = bytes;
  }

  /**
   * After an entry of {@code size} bytes was written to {@code folder}: prunes the folder the first
   * time this process writes to it, then once an eighth of the limit was written since, rather than
   * listing a folder of hundreds of entries after each of a compile's hundreds of writes.
   */
  public void written(Path folder, long size) {
    if (folders.add(folder) || writtenSincePruned.addAndGet(size) >= bytes / 8) {
      writtenSincePruned.set(0);
      prune(folder);
    }
  }

  /** Marks an entry as just used, so that it goes after those not used since. */
  public static void used(Path entry) {
    try {
      Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      // Only the order of pruning is affected.
    }
  }

  /**
   * Deletes the least recently used files of {@code folder} until the rest fit in three quarters
   * of the limit, when all of them together exceed it. Temporary files of writes in progress
   * ({@code *.tmp}) are left alone, unless a command that died left them an hour ago.
   */
  public void prune(Path folder) {
    try {
      List<Entry> entries = entries(folder);
      long total = entries.stream().mapToLong(Entry::size).sum();
      if (total <= bytes) {
        return;
      }
      entries.sort(Comparator.comparing(Entry::used).thenComparing(entry -> entry.path().toString()));
      long target = bytes / 4 * 3;
      for (Entry entry : entries) {
        if (total <= target) {
          break;
        }
        if (Files.deleteIfExists(entry.path())) {
          total -= entry.size();
        }
      }
    } catch (IOException | UncheckedIOException | SecurityException e) {
      // A cache that cannot be pruned only grows.
    }
  }

  private record Entry(Path path, long size, FileTime used) {}

  private static List<Entry> entries(Path folder) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return entries;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        try {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          if (file.getFileName().toString().endsWith(".tmp")) {
            if (attributes.lastModifiedTime().toMillis() < System.currentTimeMillis() - ABANDONED_MILLIS) {
              Files.deleteIfExists(file);
            }
          } else if (attributes.isRegularFile()) {
            entries.add(new Entry(file, attributes.size(), attributes.lastModifiedTime()));
          }
        } catch (IOException e) {
          // Gone meanwhile: another command pruned it.
        }
      }
    }
    return entries;
  }
}
