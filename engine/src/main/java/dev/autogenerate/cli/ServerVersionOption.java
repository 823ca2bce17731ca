package dev.autogenerate.cli;

import dev.autogenerate.runtime.UserError;
import picocli.CommandLine.Option;

/**
 * The server an offline script is for, where its SQL depends on the version: without a connection
 * nothing else can tell.
 */
final class ServerVersionOption {

  @Option(names = "--server-version", paramLabel = "MAJOR",
      description = "With --sql: the major version of the server the script is for, where the SQL differs"
          + " (PostgreSQL 11 adds new enum values ahead of a revision's transaction); a current one by default.")
  Integer major;

  /** A connected command asks the server its version: the option there would be ignored, so it is refused. */
  void requireOffline(boolean sql) {
    if (major != null && !sql) {
      throw new UserError("--server-version applies only with --sql: a connected command asks the server its version");
    }
  }
}
