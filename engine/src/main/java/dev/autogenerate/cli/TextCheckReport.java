package dev.autogenerate.cli;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.project.Project;
import java.io.PrintWriter;

/** {@code check}'s report for a person: the lines it has always printed. */
final class TextCheckReport {

  private TextCheckReport() {}

  static void write(CheckOutcome outcome, PrintWriter out) {
    if (outcome.notUpToDate().isPresent()) {
      out.println("Differences: " + outcome.notUpToDate().get() + ".");
      return;
    }
    if (outcome.unplannable().isPresent()) {
      out.println("Differences: the database does not match the entities, and no migration can be written for it as"
          + " things stand: " + outcome.unplannable().get());
      return;
    }
    MigrationPlan plan = outcome.plan();
    plan.notices().forEach(notice -> out.println("note: " + notice));
    if (!outcome.differs()) {
      out.println("OK: the database is at the newest migration and matches the entities.");
      return;
    }
    if (plan.isEmpty() && plan.warnings().isEmpty()) {
      out.println("Differences (--strict): the notes above.");
      return;
    }
    if (plan.isEmpty()) {
      // Warnings alone (a database never adopted): each says its own fix, which is not a migration.
      out.println("Differences: nothing for a migration to change, but:");
      plan.warnings().forEach(warning -> out.println("warning: " + warning));
      return;
    }
    out.println("Differences: the database does not match the entities:");
    for (Change step : plan.upgradeChanges()) {
      String reason = oneLine(step.reason(), plan);
      out.println("  " + step.operation().describe() + (reason.isEmpty() ? "" : "  (" + reason + ")"));
    }
    outcome.risks().forEach(risk -> out.println("warning: " + risk.warning()));
    plan.warnings().forEach(warning -> out.println("warning: " + warning));
    // Before a baseline -m refuses (found adopting a database): the advice is the baseline's.
    out.println(Project.needsBaselineFirst(plan)
        ? "Run autogenerate baseline -m \"adopt the existing schema\" first, as the warning says; then -m for the rest."
        : "Run autogenerate -m \"message\" to write a migration for them.");
  }

  /**
   * A step's reason on its line: the lines a migration file writes above the step, joined, without
   * those the report prints as warnings below (a drop and an add that look like a rename).
   */
  private static String oneLine(String reason, MigrationPlan plan) {
    if (reason == null) {
      return "";
    }
    return String.join("; ", reason.lines().filter(line -> !plan.warnings().contains(line)).toList());
  }
}
