package dev.autogenerate.cli;

import dev.autogenerate.project.SettingsReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Prints the effective settings and where each came from (a file and its key, an environment",
        "variable, an option, or a default), passwords masked. Needs no database."})
final class ConfigCommand implements Callable<Integer> {

  @ParentCommand AutogenerateCli root;

  @Override
  public Integer call() {
    SettingsReport.lines(root.effectiveSettings()).forEach(root.out()::println);
    return AutogenerateCli.OK;
  }
}
