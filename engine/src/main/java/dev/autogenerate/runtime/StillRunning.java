package dev.autogenerate.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Says that a statement is still running when it takes long: an index built on a big table, a
 * data update over millions of rows. Without it a CI log shows "Applying ..." and then nothing for
 * many minutes, and the person watching cannot tell a slow step from a hung one.
 *
 * @param first how long a statement runs before the first line
 * @param every how often the line repeats after that
 */
record StillRunning(Duration first, Duration every) {

  static final StillRunning DEFAULT = new StillRunning(Duration.ofSeconds(10), Duration.ofSeconds(30));

  /**
   * One timer thread for every migrator of the JVM, started on the first long statement and gone
   * a second after the last: an application that migrated at start-up keeps no idle thread.
   */
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  /** A running statement's notice, cancelled when the statement ends. */
  interface Notice extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Starts the notice for {@code sql}, reporting to {@code progress}; close it when the statement
   * ends. No line comes after the close returns: cancelling alone leaves a line being made as the
   * statement ended to be printed after it, after the revision's "Applied" even.
   *
   * @param waitsFor what the statement waits for, asked at each line ("" for nothing known)
   */
  Notice watch(String sql, Consumer<String> progress, Supplier<String> waitsFor) {
    long start = System.nanoTime();
    String statement = UserError.firstLine(sql);
    StatementNotice notice = new StatementNotice(progress);
    notice.ticks = TIMER.scheduleAtFixedRate(
        () -> {
          String line = "  still running after " + elapsedSeconds(start) + " s: " + statement;
          notice.say(line + waitsFor.get());
        },
        first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return notice;
  }

  /** One statement's notice: a line is said whole before it ends, or not at all. */
  private static final class StatementNotice implements Notice {

    private final Consumer<String> progress;
    private volatile ScheduledFuture<?> ticks;
    private boolean ended;

    StatementNotice(Consumer<String> progress) {
      this.progress = progress;
    }

    synchronized void say(String line) {
      if (!ended) {
        progress.accept(line);
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        ended = true;
      }
      ticks.cancel(false);
    }
  }

  private static long elapsedSeconds(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toSeconds();
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "autogenerate-still-running");
      thread.setDaemon(true);
      return thread;
    });
    timer.setKeepAliveTime(1, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
