package dev.autogenerate.codegen;

import dev.autogenerate.operations.Operation;
import java.util.Objects;

/**
 * One statement of a generated migration: the operation, and a short note for the reviewer that
 * goes on its own {@code //} line right above it.
 *
 * @param operation the operation to render as {@code op.xxx(...)}
 * @param comment a short note such as {@code "users.age: new field User.age"} or {@code "type
 *     integer -> bigint"}; null (or blank) for none. Several lines become several comment lines.
 */
public record MigrationStep(Operation operation, String comment) {

  public MigrationStep {
    Objects.requireNonNull(operation, "operation");
  }

  /** A step without a comment. */
  public static MigrationStep of(Operation operation) {
    return new MigrationStep(operation, null);
  }

  /** A step with a comment for the reviewer. */
  public static MigrationStep of(Operation operation, String comment) {
    return new MigrationStep(operation, comment);
  }
}
