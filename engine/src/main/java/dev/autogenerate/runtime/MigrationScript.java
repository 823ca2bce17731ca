package dev.autogenerate.runtime;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.OperationChecksum;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A loaded migration and its place in the history.
 *
 * @param parents the ids of the revisions it revises: none for a first revision, one usually,
 *     two or more for a merge
 * @param origin where it came from, for messages: a source file or a class name
 */
public record MigrationScript(
    String id, List<String> parents, String message, String created, Migration migration, String origin) {

  public MigrationScript {
    parents = List.copyOf(parents);
    if (parents.contains(id)) {
      throw new UserError(origin + " revises itself (" + id + "): set revises to the revision it follows");
    }
    if (new HashSet<>(parents).size() != parents.size()) {
      throw new UserError(origin + " names a parent twice in revises " + parents + ": list each once");
    }
  }

  /** Reads the {@link Revision} annotation of a migration instance. */
  public static MigrationScript of(Migration migration, String origin) {
    Revision revision = migration.getClass().getAnnotation(Revision.class);
    if (revision == null) {
      throw new UserError(origin + " implements Migration but has no @Revision annotation: add one with its id");
    }
    // revises = "" was how a first revision could say it has no parent: blank means none.
    List<String> parents = Arrays.stream(revision.revises()).filter(parent -> !parent.isBlank()).toList();
    return new MigrationScript(revision.id(), parents, revision.message(), revision.created(), migration, origin);
  }

  /**
   * A revision whose source does not compile, placed in the history from its annotation as
   * written, so that {@code current}, {@code history} and {@code heads} still answer; asking for
   * its operations fails with {@code problem}.
   */
  static MigrationScript uncompiled(String id, List<String> parents, String message, String created, String origin,
      String problem) {
    return new MigrationScript(id, parents, message, created, new UncompiledMigration(problem), origin);
  }

  /** False for a revision read from a source that does not compile: it has no operations to give. */
  public boolean compiled() {
    return !(migration instanceof UncompiledMigration);
  }

  /** Whether this revision joins branches. */
  public boolean isMerge() {
    return parents.size() > 1;
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
    } catch (UserError e) {
      throw e;
    } catch (RuntimeException e) {
      // Where in the file: javac's helpful message names a local by its slot ("<local2>" is null).
      throw new UserError("migration " + origin + " failed while listing its operations" + lineIn(e) + ": "
          + e.getMessage(), e);
    } catch (LinkageError e) {
      // A class it uses is gone or changed since it compiled (NoClassDefFoundError, NoSuchMethodError).
      throw new UserError("migration " + origin + " uses a class it cannot link (" + e + "): rebuild the classes it"
          + " uses, or delete the cache folder (~/.cache/autogenerate) if it was compiled against an older build", e);
    }
    return operations.recorded();
  }

  /** The line of the migration's own source the error came from, as " at M2026_x.java:42", if known. */
  private String lineIn(Throwable error) {
    for (StackTraceElement frame : error.getStackTrace()) {
      if (frame.getClassName().startsWith(migration.getClass().getName()) && frame.getLineNumber() > 0) {
        return " at " + frame.getFileName() + ":" + frame.getLineNumber();
      }
    }
    return "";
  }

  /**
   * A fingerprint of what the revision does: the operations its upgrade records in their
   * canonical form ({@link OperationChecksum}), not its source text, so reformatting or comments
   * do not count as an edit, and neither does a release that renames a record component. A
   * migration from the {@link CompiledHistoryCache} may carry it, computed when its classes were
   * kept, when nothing but its bytes and the tool decide its operations.
   */
  /**
   * The checksum a database records for this revision: always of its operations as they come out
   * now, never one kept with its compiled classes, so that what a database records is its own truth.
   */
  public String recordedChecksum() {
    return OperationChecksum.of(upgradeOperations());
  }

  public String checksum() {
    String kept = keptChecksum();
    return kept.isEmpty() ? OperationChecksum.of(upgradeOperations()) : kept;
  }

  /**
   * Whether a checksum recorded when this revision was applied still describes it; checksums
   * recorded by earlier releases, in their older form, are understood too. A kept checksum
   * only ever confirms: one that differs is checked against the operations themselves.
   */
  public boolean matchesChecksum(String recorded) {
    String kept = keptChecksum();
    return (!kept.isEmpty() && kept.equals(recorded)) || OperationChecksum.matches(recorded, upgradeOperations());
  }

  /**
   * What alone decides this revision's operations, when the cache can tell (its classes reach only
   * the migration API, see {@code SelfContainedClasses}): its source's text, class path and tool
   * version, and its class. Empty otherwise. The same identity records the same operations.
   */
  public Optional<String> identity() {
    String identity = migration instanceof DeferredMigration deferred ? deferred.identity() : "";
    return identity.isEmpty() ? Optional.empty() : Optional.of(identity);
  }

  private String keptChecksum() {
    return migration instanceof DeferredMigration deferred ? deferred.upgradeChecksum() : "";
  }

  /** {@code 3f2a9c1b7d4e (add age column)}. */
  public String label() {
    return message == null || message.isBlank() ? id : id + " (" + message + ")";
  }
}
