package dev.autogenerate.cli;

import dev.autogenerate.cli.daemon.Daemons;
import dev.autogenerate.runtime.CacheDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = {"Lists (status) or stops (stop) the JVMs kept between commands, which the launcher starts",
        "and uses where AUTOGENERATE_DAEMON=on. Needs no database."})
final class DaemonCommand implements Callable<Integer> {

  /** What it does. */
  enum Action { status, stop }

  @ParentCommand AutogenerateCli root;

  @Parameters(index = "0", paramLabel = "ACTION", description = "status or stop.")
  Action action;

  @Override
  public Integer call() {
    Path folder = CacheDirectory.of("daemons", root.environment());
    List<Daemons.Running> running = Daemons.in(folder);
    if (running.isEmpty()) {
      root.out().println("No daemon runs (from " + folder + ").");
      return AutogenerateCli.OK;
    }
    int failed = 0;
    for (Daemons.Running daemon : running) {
      if (action == Action.status) {
        root.out().println("pid " + daemon.process().pid() + ", port " + daemon.port()
            + daemon.started().map(at -> ", started " + at).orElse("")
            + daemon.lastCommand().map(line -> ", last: " + line).orElse(", no command yet")
            + "  [" + daemon.entryFile() + "]");
      } else if (Daemons.stop(daemon, Duration.ofSeconds(10))) {
        root.out().println("Stopped the daemon pid " + daemon.process().pid() + ".");
      } else {
        root.warnings().accept("the daemon pid " + daemon.process().pid() + " did not stop within 10 s");
        failed++;
      }
    }
    return failed == 0 ? AutogenerateCli.OK : AutogenerateCli.ERROR;
  }
}
