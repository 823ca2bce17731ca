package dev.autogenerate.database;

import dev.autogenerate.runtime.UserError;
import java.sql.SQLException;
import java.time.Duration;

/** Tries until it works or the wait runs out, saying once that it waits. */
public final class Waiting {

  /** One try: true when it got what it waits for. */
  @FunctionalInterface
  public interface Attempt {
    boolean succeeded() throws SQLException;
  }

  private static final long PAUSE_MILLIS = 200;

  private Waiting() {}

  /**
   * @param waitingFor what it waits for, as the end of "waiting for ...", also used in the error
   * @param holder says who holds it, when known (called once, when the wait is first reported)
   * @throws UserError when {@code wait.timeout()} passes first
   */
  public static void until(LockWait wait, String waitingFor, Holder holder, Attempt attempt) throws SQLException {
    long start = System.nanoTime();
    boolean said = false;
    while (!attempt.succeeded()) {
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      if (waited.compareTo(wait.timeout()) >= 0) {
        throw new LockWaitTimeout("gave up after " + wait.timeout().toSeconds() + " s waiting for " + waitingFor
            + holder.describe() + ": wait for the other migration to finish, or raise the lock timeout (lock.timeout;"
            + " in Spring Boot, autogenerate.lock-timeout)");
      }
      if (!said && waited.compareTo(LockWait.SAY_AFTER) >= 0) {
        wait.progress().accept("waiting for " + waitingFor + holder.describe() + " (up to "
            + wait.timeout().toSeconds() + " s)");
        said = true;
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted while waiting for " + waitingFor);
      }
    }
  }

  /** Who holds what is waited for, as " (held by ...)", or "" when unknown. */
  @FunctionalInterface
  public interface Holder {
    String describe() throws SQLException;
  }
}
