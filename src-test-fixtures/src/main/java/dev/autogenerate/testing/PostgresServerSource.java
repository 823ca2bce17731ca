package dev.autogenerate.testing;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Where the test JVM's PostgreSQL server comes from, and the rule for choosing.
 *
 * <p>In order: an existing server when {@value ExternalPostgresServer#URL_VARIABLE} is set, else
 * Testcontainers when a Docker engine is reachable, else embedded binaries. Setting {@value
 * #CHOICE_VARIABLE} to {@code url}, {@code testcontainers} or {@code embedded} forces a choice,
 * e.g. to check the embedded server on a machine that has Docker.
 */
enum PostgresServerSource {
  URL,
  TESTCONTAINERS,
  EMBEDDED;

  static final String CHOICE_VARIABLE = "AUTOGENERATE_TEST_POSTGRES";

  /**
   * Chooses the source.
   *
   * @param environment reads an environment variable, {@code System::getenv} outside tests
   * @param dockerReachable asked only when the choice depends on it, since asking is slow
   */
  static PostgresServerSource choose(
      Function<String, String> environment, BooleanSupplier dockerReachable) {
    PostgresServerSource forced = forced(environment);
    if (forced != null) {
      return forced;
    }
    if (ExternalPostgresServer.isConfigured(environment)) {
      return URL;
    }
    return dockerReachable.getAsBoolean() ? TESTCONTAINERS : EMBEDDED;
  }

  /** The source named by {@value #CHOICE_VARIABLE}, or {@code null} when it is unset. */
  static PostgresServerSource forced(Function<String, String> environment) {
    String choice = environment.apply(CHOICE_VARIABLE);
    if (choice == null || choice.isBlank()) {
      return null;
    }
    try {
      return valueOf(choice.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          CHOICE_VARIABLE + "=" + choice + " is not one of url, testcontainers, embedded", e);
    }
  }

  PostgresServer start(Function<String, String> environment) {
    switch (this) {
      case URL:
        return ExternalPostgresServer.connect(environment);
      case TESTCONTAINERS:
        return ContainerPostgresServer.start(environment);
      case EMBEDDED:
        return EmbeddedPostgresServer.start();
      default:
        throw new AssertionError(this);
    }
  }
}
