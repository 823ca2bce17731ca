package dev.autogenerate.project;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How long each phase of a command took, printed to standard error as {@code autogenerate-timing
 * PHASE MILLIS} when the system property {@code autogenerate.timings} is {@code true}: the
 * benchmark reads these lines from the real launcher's output. Off, it costs nothing but a check.
 */
public final class PhaseTimings {

  private static final boolean ENABLED = Boolean.getBoolean("autogenerate.timings");

  private PhaseTimings() {}

  /** Work that may throw {@code E}; {@code RuntimeException} when it throws nothing checked. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /** Runs {@code work}, reporting its duration under {@code phase} (also when it fails). */
  public static <T, E extends Exception> T time(String phase, Work<T, E> work) throws E {
    if (!ENABLED) {
      return work.run();
    }
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      report(phase, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * Reports when {@code main} began, in milliseconds since the epoch: start-up is that less the
   * moment the benchmark started the process (the process's own start time is kept by Linux to
   * the second only).
   */
  public static void mainEntered() {
    if (ENABLED) {
      print("autogenerate-timing-main-at " + System.currentTimeMillis());
    }
  }

  private static void report(String phase, Duration duration) {
    print("autogenerate-timing " + phase + " " + duration.toMillis());
  }

  /**
   * One line on the standard error of the moment: a daemon sets it to its command's launcher's
   * for the command's length ({@code cli.daemon.CommandDaemon}).
   */
  private static void print(String line) {
    PrintStream err = System.err;
    synchronized (err) {
      err.println(line);
    }
  }
}
