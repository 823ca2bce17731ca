package dev.autogenerate.runtime;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.OperationChecksum;
import java.util.List;
import java.util.function.Consumer;

/**
 * A loaded migration and its place in the history.
 *
 * @param revises the parent revision's id, or null for the first revision
 * @param origin where it came from, for messages: a source file or a class name
 */
public record MigrationScript(
    String id, String revises, String message, String created, Migration migration, String origin) {

  /** Reads the {@link Revision} annotation of a migration instance. */
  public static MigrationScript of(Migration migration, String origin) {
    Revision revision = migration.getClass().getAnnotation(Revision.class);
    if (revision == null) {
      throw new UserError(origin + " implements Migration but has no @Revision annotation: add one with its id");
    }
    String revises = revision.revises().isBlank() ? null : revision.revises();
    return new MigrationScript(revision.id(), revises, revision.message(), revision.created(), migration, origin);
  }

  public List<Operation> upgradeOperations() {
    return record(migration::upgrade);
  }

  public List<Operation> downgradeOperations() {
    return record(migration::downgrade);
  }

  private List<Operation> record(Consumer<Operations> body) {
    Operations operations = new Operations();
    try {
      body.accept(operations);
    } catch (RuntimeException e) {
      throw new UserError("migration " + origin + " failed while listing its operations: " + e.getMessage(), e);
    }
    return operations.recorded();
  }

  /**
   * A fingerprint of what the revision does: the operations its upgrade records in their
   * canonical form ({@link OperationChecksum}), not its source text, so reformatting or comments
   * do not count as an edit, and neither does a release that renames a record component.
   */
  public String checksum() {
    return OperationChecksum.of(upgradeOperations());
  }

  /**
   * Whether a checksum recorded when this revision was applied still describes it; checksums
   * recorded by earlier releases, in their older form, are understood too.
   */
  public boolean matchesChecksum(String recorded) {
    return OperationChecksum.matches(recorded, upgradeOperations());
  }

  /** {@code 3f2a9c1b7d4e (add age column)}. */
  public String label() {
    return message == null || message.isBlank() ? id : id + " (" + message + ")";
  }
}
