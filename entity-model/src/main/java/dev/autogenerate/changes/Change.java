package dev.autogenerate.changes;

import dev.autogenerate.operations.Operation;
import java.util.Objects;

/**
 * One step of a migration: the operation, and why it is there, for the reviewer. The diff emits
 * changes, a {@link CompareHook} may drop or adjust them, and the writer renders each as one
 * statement with its reason as a {@code //} comment right above it.
 *
 * @param operation what the step does
 * @param reason a short note such as {@code "users.age: type integer -> bigint"}; null (or blank)
 *     for none. Several lines become several comment lines.
 */
public record Change(Operation operation, String reason) {

  public Change {
    Objects.requireNonNull(operation, "operation");
    reason = reason == null || reason.isBlank() ? null : reason;
  }

  /** A change that needs no explanation. */
  public static Change of(Operation operation) {
    return new Change(operation, null);
  }

  /** A change with a note for the reviewer. */
  public static Change of(Operation operation, String reason) {
    return new Change(operation, reason);
  }

  /** This change doing {@code other} instead, for the same reason. */
  public Change withOperation(Operation other) {
    return new Change(other, reason);
  }
}
