package dev.autogenerate.cli;

import dev.autogenerate.changes.Change;
import dev.autogenerate.project.EntitySourceLocator;
import dev.autogenerate.project.SourceLocation;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * {@code check}'s report for GitHub Actions: an {@code ::error} workflow command per difference,
 * placed on the entity field (or class) that maps it where its source can be found, so the pull
 * request shows it beside the line to change; {@code ::warning} for warnings, risky steps and
 * notes. A passing check prints one plain line, which the runner only logs.
 */
final class GithubCheckReport {

  static final String TITLE = "autogenerate check";

  private GithubCheckReport() {}

  static void write(CheckOutcome outcome, EntitySourceLocator sources, PrintWriter out) {
    if (!outcome.differs()) {
      outcome.plan().notices().forEach(notice -> print(out, "warning", Optional.empty(), "note", notice));
      out.println("OK: the database is at the newest migration and matches the entities.");
      return;
    }
    outcome.notUpToDate().ifPresent(reason -> print(out, "error", Optional.empty(), "database not up to date", reason));
    outcome.unplannable().ifPresent(reason -> print(out, "error", Optional.empty(),
        "the database does not match the entities, and no migration can be written for it as things stand", reason));
    for (Change step : outcome.plan().upgradeChanges()) {
      String message = step.operation().describe() + (step.reason() == null ? "" : " (" + step.reason() + ")")
          + ". Run autogenerate -m \"message\" to write a migration for it.";
      print(out, "error", locate(sources, step), "the database does not match the entities", message);
    }
    outcome.risks().forEach(risk -> print(out, "warning", locate(sources, risk.risk().change()), "risky step", risk.warning()));
    outcome.plan().warnings().forEach(warning -> print(out, "warning", Optional.empty(), "warning", warning));
    outcome.plan().notices().forEach(notice -> print(out, "warning", Optional.empty(), "note", notice));
  }

  private static Optional<SourceLocation> locate(EntitySourceLocator sources, Change step) {
    ChangeTarget target = ChangeTarget.of(step.operation());
    return target.subject() == null ? Optional.empty() : sources.locate(target.subject(), target.column());
  }

  private static void print(PrintWriter out, String level, Optional<SourceLocation> location, String what, String message) {
    out.println(new WorkflowCommand(level, location, TITLE + ": " + what, message).line());
  }
}
