package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.ChangeGroup;
import java.util.List;

/**
 * What the comparison proposes: the changes that bring the database to the entities, grouped
 * per subject in an order that works, the changes that undo them, and what it noticed but will
 * not do by itself.
 *
 * @param upgrade the changes, grouped per table (or sequence, or enum type)
 * @param downgrade the changes that undo {@code upgrade}, derived from it, grouped the same way
 * @param warnings differences the comparison found but will not resolve on its own (a changed
 *     primary key it cannot drop, a default it cannot compare); {@code check} fails on them
 * @param notices what it leaves alone on purpose (an index only the database has); informational
 */
public record MigrationPlan(
    List<ChangeGroup> upgrade, List<ChangeGroup> downgrade, List<String> warnings, List<String> notices) {

  public MigrationPlan {
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
    warnings = List.copyOf(warnings);
    notices = List.copyOf(notices);
  }

  public static MigrationPlan empty() {
    return new MigrationPlan(List.of(), List.of(), List.of(), List.of());
  }

  /** True when the database already matches the entities. */
  public boolean isEmpty() {
    return upgrade.isEmpty();
  }

  /** The upgrade's changes, in order. */
  public List<Change> upgradeChanges() {
    return ChangeGroup.changesOf(upgrade);
  }

  /** The downgrade's changes, in order. */
  public List<Change> downgradeChanges() {
    return ChangeGroup.changesOf(downgrade);
  }
}
