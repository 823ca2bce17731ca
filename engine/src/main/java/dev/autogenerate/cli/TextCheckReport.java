package dev.autogenerate.cli;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.MigrationPlan;
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
    out.println("Differences: the database does not match the entities:");
    for (Change step : plan.upgradeChanges()) {
      out.println("  " + step.operation().describe() + (step.reason() == null ? "" : "  (" + step.reason() + ")"));
    }
    outcome.risks().forEach(risk -> out.println("warning: " + risk.warning()));
    plan.warnings().forEach(warning -> out.println("warning: " + warning));
    out.println("Run autogenerate -m \"message\" to write a migration for them.");
  }
}
