package dev.autogenerate.compare;

import java.time.Duration;
import java.util.Optional;

/**
 * Which forms the generator writes so that a migration keeps a busy PostgreSQL table available
 * ({@link LockSafeRevisions}). SQLite runs the same operations as their ordinary forms.
 *
 * @param concurrentIndexes a new index on a table that has rows is built {@code concurrently}, in
 *     a revision of its own
 * @param validatedConstraints a new foreign key or check on a table that has rows is added
 *     {@code not valid} and validated in the next revision; NOT NULL on such a column goes through
 *     a validated check
 * @param lockTimeout how long each statement of a generated revision waits for a lock before the
 *     revision fails and rolls back; empty for no limit
 */
public record LockSafety(boolean concurrentIndexes, boolean validatedConstraints, Optional<Duration> lockTimeout) {

  public static final LockSafety NONE = new LockSafety(false, false, Optional.empty());

  /** Whether it changes anything the generator writes. */
  public boolean any() {
    return concurrentIndexes || validatedConstraints || lockTimeout.isPresent();
  }
}
