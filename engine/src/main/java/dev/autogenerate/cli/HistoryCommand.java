package dev.autogenerate.cli;

import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists the revisions, newest first. Needs no database.")
final class HistoryCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Override
  public Integer call() {
    RevisionHistory history = root.project().history();
    if (history.isEmpty()) {
      root.out().println("No migrations yet: write one with autogenerate -m \"message\".");
    }
    for (MigrationScript script : history.newestFirst()) {
      String parent = script.revises() == null ? RevisionHistory.BASE : script.revises();
      String head = script.id().equals(history.head()) ? " (head)" : "";
      root.out().println(parent + " -> " + script.id() + head + ", " + script.message()
          + "  [" + RevisionCommand.displayPath(root, java.nio.file.Path.of(script.origin())) + "]");
    }
    return AutogenerateCli.OK;
  }
}
