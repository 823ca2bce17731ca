package dev.autogenerate.database.sqlite;

import dev.autogenerate.inspect.TableFilter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.date.FastDateFormat;

/**
 * What a process's first SQLite connection does before it opens the file, done ahead of it on
 * another thread while the command line is being parsed. In a fresh JVM that was 30-50 ms of a
 * cached {@code check}'s critical path in a profile: each connection's configuration makes the
 * date format of its {@code date_string_format} setting, and the first one sets up the JDK's
 * calendar and locale data for it (a parse of every language tag the CLDR data holds); the first
 * also loads the native library, and {@link DriverManager} loads the drivers of the class path.
 * sqlite-jdbc keeps date formats by pattern, time zone and locale, so the connection then finds
 * its own made.
 *
 * <p>Only the command line uses this, after {@link SqliteNativeLibrary#useCopyIn}, whose copy the
 * library is loaded from. Nothing here may fail a command: the connection does the same work again
 * and reports what fails.
 */
public final class SqliteFirstConnection {

  private SqliteFirstConnection() {}

  /**
   * Uses the driver for real, on an in-memory database: connects, writes a little schema and
   * reads it back as a command does (the inspector's queries, the catalog's tables, a prepared
   * statement), so that the classes a command against a SQLite file loads are loaded. For the run
   * writing the launcher's class archive when it uses another database. Never fails.
   */
  static void exercise() {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement statement = connection.createStatement()) {
      statement.execute("create table exercised (id integer primary key, name text not null unique,"
          + " parent integer references exercised)");
      statement.execute("create index exercised_parent on exercised (parent)");
      new SqliteInspector().inspect(connection, TableFilter.defaults());
      connection.getMetaData().getTables(null, null, "exercised", null).close();
      try (PreparedStatement query = connection.prepareStatement("select count(*) from exercised where id > ?")) {
        query.setLong(1, 0);
        query.executeQuery().close();
      }
    } catch (SQLException | RuntimeException | LinkageError e) {
      // Only the archive's content is at stake.
    }
  }

  /** Makes the default date format, loads the native library (from the cached copy only) and the JDBC drivers. */
  public static void prepare() {
    try {
      FastDateFormat.getInstance(SQLiteConfig.DEFAULT_DATE_STRING_FORMAT);
      // Only from the tool's cached copy: without one, sqlite-jdbc would unpack its library into
      // the temp folder, which a command on PostgreSQL must not pay for.
      if (System.getProperty(SqliteNativeLibrary.PATH_PROPERTY) != null) {
        SQLiteJDBCLoader.initialize();
      }
      DriverManager.getDrivers();
    } catch (Exception | LinkageError e) {
      // The first connection meets it again.
    }
  }
}
