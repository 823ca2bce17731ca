package dev.autogenerate.cli;

import dev.autogenerate.project.PhaseTimings;
import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.UnknownRevisionError;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = "Applies migrations up to a target revision, each in its own transaction unless --single-transaction.")
final class UpgradeCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Parameters(index = "0", defaultValue = "head", paramLabel = "TARGET",
      description = "head (default; refused when the history has several heads), heads for every head,"
          + " +N for the next N revisions, or a revision id (prefix) with its ancestors.")
  String target;

  @Option(names = "--sql", description = "Print the SQL instead of running it, without connecting;"
      + " TARGET is then a range (TO from base, or FROM:TO).")
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
      root.out().print(project.offlineScript(serverVersion.major, singleTransaction).upgrade(target));
      root.out().flush();
      return AutogenerateCli.OK;
    }
    try (Connection connection = project.connectCreating()) {
      Migrator migrator = project.migrator(root.out(), singleTransaction);
      List<MigrationScript> applied;
      try {
        applied = PhaseTimings.time("apply", () -> migrator.upgrade(connection, target));
      } catch (UnknownRevisionError e) {
        // A newer release migrated it: the release before's deploy job, run again after a rollback,
        // applies nothing, as its application's start-up does (Flyway ignores such migrations too).
        Optional<String> ahead = target.equals("head") || target.equals("heads")
            ? migrator.aheadOfHistory(connection) : Optional.empty();
        if (ahead.isEmpty()) {
          throw e;
        }
        root.out().println("Nothing to apply: the database is " + ahead.get() + ": a newer release migrated it ("
            + Migrator.OR_FILE_DELETED + ").");
        return AutogenerateCli.OK;
      }
      if (applied.isEmpty()) {
        String current = String.join(", ", migrator.heads(connection));
        root.out().println(target.equals("head") || target.equals("heads") || target.equals(current)
            ? "Already at " + target + "; nothing to apply."
            : "Nothing to apply: " + target + " is applied already (the database is at " + current + ").");
      }
    }
    return AutogenerateCli.OK;
  }
}
