package dev.autogenerate.project;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work started on a thread of its own while the caller does something else that the work does
 * not need, its result asked for when both are done: two fixed costs of one phase, paid at once
 * on two cores. The result is the caller's only inside its try block: closing waits for the work
 * and closes what it made, whether or not the caller took it (the caller may fail first).
 */
final class Overlapped<T extends AutoCloseable> implements Supplier<T>, AutoCloseable {

  private final FutureTask<T> task;

  private Overlapped(FutureTask<T> task) {
    this.task = task;
  }

  static <T extends AutoCloseable> Overlapped<T> start(String threadName, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, threadName);
    thread.setDaemon(true);
    thread.start();
    return new Overlapped<>(task);
  }

  /**
   * The work's result; the caller does the work itself when the thread has not begun it yet (a
   * busy machine), rather than wait for it to be scheduled.
   *
   * @throws RuntimeException the work's own, when it failed
   */
  @Override
  public T get() {
    task.run();
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while " + Thread.currentThread().getName() + " waited");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (task.cancel(false)) {
      return;
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          task.get().close();
          return;
        } catch (InterruptedException e) {
          // Closing must not be cut short: what the work made would stay open.
          interrupted = true;
        } catch (Exception e) {
          // The work failed (the caller was told through get) or its result failed to close: nothing left to release.
          return;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
