package dev.autogenerate.runtime;

import java.util.List;
import java.util.Set;

/**
 * Where a database is in the history: every revision it has applied, and the heads among them
 * (those no applied revision revises), which are the rows of its version table. Linear histories
 * have one head, or none at base; a database upgraded along two branches has two.
 *
 * <p>Made by {@link RevisionHistory#appliedAt} and {@link RevisionHistory#appliedExactly}, which
 * keep the set closed under parents: a revision is applied only with all its ancestors.
 *
 * @param heads the applied revisions nothing applied revises, in history order
 * @param ids every applied revision
 */
public record AppliedRevisions(List<String> heads, Set<String> ids) {

  public AppliedRevisions {
    heads = List.copyOf(heads);
    ids = Set.copyOf(ids);
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  /** Nothing applied. */
  public boolean isBase() {
    return ids.isEmpty();
  }

  /** Whether a revision starts where the database is: all its parents applied, itself not. */
  public boolean canApply(MigrationScript script) {
    return !ids.contains(script.id()) && ids.containsAll(script.parents());
  }

  /** Whether a revision can be reverted: it is applied and nothing applied revises it. */
  public boolean canRevert(MigrationScript script) {
    return heads.contains(script.id());
  }
}
