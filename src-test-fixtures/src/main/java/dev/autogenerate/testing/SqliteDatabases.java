package dev.autogenerate.testing;

import dev.autogenerate.schema.DatabaseKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh SQLite databases: one new file per call, all in one temporary directory per JVM.
 *
 * <p>Files rather than {@code :memory:} because an in-memory database vanishes with its last
 * connection, while the tool under test opens and closes its own connections from a URL.
 */
final class SqliteDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private SqliteDatabases() {}

  static TestDatabase fresh() {
    Path file = Directory.PATH.resolve("test-" + COUNTER.incrementAndGet() + ".db");
    TestDatabase database =
        new TestDatabase(DatabaseKind.SQLITE, "jdbc:sqlite:" + file, null, null);
    createFile(database);
    return database;
  }

  /** Connecting once makes the file exist, so the database is real before the test touches it. */
  private static void createFile(TestDatabase database) {
    try (Connection ignored = database.open()) {
      // Opening is enough: SQLite creates the (empty) database file.
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create SQLite database " + database.url(), e);
    }
  }

  /** Lazy holder: the directory is only created if a test asks for SQLite. */
  private static final class Directory {
    static final Path PATH = TempDirectories.create("autogenerate-sqlite");
  }
}
