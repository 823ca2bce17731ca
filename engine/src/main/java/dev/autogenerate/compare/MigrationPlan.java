package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.ChangeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

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
 * @param risks the upgrade's steps that may destroy data or fail on existing rows, in order
 */
public record MigrationPlan(
    List<ChangeGroup> upgrade, List<ChangeGroup> downgrade, List<String> warnings, List<String> notices,
    List<Risk> risks) {

  public MigrationPlan {
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
    warnings = List.copyOf(warnings);
    notices = List.copyOf(notices);
    risks = List.copyOf(risks);
  }

  public static MigrationPlan empty() {
    return new MigrationPlan(List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** True when the database already matches the entities. */
  public boolean isEmpty() {
    return upgrade.isEmpty();
  }

  /**
   * This plan with each upgrade change replaced as {@code notes} says (the same operation, a
   * reason with more to it); the downgrade and everything else stay.
   */
  public MigrationPlan withUpgradeChanges(UnaryOperator<Change> notes) {
    List<Change> changes = upgradeChanges().stream().map(notes).toList();
    return new MigrationPlan(ChangeGroup.consecutive(changes), downgrade, warnings, notices, risks);
  }

  /** This plan with each downgrade change replaced as {@code notes} says; the upgrade and the rest stay. */
  public MigrationPlan withDowngradeChanges(UnaryOperator<Change> notes) {
    List<Change> changes = downgradeChanges().stream().map(notes).toList();
    return new MigrationPlan(upgrade, ChangeGroup.consecutive(changes), warnings, notices, risks);
  }

  /** This plan with one more warning, said with the others. */
  public MigrationPlan withWarning(String warning) {
    List<String> more = new ArrayList<>(warnings);
    more.add(warning);
    return new MigrationPlan(upgrade, downgrade, more, notices, risks);
  }

  /** This plan with one more notice, said with the others. */
  public MigrationPlan withNotice(String notice) {
    List<String> more = new ArrayList<>(notices);
    more.add(notice);
    return new MigrationPlan(upgrade, downgrade, warnings, more, risks);
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
