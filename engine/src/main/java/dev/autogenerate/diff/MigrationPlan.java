package dev.autogenerate.diff;

import dev.autogenerate.codegen.MigrationStep;
import java.util.List;

/**
 * What the diff proposes: the steps that bring the database to the entities, the steps that undo
 * them, and what it noticed but will not do by itself.
 */
public record MigrationPlan(List<MigrationStep> upgrade, List<MigrationStep> downgrade, List<String> warnings) {

  public MigrationPlan {
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
    warnings = List.copyOf(warnings);
  }

  /** True when the database already matches the entities. */
  public boolean isEmpty() {
    return upgrade.isEmpty();
  }
}
