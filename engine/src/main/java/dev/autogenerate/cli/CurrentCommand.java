package dev.autogenerate.cli;

import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.VersionTable;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", mixinStandardHelpOptions = true, description = "Shows the revision the database is at.")
final class CurrentCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Override
  public Integer call() throws Exception {
    Project project = root.project();
    try (Connection connection = project.connect()) {
      RevisionHistory history = project.history();
      String current = VersionTable.current(connection);
      int position = history.position(current);
      String head = current != null && current.equals(history.head()) ? " (head)" : "";
      root.out().println(history.describePosition(position) + head);
    }
    return AutogenerateCli.OK;
  }
}
