package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autogenerate daemon status} and {@code stop} against a real daemon process started as the
 * launcher starts one (its entry in the cache folder's {@code daemons}), and against entries of
 * processes that are gone or are no daemon.
 */
class DaemonCommandTest {

  private static final String CACHE = "autogenerate.cache";

  @TempDir Path directory;
  private String cacheBefore;
  private Process daemon;

  @BeforeEach
  void ownCache() {
    cacheBefore = System.getProperty(CACHE);
    System.setProperty(CACHE, directory.resolve("cache").toString());
  }

  @AfterEach
  void restore() throws Exception {
    if (daemon != null) {
      daemon.destroyForcibly().waitFor();
    }
    if (cacheBefore == null) {
      System.clearProperty(CACHE);
    } else {
      System.setProperty(CACHE, cacheBefore);
    }
  }

  private Path daemons() {
    return directory.resolve("cache").resolve("daemons");
  }

  private CliRun daemon(String action) {
    return CliRun.run(directory, Map.of(), "daemon", action);
  }

  /** Starts a daemon process as the launcher does, idle for at most {@code idle}, and waits for its entry. */
  private Path startDaemon(String idle) throws Exception {
    Path entry = daemons().resolve("1234");
    daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-D" + CACHE + "=" + directory.resolve("cache"), "-cp", System.getProperty("java.class.path"),
        "dev.autogenerate.cli.daemon.CommandDaemon", entry.toString(), idle, "--no-warm-up")
        .redirectErrorStream(true).redirectOutput(directory.resolve("daemon.log").toFile()).start();
    for (int i = 0; i < 300 && !Files.exists(entry); i++) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(entry), () -> "the daemon wrote no entry: " + read(directory.resolve("daemon.log")));
    return entry;
  }

  @Test
  void aDaemonIdleLongerThanItsTimeEndsAndRemovesItsEntry() throws Exception {
    Path entry = startDaemon("PT2S");

    assertFalse(daemon.waitFor(1, TimeUnit.SECONDS), "the daemon ended before its idle time");
    assertTrue(daemon.waitFor(15, TimeUnit.SECONDS), "the idle daemon still runs");
    assertFalse(Files.exists(entry), "the idle daemon left its entry");
  }

  @Test
  void aDaemonWhoseEntryAnotherReplacedEnds() throws Exception {
    Path entry = startDaemon("5");
    // A daemon started meanwhile for the same key (two launchers that found none at once).
    Files.writeString(entry, "40000 other-client-token other-daemon-token 1\n");

    assertTrue(daemon.waitFor(15, TimeUnit.SECONDS), "the replaced daemon still runs");
    assertTrue(Files.exists(entry), "the replaced daemon removed the other's entry");
  }

  @Test
  void aRunningDaemonIsListedThenStopped() throws Exception {
    Path entry = startDaemon("5");

    CliRun status = daemon("status");
    assertEquals(0, status.exitCode(), status::toString);
    assertTrue(status.out().startsWith("pid " + daemon.pid() + ", port "), status::toString);
    assertTrue(status.out().contains(", no command yet  ["), status::toString);
    // What its log says of the last command it ran.
    Files.writeString(Path.of(entry + ".log"), "2026-12-03T10:00:00Z command 7 of pid 99: exit 1 in 12 ms\n",
        java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
    assertTrue(daemon("status").out().contains(", last: 2026-12-03T10:00:00Z command 7 of pid 99: exit 1 in 12 ms  ["));

    CliRun stop = daemon("stop");
    assertEquals(0, stop.exitCode(), stop::toString);
    assertEquals("Stopped the daemon pid " + daemon.pid() + ".\n", stop.out());
    assertTrue(daemon.waitFor(10, TimeUnit.SECONDS));
    assertFalse(Files.exists(entry), "the stopped daemon left its entry");
    assertTrue(daemon("status").out().startsWith("No daemon runs"));
  }

  @Test
  void anEntryOfAProcessGoneOrOfAnotherProgramIsNoDaemonAndIsRemoved() throws Exception {
    Files.createDirectories(daemons());
    // This JVM runs, but is no daemon; the other process has ended.
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Files.writeString(daemons().resolve("1"), "40000 a b " + ProcessHandle.current().pid() + "\n");
    Files.writeString(daemons().resolve("2"), "40001 a b " + ended.pid() + "\n");

    CliRun status = daemon("status");

    assertEquals(0, status.exitCode(), status::toString);
    assertTrue(status.out().startsWith("No daemon runs"), status::toString);
    assertFalse(Files.exists(daemons().resolve("1")));
    assertFalse(Files.exists(daemons().resolve("2")));
  }

  @Test
  void noFolderIsNoDaemon() {
    CliRun stop = daemon("stop");
    assertEquals(0, stop.exitCode(), stop::toString);
    assertEquals("No daemon runs (from " + daemons() + ").\n", stop.out());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      return "(no log)";
    }
  }
}
