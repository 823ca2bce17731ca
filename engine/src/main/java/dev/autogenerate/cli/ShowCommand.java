package dev.autogenerate.cli;

import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Shows one revision: its id, parents, message, file, and the operations of its upgrade and downgrade."
        + " Needs no database.")
final class ShowCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Parameters(index = "0", paramLabel = "REV", description = "head, or a revision id (prefix).")
  String revision;

  @Override
  public Integer call() {
    RevisionHistory history = root.project().readableHistory(root.warnings());
    MigrationScript script = history.resolveRevision(revision);
    // Everything is gathered before printing: a revision that does not compile fails in one line.
    List<String> lines = new ArrayList<>();
    lines.add("Revision: " + script.id() + HistoryCommand.markers(history, script));
    lines.add("Parents: " + HistoryCommand.parents(script));
    List<MigrationScript> children = history.children(script.id());
    lines.add("Children: " + (children.isEmpty() ? "none" : RevisionHistory.labels(children)));
    lines.add("Message: " + script.message());
    if (!script.created().isBlank()) {
      lines.add("Created: " + script.created());
    }
    lines.add("File: " + RevisionCommand.displayPath(root, Path.of(script.origin())));
    operations(lines, "Upgrade:", script.upgradeOperations());
    operations(lines, "Downgrade:", script.downgradeOperations());
    lines.forEach(root.out()::println);
    return AutogenerateCli.OK;
  }

  private static void operations(List<String> lines, String heading, List<Operation> operations) {
    lines.add(heading);
    if (operations.isEmpty()) {
      lines.add("  (nothing)");
    }
    operations.forEach(operation -> lines.add("  " + operation.describe()));
  }
}
