package dev.autogenerate.project;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The threads a command runs its phases on. {@link #stop} returns once every one of them has
 * ended, not merely finished its task, so a command run in-process (tests, the Maven plugin)
 * leaves no thread behind.
 */
final class Workers {

  private final List<Thread> threads = new ArrayList<>();
  private final ExecutorService executor;

  Workers(int count) {
    executor = Executors.newFixedThreadPool(count, runnable -> {
      Thread thread = new Thread(runnable, "autogenerate-phase");
      thread.setDaemon(true);
      synchronized (threads) {
        threads.add(thread);
      }
      return thread;
    });
  }

  <T> Future<T> submit(Callable<T> phase) {
    return executor.submit(phase);
  }

  /**
   * Waits for the phases under way, uninterrupted: a phase's last step may be a cache entry being
   * written (the entities' model, after the command has it), which an interrupt would cut short
   * (the file channels give up on one), and none of the phases would stop sooner for one.
   */
  void stop() {
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.MINUTES);
      List<Thread> started;
      synchronized (threads) {
        started = List.copyOf(threads);
      }
      for (Thread thread : started) {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
