package dev.autogenerate.testing;

import java.util.Objects;

/**
 * A running PostgreSQL server on which tests create their databases.
 *
 * <p>Whatever provides the server (an existing one, a container, embedded binaries), the rest of
 * the fixtures only need where its maintenance database is, how to log in, and how to stop it.
 *
 * @param description a human-readable name for error messages, e.g. "embedded PostgreSQL 17.6"
 * @param maintenanceUrl JDBC URL of a database that always exists, used to run CREATE DATABASE
 * @param user a user allowed to create databases
 * @param password that user's password, or {@code null} when the URL or the server needs none
 * @param ownedByTests {@code true} when stopping the server discards everything on it; {@code
 *     false} for a server shared with others, from which the databases tests made must be dropped
 * @param stop stops the server, or only lets go of it when it is not ours
 */
record PostgresServer(
    String description,
    String maintenanceUrl,
    String user,
    String password,
    boolean ownedByTests,
    Runnable stop) {

  PostgresServer {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(maintenanceUrl, "maintenanceUrl");
    Objects.requireNonNull(stop, "stop");
  }

  /** The JDBC URL of another database on this server, keeping host, port and URL parameters. */
  String urlOf(String database) {
    return PostgresUrls.withDatabase(maintenanceUrl, database);
  }
}
