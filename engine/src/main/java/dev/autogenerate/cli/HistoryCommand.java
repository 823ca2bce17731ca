package dev.autogenerate.cli;

import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.runtime.VersionTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"Lists the revisions, newest first, with their parents. Needs no database, except with --verbose.",
        "A migration that does not compile is warned about, and listed from its @Revision."})
final class HistoryCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Option(names = {"-v", "--verbose"},
      description = "One block per revision (parents, children, creation time, file, message), the revisions"
          + " the database is at marked (current).")
  boolean verbose;

  @Override
  public Integer call() {
    Project project = root.project();
    RevisionHistory history = project.readableHistory(root.warnings());
    PrintWriter out = root.out();
    if (history.isEmpty()) {
      out.println(project.noMigrationsYet());
      return AutogenerateCli.OK;
    }
    Set<String> current = verbose ? current(project) : Set.of();
    for (String head : current) {
      if (history.find(head).isEmpty()) {
        // Nothing below would be marked current: say why, as current does.
        root.warnings().accept("the database is at revision " + head + ", which no migration here defines: restore"
            + " that migration, or check out the branch that has it");
      }
    }
    // The lines go out in one write: the output flushes at each line, which a long history pays 200 times.
    StringBuilder lines = new StringBuilder();
    for (MigrationScript script : history.newestFirst()) {
      if (verbose) {
        block(out, history, script, current.contains(script.id()));
      } else {
        lines.append(parents(script)).append(" -> ").append(script.id()).append(markers(history, script))
            .append(", ").append(script.message()).append("  [")
            .append(RevisionCommand.displayPath(root, Path.of(script.origin()))).append(']').append(System.lineSeparator());
      }
    }
    out.print(lines);
    out.flush();
    return AutogenerateCli.OK;
  }

  private void block(PrintWriter out, RevisionHistory history, MigrationScript script, boolean current) {
    out.println("Rev: " + script.id() + markers(history, script) + (current ? " (current)" : ""));
    out.println("Parents: " + parents(script));
    List<MigrationScript> children = history.children(script.id());
    if (!children.isEmpty()) {
      out.println("Children: " + String.join(", ", children.stream().map(MigrationScript::id).toList()));
    }
    if (!script.created().isBlank()) {
      out.println("Created: " + script.created());
    }
    out.println("Path: " + RevisionCommand.displayPath(root, Path.of(script.origin())));
    script.message().lines().forEach(line -> out.println("    " + line));
    out.println();
  }

  /** The database's heads; the listing goes on without them (and says so) when it cannot be read. */
  private Set<String> current(Project project) {
    try (Connection connection = project.connect()) {
      return Set.copyOf(VersionTable.heads(connection));
    } catch (UserError | SQLException e) {
      root.warnings().accept("cannot tell which revisions are current: " + UserError.firstLine(e.getMessage()));
      return Set.of();
    }
  }

  static String parents(MigrationScript script) {
    return script.parents().isEmpty() ? RevisionHistory.BASE : String.join(", ", script.parents());
  }

  /** {@code (head)}, {@code (branchpoint)}, {@code (mergepoint)}, {@code (does not compile)}, as they apply. */
  static String markers(RevisionHistory history, MigrationScript script) {
    int children = history.children(script.id()).size();
    return (children == 0 ? " (head)" : "")
        + (children > 1 ? " (branchpoint)" : "")
        + (script.isMerge() ? " (mergepoint)" : "")
        + (script.compiled() ? "" : " (does not compile)");
  }
}
