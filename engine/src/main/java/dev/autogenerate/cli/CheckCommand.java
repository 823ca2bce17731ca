package dev.autogenerate.cli;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.RevisionHistory;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Exits 0 when the database is at the newest migration and matches the entities,",
        "1 when they differ (and prints how), 2 on error. Meant for CI."})
final class CheckCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Option(names = "--strict", description = "Also fail on what is only noted (an index only the database has).")
  boolean strict;

  @Option(names = "--rename", paramLabel = "OLD=NEW",
      description = {"A renamed column (users.nickname=display_name) or table (users=people), compared",
          "as renamed, as @RenamedFrom does. Repeatable."})
  List<String> renames = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Project project = root.project();
    PrintWriter out = root.out();
    try (Connection connection = project.connect()) {
      RevisionHistory history = project.history();
      Optional<String> notUpToDate = project.notUpToDate(connection, history);
      if (notUpToDate.isPresent()) {
        out.println("Differences: " + notUpToDate.get() + ".");
        return AutogenerateCli.DIFFERENCES;
      }
      MigrationPlan plan = project.plan(connection, history, root.renames(renames));
      plan.notices().forEach(notice -> out.println("note: " + notice));
      if (plan.isEmpty() && plan.warnings().isEmpty() && (!strict || plan.notices().isEmpty())) {
        out.println("OK: the database is at the newest migration and matches the entities.");
        return AutogenerateCli.OK;
      }
      if (plan.isEmpty() && plan.warnings().isEmpty()) {
        out.println("Differences (--strict): the notes above.");
        return AutogenerateCli.DIFFERENCES;
      }
      out.println("Differences: the database does not match the entities:");
      for (Change step : plan.upgradeChanges()) {
        out.println("  " + step.operation().describe() + (step.reason() == null ? "" : "  (" + step.reason() + ")"));
      }
      project.countRisks(connection, plan).forEach(risk -> out.println("warning: " + risk.warning()));
      plan.warnings().forEach(warning -> out.println("warning: " + warning));
      out.println("Run autogenerate -m \"message\" to write a migration for them.");
      return AutogenerateCli.DIFFERENCES;
    }
  }
}
