package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.time.Duration;
import java.util.List;

/**
 * How long each statement of the revision waits for a lock before the revision fails and rolls
 * back ({@code set local lock_timeout} on PostgreSQL, for the revision's transaction only). A
 * migration queued behind a long query would otherwise block every query that comes after it on
 * the same table; failing fast and retrying later keeps the table available. It goes first in a
 * revision. SQLite has one writer at a time and no such queue: nothing runs there.
 */
public record LockTimeout(Duration timeout) implements Operation {

  public LockTimeout {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a lock timeout must be positive, not " + timeout);
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    return before;
  }

  /** The downgrade states its own lock timeout, first, as the upgrade does. */
  @Override
  public List<Operation> inverse(Schema before) {
    return List.of();
  }

  @Override
  public String describe() {
    return "lock timeout " + timeout.toMillis() + " ms";
  }

  /** It concerns the transaction, not a table, sequence or type. */
  @Override
  public String subject() {
    return null;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.lockTimeout(this);
  }
}
