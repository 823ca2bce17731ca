package dev.autogenerate.project;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work started on a thread of its own while the caller does something else that the work does
 * not need, its result asked for when both are done: two fixed costs of one phase, paid at once
 * on two cores. The result is the caller's only inside its try block: closing waits for work
 * under way and closes what it made, whether or not the caller took it (the caller may fail
 * first), so nothing it made outlives the block, and neither does its thread. Work begun on a
 * guess that proved wrong is {@linkplain #abandon abandoned} instead: not waited for, closed by
 * its thread.
 */
final class Overlapped<T extends AutoCloseable> implements Supplier<T>, AutoCloseable {

  private final FutureTask<T> task;
  /** Set by whoever begins the work (its thread, or the caller), or by closing before anyone did. */
  private final AtomicBoolean claimed = new AtomicBoolean();
  /** Set once the result is closed, by the caller or, for abandoned work, by the thread. */
  private final AtomicBoolean resultClosed = new AtomicBoolean();
  private volatile boolean abandoned;

  private Overlapped(Callable<T> work) {
    this.task = new FutureTask<>(work);
  }

  static <T extends AutoCloseable> Overlapped<T> start(String threadName, Callable<T> work) {
    Overlapped<T> overlapped = new Overlapped<>(work);
    Thread thread = new Thread(overlapped::runOnThread, threadName);
    thread.setDaemon(true);
    thread.start();
    return overlapped;
  }

  /**
   * The work's result; the caller does the work itself when the thread has not begun it yet (a
   * busy machine), rather than wait for it to be scheduled.
   *
   * @throws RuntimeException the work's own, when it failed
   */
  @Override
  public T get() {
    runIfUnclaimed();
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + task, e);
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
    if (claimed.compareAndSet(false, true)) {
      // Nobody began the work: it never will (cancelled, so that no get waits for it), and there is nothing to close.
      task.cancel(false);
      return;
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          task.get();
          closeResult();
          return;
        } catch (InterruptedException e) {
          // Closing must not be cut short: what the work made would stay open.
          interrupted = true;
        } catch (ExecutionException | RuntimeException e) {
          // The work failed (the caller was told through get), or was never begun: nothing to release.
          return;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Gives the work up without waiting for it: work not begun never runs, work under way is
   * closed by its thread when done, work done is closed now. For work begun on a guess that
   * proved wrong; the caller must not use its result.
   */
  void abandon() {
    abandoned = true;
    if (claimed.compareAndSet(false, true)) {
      task.cancel(false);
      return;
    }
    if (task.isDone()) {
      closeResult();
    }
  }

  private void runOnThread() {
    runIfUnclaimed();
    if (abandoned) {
      closeResult();
    }
  }

  private void runIfUnclaimed() {
    if (claimed.compareAndSet(false, true)) {
      task.run();
    }
  }

  /** Closes the result once, whoever gets here first; a failed work has none. */
  private void closeResult() {
    if (!task.isDone() || !resultClosed.compareAndSet(false, true)) {
      return;
    }
    try {
      task.get().close();
    } catch (Exception e) {
      // The work failed, or its result failed to close: nothing left to release.
    }
  }
}
