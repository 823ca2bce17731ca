package dev.autogenerate.database;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How long to wait for another process that is migrating the same database, and where to say
 * that this one is waiting.
 *
 * @param timeout how long to wait before giving up with a user error
 * @param progress receives one line when the wait has lasted a couple of seconds
 */
public record LockWait(Duration timeout, Consumer<String> progress) {

  /** Ten minutes: a rolling deploy's other instances wait for a long migration, not forever. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /** When to say so: long enough that an uncontended run never prints it. */
  static final Duration SAY_AFTER = Duration.ofSeconds(2);

  public static LockWait defaults(Consumer<String> progress) {
    return new LockWait(DEFAULT_TIMEOUT, progress);
  }
}
