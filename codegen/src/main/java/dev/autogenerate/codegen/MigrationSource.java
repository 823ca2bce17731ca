package dev.autogenerate.codegen;

import dev.autogenerate.changes.Change;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * Everything a generated migration file states: where the class goes, its place in the revision
 * history, and the steps of its {@code upgrade} and {@code downgrade}.
 *
 * @param packageName the migrations package, such as {@code com.example.app.migrations}; empty for
 *     the unnamed package
 * @param className the class's simple name, usually {@link MigrationNames#className}
 * @param revisionId this revision's id, usually {@link RevisionIds#random()}
 * @param revises the ids of the revisions this one follows: one for an ordinary revision, two or
 *     more for a merge, none (null or empty, normalized to empty) for the first revision
 * @param message what the revision does, as given to {@code -m}; null is normalized to empty
 * @param created when the revision was generated; rendered in UTC to the second
 * @param upgrade the changes of {@code upgrade(op)}, in order; null is normalized to empty
 * @param downgrade the changes of {@code downgrade(op)}, in order; null is normalized to empty
 */
public record MigrationSource(
    String packageName,
    String className,
    String revisionId,
    List<String> revises,
    String message,
    Instant created,
    List<Change> upgrade,
    List<Change> downgrade) {

  public MigrationSource {
    packageName = packageName == null ? "" : packageName;
    if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("not a valid Java package name: '" + packageName + "'");
    }
    Objects.requireNonNull(className, "className");
    if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
      throw new IllegalArgumentException("not a valid Java class name: '" + className + "'");
    }
    if (revisionId == null || revisionId.isBlank()) {
      throw new IllegalArgumentException("a revision needs an id");
    }
    revises = revises == null ? List.of() : List.copyOf(revises);
    if (revises.contains(revisionId)) {
      throw new IllegalArgumentException("revision " + revisionId + " cannot revise itself");
    }
    if (revises.stream().anyMatch(String::isBlank) || revises.stream().distinct().count() != revises.size()) {
      throw new IllegalArgumentException("a revision's parents must be distinct ids, not " + revises);
    }
    message = message == null ? "" : message;
    Objects.requireNonNull(created, "created");
    upgrade = upgrade == null ? List.of() : List.copyOf(upgrade);
    downgrade = downgrade == null ? List.of() : List.copyOf(downgrade);
  }

  /** Whether this revision joins branches: it revises more than one revision. */
  public boolean isMerge() {
    return revises.size() > 1;
  }

  /** Whether this is the first revision of the history. */
  public boolean isFirstRevision() {
    return revises.isEmpty();
  }
}
