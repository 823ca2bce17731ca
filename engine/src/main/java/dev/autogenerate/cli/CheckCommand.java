package dev.autogenerate.cli;

import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.database.CountedRisk;
import dev.autogenerate.project.EntitySourceLocator;
import dev.autogenerate.project.Groundwork;
import dev.autogenerate.project.Project;
import dev.autogenerate.project.UnplannableDifference;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.VersionTable;
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

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), json (one document for tools) or github (GitHub Actions annotations).")
  CheckFormat format;

  @Override
  public Integer call() throws Exception {
    Project project = root.project();
    CheckOutcome outcome = check(project);
    PrintWriter out = root.out();
    switch (format) {
      case TEXT -> TextCheckReport.write(outcome, out);
      case JSON -> JsonCheckReport.write(outcome, out);
      case GITHUB -> GithubCheckReport.write(outcome, EntitySourceLocator.under(root.workingDirectory()), out);
    }
    out.flush();
    return outcome.exitCode();
  }

  /** Compares, unless the database is not at the newest migration: then that is the difference. */
  private CheckOutcome check(Project project) throws Exception {
    try (Groundwork groundwork = project.groundwork()) {
      Connection connection = groundwork.connection();
      RevisionHistory history = groundwork.history();
      List<String> databaseRevisions = VersionTable.heads(connection);
      List<String> heads = history.heads().stream().map(MigrationScript::id).toList();
      Optional<String> notUpToDate = project.notUpToDate(connection, history);
      if (notUpToDate.isPresent()) {
        return new CheckOutcome(databaseRevisions, heads, notUpToDate, MigrationPlan.empty(), List.of(), strict,
            Optional.empty());
      }
      MigrationPlan plan;
      try {
        plan = project.plan(groundwork, root.renames(renames));
      } catch (UnplannableDifference difference) {
        return new CheckOutcome(databaseRevisions, heads, Optional.empty(), MigrationPlan.empty(), List.of(), strict,
            Optional.of(difference.getMessage()));
      }
      List<CountedRisk> risks = plan.isEmpty() ? List.of() : project.countRisks(connection, plan);
      return new CheckOutcome(databaseRevisions, heads, Optional.empty(), plan, risks, strict, Optional.empty());
    }
  }
}
