package dev.autogenerate.database.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The command line's copy of sqlite-jdbc's native library: unpacked once into the cache, then
 * loaded from there by every process without unpacking it again.
 */
class SqliteNativeLibraryTest {

  @TempDir Path cache;
  @TempDir Path sqliteTemp;

  @Test
  void theCopyIsTheLibraryOfTheJar() throws Exception {
    String name = LibraryLoaderUtil.getNativeLibName();
    SqliteNativeLibrary.unpack(cache, name);

    try (InputStream original = SQLiteJDBCLoader.class.getResourceAsStream(
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
      assertArrayEquals(original.readAllBytes(), Files.readAllBytes(cache.resolve(name)));
    }
    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(List.of(cache.resolve(name)), files.toList(), "no temporary file left");
    }
  }

  @Test
  void theFirstProcessUnpacksItAndTheNextOnesLoadItWithoutUnpacking() throws Exception {
    Path folder = cache.resolve(SqliteNativeLibrary.platformKey());
    Path library = folder.resolve(LibraryLoaderUtil.getNativeLibName());

    assertEquals("3, 0 files unpacked into its temp folder", probe());
    assertTrue(Files.isRegularFile(library), "unpacked into the cache");
    FileTime unpacked = FileTime.fromMillis(0);
    Files.setLastModifiedTime(library, unpacked);

    assertEquals("3, 0 files unpacked into its temp folder", probe());
    assertEquals(unpacked, Files.getLastModifiedTime(library), "not unpacked again");
  }

  @Test
  void withoutTheCopySqliteJdbcUnpacksItsOwn() throws Exception {
    String output = probe("--no-copy");
    assertTrue(output.startsWith("3, ") && !output.startsWith("3, 0 "), output);
  }

  /** A new JVM that uses the copy in {@link #cache}, opens an SQLite database and answers a query. */
  private String probe(String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dorg.sqlite.tmpdir=" + sqliteTemp,
        Probe.class.getName(), cache.toString()));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).trim();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  /**
   * The probe's main: prints {@code 1 + 2} as SQLite computes it, and how many files sqlite-jdbc
   * unpacked into its temp folder (counted while the JVM lives: it deletes them at exit).
   */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      if (args.length == 1) {
        SqliteNativeLibrary.useCopyIn(Path.of(args[0]));
      }
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
          ResultSet row = connection.createStatement().executeQuery("select 1 + 2");
          Stream<Path> unpacked = Files.list(Path.of(System.getProperty("org.sqlite.tmpdir")))) {
        row.next();
        System.out.println(row.getString(1) + ", " + unpacked.count() + " files unpacked into its temp folder");
      }
    }
  }
}
