package dev.autogenerate.cli;

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
}
