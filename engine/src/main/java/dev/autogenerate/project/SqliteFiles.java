package dev.autogenerate.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The database file a SQLite URL names, as a command that made it may take it back. */
final class SqliteFiles {

  private SqliteFiles() {}

  /** Whether SQLite wrote nothing into it: opening a connection makes the file, empty until a write. */
  static boolean isEmpty(Path file) {
    try {
      return Files.size(file) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes the file if it can; a file left is only untidy. */
  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left as it is.
    }
  }
}
