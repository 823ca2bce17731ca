package dev.autogenerate.database.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The database file a SQLite URL names, as a command that made it may take it back. */
public final class SqliteFiles {

  private SqliteFiles() {}

  /**
   * Whether the file holds no table, index, view or trigger: opening a connection makes it, empty
   * until a write, or with just a header where the URL asks for write-ahead logging.
   */
  public static boolean holdsNothing(Path file) {
    try {
      if (Files.size(file) == 0) {
        return true;
      }
    } catch (IOException e) {
      return false;
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet objects = statement.executeQuery("select count(*) from sqlite_schema")) {
      return objects.next() && objects.getLong(1) == 0;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Deletes the file and the journal files beside it, if it can; files left are only untidy. */
  public static void deleteWithJournal(Path file) {
    for (String suffix : new String[] {"-wal", "-shm", "-journal", ""}) {
      try {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      } catch (IOException e) {
        // Left as it is.
      }
    }
  }
}
