package dev.autogenerate.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the tool keeps what it can compute again (compiled migrations, read entities): the
 * {@code autogenerate.cache} system property (the JVM's own setting wins over the environment it
 * inherited: a build's tests keep their cache in the build even for a developer who set the
 * variable), else {@code $AUTOGENERATE_CACHE}, else {@code $XDG_CACHE_HOME/autogenerate}, else
 * {@code ~/.cache/autogenerate}.
 */
public final class CacheDirectory {

  /** Numbers this process's temporary files. */
  private static final AtomicLong TEMPORARY_FILES = new AtomicLong();

  /** Owner only, as {@code Files.createTempFile} makes them: an entry may tell of the schema. */
  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE);

  private CacheDirectory() {}

  /** The folder for one kind of entry, {@code migrations} or {@code entities}. */
  public static Path of(String kind) {
    return of(kind, System.getenv());
  }

  /** As {@link #of(String)}, with the variables of {@code environment}. */
  public static Path of(String kind, Map<String, String> environment) {
    String configured = System.getProperty("autogenerate.cache");
    if (configured == null || configured.isBlank()) {
      configured = environment.get("AUTOGENERATE_CACHE");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).resolve(kind);
    }
    String xdg = environment.get("XDG_CACHE_HOME");
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
      limit.written(directory, write(directory, fileName, content, null));
    } catch (IOException | RuntimeException e) {
      // Only speed is lost: the next command computes it again.
    }
  }

  /**
   * As {@link #writeEntry(Path, String, Content)}, in a folder no limit keeps, and with the file
   * modified at {@code modified} from the moment it appears: for a file whose time is part of
   * what it says ({@code LaunchHint}).
   */
  public static void writeDated(Path directory, String fileName, Content content, FileTime modified) {
    try {
      write(directory, fileName, content, modified);
    } catch (IOException | RuntimeException e) {
      // Only speed is lost.
    }
  }

  /** Writes the file whole, moved into place (see {@link #writeEntry}); returns its size. */
  private static long write(Path directory, String fileName, Content content, FileTime modified) throws IOException {
    byte[] bytes = content.bytes();
    Files.createDirectories(directory);
    Path temporary = temporaryFile(directory, fileName, bytes);
    boolean moved = false;
    try {
      if (modified != null) {
        Files.setLastModifiedTime(temporary, modified);
      }
      try {
        Files.move(temporary, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      // Left by a failed move, which must not keep a full disk full. Once moved, the name is
      // free, and another process's file may have it by now.
      if (!moved) {
        Files.deleteIfExists(temporary);
      }
    }
    return bytes.length;
  }

  /**
   * A new file of this process's holding {@code bytes}, named {@code FILE.P-N.tmp}: P this
   * process's part, N its count of such files. Not {@code Files.createTempFile}, whose random names
   * come from a {@code SecureRandom}: its first use sets up the JDK's security providers, 6-9 ms
   * of processor time and 15-25 ms of a cold command's critical path on two busy cores, for a name
   * that only has to differ from those of other writes under way. P is the process id and a
   * number drawn once from the clock-seeded {@code ThreadLocalRandom}, since containers sharing a
   * cache folder may all be process 1. A name taken all the same is skipped ({@code CREATE_NEW}
   * fails rather than share it), and only a file this call created is ever deleted.
   */
  private static Path temporaryFile(Path directory, String fileName, byte[] bytes) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temporary = directory.resolve(temporaryPrefix(fileName) + TEMPORARY_FILES.incrementAndGet() + ".tmp");
      OutputStream out;
      try {
        out = create(temporary);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
        continue;
      }
      try (out) {
        out.write(bytes);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temporary);
        throw e;
      }
      return temporary;
    }
  }

  /** The start of this process's temporary names for entries named {@code fileName}. */
  static String temporaryPrefix(String fileName) {
    return fileName + "." + ThisProcess.PART + "-";
  }

  /** How many temporary names this process has used: the next is this plus one (tests). */
  static long temporaryFilesNamed() {
    return TEMPORARY_FILES.get();
  }

  private static final class ThisProcess {
    static final String PART = Long.toString(ProcessHandle.current().pid(), 36) + "."
        + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  }

  private static OutputStream create(Path file) throws IOException {
    OpenOption[] options = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
    try {
      FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      return Channels.newOutputStream(Files.newByteChannel(file, Set.of(options), ownerOnly));
    } catch (UnsupportedOperationException e) {
      // A file system without POSIX permissions (Windows): the folder's own access rules apply.
      return Files.newOutputStream(file, options);
    }
  }
}
