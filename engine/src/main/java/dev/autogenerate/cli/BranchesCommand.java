package dev.autogenerate.cli;

import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "branches", mixinStandardHelpOptions = true,
    description = "Lists the branch points: revisions more than one revision revises, and those. Needs no database.")
final class BranchesCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Override
  public Integer call() {
    RevisionHistory history = root.project().readableHistory(root.warnings());
    Map<MigrationScript, List<MigrationScript>> branches = history.branches();
    if (branches.isEmpty()) {
      root.out().println("No branch points: the history is one line.");
    }
    branches.forEach((point, children) ->
        root.out().println(point.label() + " -> " + RevisionHistory.labels(children)));
    return AutogenerateCli.OK;
  }
}
