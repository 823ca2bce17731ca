package dev.autogenerate.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The tool's own throwaway folders (a compile to fill an archive, a daemon's warm-up). */
public final class TemporaryFolders {

  private TemporaryFolders() {}

  /**
   * Deletes the folder and all it holds, as far as it can: a file that will not go stays, and the
   * rest still goes. Never fails; nothing happens for a folder that is not there.
   */
  public static void deleteQuietly(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // A temporary folder left behind.
    }
  }
}
