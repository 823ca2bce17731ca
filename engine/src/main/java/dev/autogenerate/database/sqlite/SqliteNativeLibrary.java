package dev.autogenerate.database.sqlite;

import dev.autogenerate.runtime.CacheDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, kept in the tool's cache. Left to itself, sqlite-jdbc finds its
 * platform's library by starting a {@code uname} process and unpacks the library (1 MB) into the
 * temp folder, in every process: 40-80 ms of a half-second command. Told where an unpacked copy
 * is ({@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}), it loads that directly, and
 * falls back to unpacking one if it cannot.
 *
 * <p>Only the command line uses this: the properties are the whole JVM's, which in an application
 * are the application's to set.
 */
public final class SqliteNativeLibrary {

  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";

  private SqliteNativeLibrary() {}

  /**
   * Points sqlite-jdbc at the copy in {@code cache}, unpacking it there first if it is not there
   * yet; does nothing where the properties are set already. Never fails: without the copy,
   * sqlite-jdbc unpacks its library as it always does.
   */
  public static void useCopyIn(Path cache) {
    if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
      return;
    }
    try {
      String name = LibraryLoaderUtil.getNativeLibName();
      Path folder = cache.resolve(platformKey());
      if (!Files.isRegularFile(folder.resolve(name))) {
        unpack(folder, name);
        if (!Files.isRegularFile(folder.resolve(name))) {
          return;
        }
      }
      System.setProperty(PATH_PROPERTY, folder.toString());
      System.setProperty(NAME_PROPERTY, name);
    } catch (RuntimeException | LinkageError e) {
      // Only speed is lost.
    }
  }

  /**
   * The library's version and the platform as the JVM names it, without asking sqlite-jdbc, which
   * would start the process this class saves: another sqlite-jdbc or another JDK (a musl one, say)
   * gets a folder of its own.
   */
  static String platformKey() {
    CRC32 javaHome = new CRC32();
    javaHome.update(System.getProperty("java.home", "").getBytes(StandardCharsets.UTF_8));
    return SQLiteJDBCLoader.getVersion() + "-" + System.getProperty("os.name").replaceAll("\\W", "")
        + "-" + System.getProperty("os.arch") + "-" + HexFormat.of().toHexDigits((int) javaHome.getValue());
  }

  /** Copies the platform's library out of sqlite-jdbc's jar, whole or not at all, as a cache entry is written. */
  static void unpack(Path folder, String name) {
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    CacheDirectory.writeEntry(folder, name, () -> {
      try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
        if (library == null) {
          throw new IOException("no " + resource + " in sqlite-jdbc");
        }
        return library.readAllBytes();
      }
    });
  }
}
