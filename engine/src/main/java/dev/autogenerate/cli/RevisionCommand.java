package dev.autogenerate.cli;

import dev.autogenerate.changes.Change;
import dev.autogenerate.project.Project;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "revision",
    mixinStandardHelpOptions = true,
    description = {
        "Writes a new migration after the newest one.",
        "With --autogenerate it holds what differs between the entities and the database;",
        "without, it is empty, to be filled in by hand."})
final class RevisionCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Option(names = {"-m", "--message"}, required = true, description = "What the migration does; also names the file.")
  String message;

  @Option(names = "--autogenerate", description = "Fill the migration with what the entities changed.")
  boolean autogenerate;

  @Option(names = "--strict", description = "Write nothing and exit 1 when a step may lose data or fail on rows.")
  boolean strict;

  @Option(names = "--rename", paramLabel = "OLD=NEW",
      description = {"With --autogenerate: a renamed column (users.nickname=display_name) or table",
          "(users=people), renamed keeping its data, as @RenamedFrom does. Repeatable."})
  List<String> renames = new ArrayList<>();

  @Option(names = "--rev-id", hidden = true, description = "Fixed revision id (for reproducible output).")
  String revisionId;

  @Option(names = "--created", hidden = true, description = "Fixed creation time, ISO-8601 (for reproducible output).")
  Instant created;

  @Override
  public Integer call() throws Exception {
    if (autogenerate) {
      return autogenerate(root,
          new Project.RevisionRequest(message, revisionId, created, strict, root.renames(renames)));
    }
    Path file = root.project().emptyRevision(new Project.RevisionRequest(message, revisionId, created));
    root.out().println("Wrote empty migration " + displayPath(root, file));
    return AutogenerateCli.OK;
  }

  /**
   * Writes a migration with what the entities changed, printing each step, each risky step as a
   * warning with its row count, and what was left alone.
   *
   * @return {@link AutogenerateCli#DIFFERENCES} when {@code --strict} stopped it for a risky step
   */
  static int autogenerate(AutogenerateCli root, Project.RevisionRequest request) throws Exception {
    Project project = root.project();
    Project.GeneratedRevision revision = project.autogenerate(request);
    PrintWriter out = root.out();
    // Each file's steps as it takes them (lock-safe forms included), else the plan's.
    List<Change> firstSteps = revision.written().isEmpty()
        ? revision.plan().upgradeChanges() : revision.written().get(0).upgrade();
    printSteps(out, firstSteps);
    revision.risks().forEach(risk -> out.println("warning: " + risk.warning()));
    revision.plan().warnings().forEach(warning -> out.println("warning: " + warning));
    revision.plan().notices().forEach(notice -> out.println("note: " + notice));
    if (!revision.written().isEmpty()) {
      out.println("Wrote " + displayPath(root, revision.written().get(0).file()));
      for (Project.Written followUp : revision.written().subList(1, revision.written().size())) {
        printSteps(out, followUp.upgrade());
        out.println("Wrote " + displayPath(root, followUp.file()) + " (lock-safe: a revision of its own, after the one before)");
      }
      return AutogenerateCli.OK;
    }
    if (revision.plan().isEmpty()) {
      out.println("No changes: the database already matches the entities; no migration written.");
      return AutogenerateCli.OK;
    }
    out.println("Nothing written (--strict): " + revision.risks().size() + " step(s) may lose data or fail on rows;"
        + " change them, or run without --strict and review the warnings in the file.");
    return AutogenerateCli.DIFFERENCES;
  }

  private static void printSteps(PrintWriter out, List<Change> steps) {
    steps.forEach(step -> out.println("  " + step.operation().describe()));
  }

  static String displayPath(AutogenerateCli root, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = root.workingDirectory().toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
  }
}
