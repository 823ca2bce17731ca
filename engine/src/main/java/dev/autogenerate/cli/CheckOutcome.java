package dev.autogenerate.cli;

import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.database.CountedRisk;
import java.util.List;
import java.util.Optional;

/**
 * What {@code check} found, before it is written in any format, so that each format reports the
 * same facts and the exit code is decided once.
 *
 * @param databaseRevisions the revisions the database is at (none at base)
 * @param migrationHeads the newest revisions of the migrations
 * @param notUpToDate why the database is not at the newest migration as written, if it is not;
 *     then the entities were not compared, and {@code plan} is empty
 * @param plan what it takes to bring the database to the entities
 * @param risks the plan's risky steps with their row counts
 * @param strict whether notes fail the check too
 * @param unplannable why no migration can be written for how the entities differ, when none can
 *     (a view reads a column they drop); then {@code plan} is empty
 */
record CheckOutcome(List<String> databaseRevisions, List<String> migrationHeads, Optional<String> notUpToDate,
    MigrationPlan plan, List<CountedRisk> risks, boolean strict, Optional<String> unplannable) {

  CheckOutcome {
    databaseRevisions = List.copyOf(databaseRevisions);
    migrationHeads = List.copyOf(migrationHeads);
    risks = List.copyOf(risks);
  }

  /**
   * True when the check fails: an older or edited database, a difference (one no migration can be
   * written for too), a warning, or (strict) a note.
   */
  boolean differs() {
    return notUpToDate.isPresent() || unplannable.isPresent() || !plan.isEmpty() || !plan.warnings().isEmpty()
        || (strict && !plan.notices().isEmpty());
  }

  int exitCode() {
    return differs() ? AutogenerateCli.DIFFERENCES : AutogenerateCli.OK;
  }
}
