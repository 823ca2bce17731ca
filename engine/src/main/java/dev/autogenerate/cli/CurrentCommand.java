package dev.autogenerate.cli;

import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.VersionTable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", mixinStandardHelpOptions = true,
    description = {"Shows the revision the database is at: one line per head it is at, or base.",
        "A migration that does not compile is warned about, not fatal."})
final class CurrentCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Override
  public Integer call() throws Exception {
    Project project = root.project();
    // What is wrong with the migrations is said first; the connection opens meanwhile.
    return project.readableHistoryWhileConnecting(root.warnings(), both -> {
      RevisionHistory history = both.history();
      List<String> heads = VersionTable.heads(both.connection());
      if (heads.isEmpty()) {
        root.out().println(RevisionHistory.BASE);
      }
      List<String> historyHeads = history.heads().stream().map(MigrationScript::id).toList();
      for (String head : heads) {
        Optional<MigrationScript> script = history.find(head);
        root.out().println(script.isEmpty()
            ? head + " (no migration defines it: restore it, or check the migrations directory)"
            : script.get().label() + (historyHeads.contains(head) ? " (head)" : ""));
      }
      return AutogenerateCli.OK;
    });
  }
}
