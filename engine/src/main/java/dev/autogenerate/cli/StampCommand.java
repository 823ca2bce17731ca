package dev.autogenerate.cli;

import dev.autogenerate.project.Project;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "stamp",
    mixinStandardHelpOptions = true,
    description = {
        "Records the database as being at a revision without running any migration:",
        "for a database whose schema is already there, or to accept an edited migration."})
final class StampCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Parameters(index = "0", paramLabel = "TARGET", description = "head, heads, base, a revision id (prefix), or several joined by commas for a database"
      + " at several heads.")
  String target;

  @Option(names = "--sql", description = "Print the SQL instead of running it, without connecting; TARGET is then"
      + " TO (from base, a database never migrated) or a range FROM:TO.")
  boolean sql;

  @Mixin ServerVersionOption serverVersion;

  @Override
  public Integer call() throws Exception {
    serverVersion.requireOffline(sql);
    Project project = root.project();
    if (sql) {
      root.out().print(project.offlineScript(serverVersion.major, false).stamp(target));
      root.out().flush();
      return AutogenerateCli.OK;
    }
    try (Connection connection = project.connect()) {
      project.migrator(root.out(), null).stamp(connection, target);
    }
    return AutogenerateCli.OK;
  }
}
