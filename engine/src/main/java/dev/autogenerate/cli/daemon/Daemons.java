package dev.autogenerate.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The daemons whose entries a folder holds ({@code autogenerate daemon status} and {@code stop}):
 * one per launcher key, each entry named by the key, its log beside it.
 */
public final class Daemons {

  private Daemons() {}

  /** A daemon that runs: its entry's file, its process, the port it listens on, when it started. */
  public record Running(Path entryFile, ProcessHandle process, int port, Optional<Instant> started) {

    /**
     * The line its log wrote for the last command it ran ({@code TIME command N of pid P: exit C in
     * M ms}, N counting its commands), from the log beside its entry; empty before its first.
     */
    public Optional<String> lastCommand() {
      try (Stream<String> lines = Files.lines(Path.of(entryFile + ".log"))) {
        return lines.filter(line -> line.contains(" command ") && line.contains(" of pid ")).reduce((first, second) -> second);
      } catch (IOException | java.io.UncheckedIOException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * The daemons the folder's entries name whose process runs and is a daemon; an entry of one gone
   * (killed, the machine restarted) is removed on the way.
   */
  public static List<Running> in(Path folder) {
    List<Running> running = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return running;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".log") || name.endsWith(".tmp") || name.endsWith(".starting")) {
          continue;
        }
        Optional<DaemonEntry> entry = DaemonEntry.read(file);
        Optional<ProcessHandle> process = entry.flatMap(each -> ProcessHandle.of(each.pid()))
            .filter(Daemons::isDaemon);
        if (process.isPresent()) {
          running.add(new Running(file, process.get(), entry.get().port(), process.get().info().startInstant()));
        } else if (entry.isPresent()) {
          entry.get().removeIfCurrent(file);
        }
      }
    } catch (IOException e) {
      // An unreadable folder holds no daemon this user can reach either.
    }
    return running;
  }

  /**
   * Whether the process runs {@link CommandDaemon}, by its command line in /proc (the JDK's
   * {@code ProcessHandle.Info} leaves out the arguments of a long one, as a class path makes).
   */
  private static boolean isDaemon(ProcessHandle process) {
    try {
      byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
      return process.isAlive() && List.of(new String(commandLine, StandardCharsets.UTF_8).split("\0"))
          .contains(CommandDaemon.class.getName());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Stops the daemon as a terminal's kill would (a command it runs ends as a killed JVM's), and
   * waits up to {@code wait} for it to end; whether it did.
   */
  public static boolean stop(Running daemon, Duration wait) {
    daemon.process().destroy();
    try {
      daemon.process().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return !daemon.process().isAlive();
    }
  }
}
