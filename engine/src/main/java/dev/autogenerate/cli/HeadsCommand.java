package dev.autogenerate.cli;

import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", mixinStandardHelpOptions = true,
    description = {"Lists the head revisions: those no revision revises. Needs no database.",
        "More than one means the history branched: join them with merge -m, or apply them all with upgrade heads."})
final class HeadsCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Override
  public Integer call() {
    RevisionHistory history = root.project().readableHistory(root.warnings());
    if (history.isEmpty()) {
      root.out().println(root.project().noMigrationsYet());
    }
    for (MigrationScript head : history.heads()) {
      root.out().println(head.label() + HistoryCommand.markers(history, head)
          + "  [" + RevisionCommand.displayPath(root, Path.of(head.origin())) + "]");
    }
    return AutogenerateCli.OK;
  }
}
