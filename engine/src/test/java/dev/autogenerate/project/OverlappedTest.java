package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Work done beside the caller's is taken once, and what it made is closed in every case. */
class OverlappedTest {

  /** A result that counts its closings. */
  private static final class Made implements AutoCloseable {
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  /** Work that has begun, and makes {@code made} once {@code release} counts down. */
  private static Overlapped<Made> underWay(Made made, CountDownLatch release) throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    Overlapped<Made> work = Overlapped.start("test-work", () -> {
      running.countDown();
      release.await();
      return made;
    });
    running.await();
    return work;
  }

  @Test
  void theResultIsTakenThenClosedOnce() {
    Made made = new Made();
    try (Overlapped<Made> work = Overlapped.start("test-work", () -> made)) {
      assertSame(made, work.get());
      assertSame(made, work.get());
      assertEquals(0, made.closed.get(), "closed only when the caller is done");
    }
    assertEquals(1, made.closed.get());
  }

  @Test
  void aResultTheCallerNeverTookIsClosedToo() throws Exception {
    Made made = new Made();
    CountDownLatch release = new CountDownLatch(1);
    Overlapped<Made> work = underWay(made, release);
    // The caller failed while the work ran: closing waits for it and closes what it made. The
    // work is let finish only once the caller waits in close (or after a second, had it not waited).
    Thread caller = Thread.currentThread();
    Thread releaser = new Thread(() -> {
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (caller.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      release.countDown();
    });
    releaser.start();
    work.close();
    releaser.join();
    assertEquals(1, made.closed.get());
  }

  @Test
  void abandonedWorkUnderWayIsClosedByItsThreadWithoutTheCallerWaiting() throws Exception {
    Made made = new Made();
    CountDownLatch release = new CountDownLatch(1);
    Overlapped<Made> work = underWay(made, release);
    work.abandon();
    assertEquals(0, made.closed.get(), "still being made");
    release.countDown();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (made.closed.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(1, made.closed.get());
  }

  @Test
  void abandonedWorkDoneIsClosedAtOnceAndOnlyOnce() throws Exception {
    Made made = new Made();
    Overlapped<Made> work = Overlapped.start("test-work", () -> made);
    work.get();
    work.abandon();
    work.abandon();
    assertEquals(1, made.closed.get());
  }

  /** Given up at once, most often before its thread began it: then closing and asking must not wait for it. */
  @Test
  @Timeout(10)
  void workGivenUpAtOnceNeverMakesAnyoneWait() {
    for (int round = 0; round < 20; round++) {
      Made made = new Made();
      Overlapped<Made> work = Overlapped.start("test-work", () -> made);
      work.abandon();
      work.close();
      work.close();
      try {
        work.get();
      } catch (RuntimeException cancelled) {
        // given up before it began
      }
      assertTrue(made.closed.get() <= 1);
    }
  }

  @Test
  void theWorksOwnFailureReachesTheCaller() {
    IllegalArgumentException failure = new IllegalArgumentException("bad setting");
    try (Overlapped<Made> work = Overlapped.start("test-work", () -> {
      throw failure;
    })) {
      assertSame(failure, assertThrows(IllegalArgumentException.class, work::get));
    }
  }

}
