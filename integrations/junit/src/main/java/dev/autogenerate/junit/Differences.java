package dev.autogenerate.junit;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.MigrationPlan;
import java.util.ArrayList;
import java.util.List;

/** A plan's steps as {@code autogenerate check} lists them, one indented line each, for a failure message. */
final class Differences {

  private Differences() {}

  static String render(MigrationPlan plan) {
    List<String> lines = new ArrayList<>();
    for (Change step : plan.upgradeChanges()) {
      lines.add("  " + step.operation().describe() + (step.reason() == null ? "" : "  (" + step.reason() + ")"));
    }
    plan.warnings().forEach(warning -> lines.add("  warning: " + warning));
    plan.notices().forEach(notice -> lines.add("  note: " + notice));
    return String.join("\n", lines);
  }
}
