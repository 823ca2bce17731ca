package dev.autogenerate.diff;

import dev.autogenerate.codegen.MigrationStep;
import java.util.List;

/**
 * What the diff proposes: the steps that bring the database to the entities, the steps that undo
 * them, and what it noticed but will not do by itself.
 *
 * @param warnings differences the diff found but will not resolve on its own (a changed primary
 *     key on SQLite, a default it cannot compare); {@code check} fails on them
 * @param notices what it leaves alone on purpose (an index only the database has); informational
 */
public record MigrationPlan(
    List<MigrationStep> upgrade, List<MigrationStep> downgrade, List<String> warnings, List<String> notices) {

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
}
