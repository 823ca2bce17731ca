package dev.autogenerate.testing;

import dev.autogenerate.schema.DatabaseKind;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The one PostgreSQL server of this test JVM, and the fresh databases created on it.
 *
 * <p>Starting a server takes seconds while creating a database on it takes a fraction of a
 * second, so the server is started once, on first use, and stopped by a shutdown hook; isolation
 * between tests comes from giving each its own database.
 */
final class SharedPostgres {

  private static final System.Logger LOG = System.getLogger(SharedPostgres.class.getName());
  private static final Function<String, String> ENVIRONMENT = System::getenv;
  private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();
  /** Connections dropping databases at once: enough to share checkpoints, few for a small server. */
  private static final int DROPPERS = 4;

  private static PostgresServer server;
  private static RuntimeException startFailure;
  private static int starts;
  /** What {@link #creationStrategy} found for the server, once asked. */
  private static String strategy;
  private static final List<String> CREATED_DATABASES = new ArrayList<>();

  private SharedPostgres() {}

  /**
   * Creates {@code t_<counter>_<random>}: the counter keeps names readable in server logs, the
   * random part keeps JVMs sharing one external server from colliding.
   */
  static TestDatabase freshDatabase() {
    PostgresServer current = server();
    String name =
        String.format(
            "t_%d_%08x", DATABASE_COUNTER.incrementAndGet(), ThreadLocalRandom.current().nextInt());
    // template0 rather than the default template1, which an administrator may have filled.
    execute(current, "CREATE DATABASE " + name + " TEMPLATE template0" + creationStrategy(current));
    synchronized (SharedPostgres.class) {
      CREATED_DATABASES.add(name);
    }
    return new TestDatabase(
        DatabaseKind.POSTGRESQL, current.urlOf(name), current.user(), current.password());
  }

  /**
   * How a server that does not sync to disk (the embedded one, the container) copies the
   * template: file by file. The default of PostgreSQL 15 and later writes every page of it
   * through the write-ahead log, which spares a syncing server its checkpoints; without syncing,
   * a checkpoint is cheap and the copy through the log is not (on PostgreSQL 17, 45-55 ms a
   * database against 17, and its drop 20-35 against 11). Nothing for a server that syncs (a URL
   * from the environment may name one) or that knows no strategy (before 15).
   */
  static synchronized String creationStrategy(PostgresServer on) {
    if (strategy == null) {
      try (Connection connection = DriverManager.getConnection(on.maintenanceUrl(), on.user(), on.password());
          Statement statement = connection.createStatement();
          ResultSet fsync = statement.executeQuery("SHOW fsync")) {
        boolean syncs = !fsync.next() || !"off".equals(fsync.getString(1));
        strategy = connection.getMetaData().getDatabaseMajorVersion() >= 15 && !syncs ? " STRATEGY FILE_COPY" : "";
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the settings of " + on.description(), e);
      }
    }
    return strategy;
  }

  /**
   * The server, started on the first call. A failed start is remembered, so that every later
   * test fails at once with the same cause instead of trying again for seconds.
   */
  static synchronized PostgresServer server() {
    if (startFailure != null) {
      throw new IllegalStateException(
          "PostgreSQL failed to start earlier in this JVM", startFailure);
    }
    if (server == null) {
      starts++;
      try {
        server = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(SharedPostgres::shutDown, "autogenerate-postgres-stop"));
    }
    return server;
  }

  /** How many times this JVM started a server; more than once would defeat the sharing. */
  static synchronized int starts() {
    return starts;
  }

  private static PostgresServer start() {
    PostgresServerSource source =
        PostgresServerSource.choose(ENVIRONMENT, () -> DockerEngine.isReachable(ENVIRONMENT));
    boolean forced = PostgresServerSource.forced(ENVIRONMENT) != null;
    try {
      return source.start(ENVIRONMENT);
    } catch (RuntimeException e) {
      if (source != PostgresServerSource.TESTCONTAINERS || forced) {
        throw e;
      }
      // Docker answered but the container did not come up (no image offline, say); the
      // embedded server still gives the tests a real PostgreSQL.
      LOG.log(Level.WARNING, "PostgreSQL container failed to start, using embedded PostgreSQL", e);
      return PostgresServerSource.EMBEDDED.start(ENVIRONMENT);
    }
  }

  /**
   * Drops every database created so far: called once a test class has finished, so that the
   * server holds a class's worth of databases at a time, not the whole run's (hundreds of
   * databases of 8 MB each slowed every later {@code create database} and the server's stop).
   */
  static synchronized void dropCreatedSoFar() {
    if (server == null) {
      return;
    }
    dropAll(CREATED_DATABASES);
    CREATED_DATABASES.clear();
  }

  private static synchronized void shutDown() {
    if (!server.ownedByTests()) {
      dropAll(CREATED_DATABASES);
    }
    server.stop().run();
  }

  /**
   * Drops the databases over a few connections at once, and returns once all are gone. Every
   * {@code DROP DATABASE} waits for a checkpoint of the whole server; drops waiting together share
   * one, where one after another each pays its own (the scenario suite's hundred databases took
   * some fifteen seconds to drop in turn).
   */
  private static void dropAll(List<String> databases) {
    Queue<String> left = new ConcurrentLinkedQueue<>(databases);
    List<Thread> droppers = new ArrayList<>();
    for (int i = 0; i < Math.min(DROPPERS, databases.size()); i++) {
      Thread dropper = new Thread(() -> {
        for (String database = left.poll(); database != null; database = left.poll()) {
          dropQuietly(database);
        }
      }, "autogenerate-drop-test-databases-" + i);
      dropper.setDaemon(true);
      dropper.start();
      droppers.add(dropper);
    }
    // Joined, not left running: a class after this one sees no threads of ours and no databases.
    boolean interrupted = false;
    for (Thread dropper : droppers) {
      while (dropper.isAlive()) {
        try {
          dropper.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void dropQuietly(String database) {
    try {
      // FORCE (PostgreSQL 13+) ends sessions tests forgot to close.
      execute(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (IllegalStateException withForce) {
      try {
        // An older external server: without FORCE, which fails only while a session is open.
        execute(server, "DROP DATABASE IF EXISTS " + database);
      } catch (IllegalStateException e) {
        // Best effort: a leftover test database on a shared server is harmless, but said, so that
        // an external server filling with them has a reason in the build's log.
        LOG.log(Level.WARNING, "test database " + database + " was left on " + server.description()
            + ": " + e.getCause().getMessage());
      }
    }
  }

  private static void execute(PostgresServer on, String sql) {
    try (Connection connection =
            DriverManager.getConnection(on.maintenanceUrl(), on.user(), on.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + on.description(), e);
    }
  }
}
