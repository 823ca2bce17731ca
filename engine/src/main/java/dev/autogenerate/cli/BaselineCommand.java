package dev.autogenerate.cli;

import dev.autogenerate.project.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
        "Adopts an existing database: writes a first migration that creates its schema as it",
        "is, and records the database as being at it. The next -m holds only what changed.",
        "With migrations, adopts what of the entities the database has and they do not create",
        "(Hibernate's ddl-auto=update): a revision creating it, recorded as applied here."})
final class BaselineCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE", description = "What the revision is.")
  String message;

  @Option(names = "--rev-id", hidden = true, description = "Fixed revision id (for reproducible output).")
  String revisionId;

  @Override
  public Integer call() throws Exception {
    Project project = root.project();
    // Where there are migrations, the baseline adopts what of the entities the database has ahead
    // of them: "as it is" was untrue there (a column is adopted as the entities map it: a user
    // test's varchar had become varchar(255), which the next check then wanted to change).
    boolean first = project.history().isEmpty();
    Project.GeneratedRevision revision = project.baseline(new Project.RevisionRequest(message, revisionId, null), root.out());
    int steps = revision.plan().upgradeChanges().size();
    root.out().println("Wrote " + RevisionCommand.displayPath(root, revision.file().orElseThrow()) + ": " + steps
        + (steps == 1 ? " step" : " steps") + (first ? " creating what the database has, as it is."
            : " creating what of the entities the database has ahead of the migrations."));
    return AutogenerateCli.OK;
  }
}
