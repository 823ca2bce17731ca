package dev.autogenerate.entities;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Reads ahead, on a thread of its own, what the JDK keeps about each mapped class once asked and
 * Hibernate's binding asks for one class after another: the declared fields and methods, their
 * annotations (parsed from the class file on first request) and the fields' generic types.
 *
 * <p>The binding runs on one thread, and once the database's inspection ends the other core has
 * nothing to do; reading ahead moves that part of the binding there (at 1,000 entities the
 * binding took about 70 ms less, 12 alternating runs on PostgreSQL and on SQLite). The JDK's
 * reflection caches are safe to fill from two threads, and what either thread asks for first is
 * what both get: the model read is the same.
 */
final class ReflectionReadAhead implements AutoCloseable {

  private final List<Class<?>> classes;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean stopped;
  private boolean threadStarted;

  private ReflectionReadAhead(List<Class<?>> classes) {
    this.classes = classes;
  }

  /**
   * The fewest classes worth a thread: at 10 entities the binding is over before the reading
   * ahead could help, and the thread took the second core from Hibernate's boot and the
   * inspection (a check after an entity edit 7-17 ms slower, 16-20 alternating pairs on each
   * database); at 200 it was within the noise either way, at 1,000 the binding's 70 ms gain.
   */
  static final int FEWEST_CLASSES = 100;

  /**
   * Starts reading ahead, unless the classes are too few to gain from it or there is no other
   * core to read on. Close it when the binding ends.
   */
  static ReflectionReadAhead start(Collection<Class<?>> classes) {
    return start(classes, FEWEST_CLASSES);
  }

  /** The same, from {@code fewest} classes on; for tests. */
  static ReflectionReadAhead start(Collection<Class<?>> classes, int fewest) {
    ReflectionReadAhead readAhead = new ReflectionReadAhead(List.copyOf(classes));
    if (Runtime.getRuntime().availableProcessors() < 2 || classes.size() < Math.max(2, fewest)) {
      readAhead.ended.countDown();
      return readAhead;
    }
    Thread thread = new Thread(readAhead::read, "autogenerate-reflection-read-ahead");
    thread.setDaemon(true);
    readAhead.threadStarted = true;
    thread.start();
    return readAhead;
  }

  /** Whether a thread reads ahead; for tests. */
  boolean threadStarted() {
    return threadStarted;
  }

  private void read() {
    try {
      for (Class<?> type : classes) {
        if (stopped) {
          return;
        }
        try {
          readClass(type);
        } catch (RuntimeException | LinkageError e) {
          // A field of a type missing from the class path, an annotation that does not parse:
          // the binding meets the same class on its own thread, and says what is wrong with it.
        }
      }
    } finally {
      ended.countDown();
    }
  }

  private static void readClass(Class<?> type) {
    type.getDeclaredAnnotations();
    for (Field field : type.getDeclaredFields()) {
      field.getDeclaredAnnotations();
      field.getGenericType();
    }
    for (Method method : type.getDeclaredMethods()) {
      if (method.getDeclaredAnnotations().length > 0) {
        // An annotated getter: a property Hibernate maps (or a callback), typed by its return type.
        method.getGenericReturnType();
      }
    }
  }

  /** Stops reading ahead: the binding is done, or failed. */
  @Override
  public void close() {
    stopped = true;
  }

  /** Waits until the reading ahead ended, read through or stopped; for tests. */
  void awaitEnd() throws InterruptedException {
    ended.await();
  }
}
