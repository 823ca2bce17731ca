package dev.autogenerate.database;

import java.time.Duration;

/**
 * The time a command's row counts may take together: each count gets at most
 * {@link RowCounts#TIME_LIMIT} of what is left, and none once it is spent. Seventeen risky steps on
 * a table another session keeps locked would otherwise take 2 s each before anything ran.
 */
public final class CountBudget {

  /** What the counts of one {@code check}, one {@code -m} or one revision may take together. */
  public static final Duration TOTAL = Duration.ofSeconds(10);

  private final long deadline;

  CountBudget(Duration total) {
    this.deadline = System.nanoTime() + total.toNanos();
  }

  /** A budget of {@link #TOTAL}, starting now. */
  public static CountBudget start() {
    return new CountBudget(TOTAL);
  }

  /** The time the next count may take: zero once the budget is spent, and then nothing is counted. */
  public Duration next() {
    long left = deadline - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(left, RowCounts.TIME_LIMIT.toNanos()));
  }
}
