package dev.autogenerate.cli;

import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description = "Reverts migrations, newest first, down to a target revision (which stays applied).")
final class DowngradeCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Parameters(index = "0", paramLabel = "TARGET",
      description = "-N to revert the newest N applied revisions (-1 from a merge leaves both its parents),"
          + " base to revert all, or a revision id (prefix): what descends from it is reverted.")
  String target;

  @Option(names = "--sql", description = "Print the SQL instead of running it, without connecting;"
      + " TARGET is then a range FROM:TO.")
  boolean sql;

  @Option(names = "--single-transaction", negatable = true, description = "Run all the revisions in one"
      + " transaction (but those that need one of their own): all of them or none are applied; --no-single-transaction"
      + " commits each on its own, the default. Overrides transaction.mode in the settings.")
  Boolean singleTransaction;

  @Mixin ServerVersionOption serverVersion;

  @Override
  public Integer call() throws Exception {
    serverVersion.requireOffline(sql);
    Project project = root.project();
    project.requireMigrationsFolder();
    if (sql) {
      root.out().print(project.offlineScript(serverVersion.major, singleTransaction).downgrade(target));
      root.out().flush();
      return AutogenerateCli.OK;
    }
    try (Connection connection = project.connect()) {
      Migrator migrator = project.migrator(root.out(), singleTransaction);
      List<MigrationScript> reverted = migrator.downgrade(connection, target);
      if (reverted.isEmpty()) {
        // Where the database is, which at several heads is more than the target names.
        List<String> heads = migrator.heads(connection);
        root.out().println(heads.size() > 1
            ? "Nothing to revert: nothing applied descends from " + target + " (the database is at "
                + String.join(", ", heads) + ")."
            : "Already at " + target + "; nothing to revert.");
      }
    }
    return AutogenerateCli.OK;
  }
}
