package dev.autogenerate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * An already running PostgreSQL server named by environment variables.
 *
 * <p>For CI jobs that provide PostgreSQL as a service, and for developers who want to look at
 * the databases tests leave behind while debugging.
 */
final class ExternalPostgresServer {

  /** JDBC URL of the server's maintenance database, e.g. jdbc:postgresql://db:5432/postgres. */
  static final String URL_VARIABLE = "AUTOGENERATE_TEST_POSTGRES_URL";

  static final String USER_VARIABLE = "AUTOGENERATE_TEST_POSTGRES_USER";
  static final String PASSWORD_VARIABLE = "AUTOGENERATE_TEST_POSTGRES_PASSWORD";

  private ExternalPostgresServer() {}

  static boolean isConfigured(Function<String, String> environment) {
    String url = environment.apply(URL_VARIABLE);
    return url != null && !url.isBlank();
  }

  /** Checks that the server answers, so a wrong URL fails once, clearly, not in every test. */
  static PostgresServer connect(Function<String, String> environment) {
    if (!isConfigured(environment)) {
      throw new IllegalStateException(
          URL_VARIABLE + " must name a PostgreSQL server's maintenance database");
    }
    String url = environment.apply(URL_VARIABLE).trim();
    String user = environment.apply(USER_VARIABLE);
    String password = environment.apply(PASSWORD_VARIABLE);
    try (Connection ignored = DriverManager.getConnection(url, user, password)) {
      // Reachable and the credentials work.
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to the PostgreSQL server " + URL_VARIABLE + "=" + url, e);
    }
    return new PostgresServer("PostgreSQL at " + url, url, user, password, false, () -> {});
  }
}
