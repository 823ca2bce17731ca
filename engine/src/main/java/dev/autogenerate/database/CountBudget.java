package dev.autogenerate.database;

import java.time.Duration;

/**
 * The time a command's row counts may take together: each count gets at most
 * {@link RowCounts#TIME_LIMIT} of what is left, and once it is spent a short slice, enough for a
 * small table, so that one locked table early in a plan does not leave every later step
 * uncounted. Seventeen risky steps on a table another session keeps locked would otherwise take
 * 2 s each before anything ran.
 */
public final class CountBudget {

  /** What the counts of one {@code check}, one {@code -m} or one revision may take together. */
  public static final Duration TOTAL = Duration.ofSeconds(10);

  /** What each count still gets once the total is spent. */
  static final Duration SLICE = Duration.ofMillis(100);

  private final long deadline;

  CountBudget(Duration total) {
    this.deadline = System.nanoTime() + total.toNanos();
  }

  /** A budget of {@link #TOTAL}, starting now. */
  public static CountBudget start() {
    return new CountBudget(TOTAL);
  }

  /** The time the next count may take: what is left, up to the limit of one count, and at least a slice. */
  public Duration next() {
    long left = deadline - System.nanoTime();
    return Duration.ofNanos(Math.max(SLICE.toNanos(), Math.min(left, RowCounts.TIME_LIMIT.toNanos())));
  }
}
