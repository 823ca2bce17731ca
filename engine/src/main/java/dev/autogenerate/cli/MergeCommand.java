package dev.autogenerate.cli;

import dev.autogenerate.project.BranchOrders;
import dev.autogenerate.project.BranchOverlap;
import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.RevisionHistory;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
        "Writes a merge: a migration revising the heads (or the revisions named), which joins their branches",
        "into one history again. It has nothing to do unless the branches need reconciling; when both",
        "change the same column or table it says so. Needs no database."})
final class MergeCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Option(names = {"-m", "--message"}, required = true, description = "What the merge is; also names the file.")
  String message;

  @Parameters(paramLabel = "REV", arity = "0..*", description = "Revisions to merge (ids or prefixes); default: every head.")
  List<String> revisions = List.of();

  @Option(names = "--rev-id", hidden = true, description = "Fixed revision id (for reproducible output).")
  String revisionId;

  @Option(names = "--created", hidden = true, description = "Fixed creation time, ISO-8601 (for reproducible output).")
  Instant created;

  @Override
  public Integer call() {
    Project project = root.project();
    Project.Merge merge = project.merge(new Project.RevisionRequest(message, revisionId, created), revisions);
    PrintWriter out = root.out();
    for (BranchOverlap overlap : merge.overlaps()) {
      String both = overlap.subject() + " (" + String.join("; ", overlap.changes()) + ")";
      if (overlap.bothCreate()) {
        // The merge runs after both branches: nothing in it can keep the second from failing.
        out.println("warning: both branches create " + both + ": a database that runs both, as every new one does,"
            + " fails on the second; change one branch's migration so that it no longer creates it (alter it"
            + " instead), then upgrade again");
      } else {
        // A database that had one branch runs the other last, and a new one runs them in history
        // order: where they set it differently, databases end differently (found by a user test).
        out.println("warning: both branches change " + both + ": each database ends as the branch it ran last leaves"
            + " it, which is not the same branch everywhere; where they set it differently, set it as wanted in the"
            + " merge's upgrade(), so that every database ends alike");
      }
    }
    for (BranchOrders order : merge.failingOrders()) {
      out.println("warning: " + order.failure());
    }
    out.println("Wrote " + RevisionCommand.displayPath(root, merge.file()) + ", merging "
        + RevisionHistory.labels(merge.parents()));
    return AutogenerateCli.OK;
  }
}
