package dev.autogenerate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class PostgresServerSourceTest {

  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;
  private static final BooleanSupplier MUST_NOT_ASK =
      () -> {
        throw new AssertionError("Docker was probed although the choice did not depend on it");
      };

  @Test
  void prefersAConfiguredServer() {
    Map<String, String> environment =
        Map.of("AUTOGENERATE_TEST_POSTGRES_URL", "jdbc:postgresql://db/postgres");

    assertEquals(PostgresServerSource.URL, choose(environment, MUST_NOT_ASK));
  }

  @Test
  void usesTestcontainersOnlyWhenDockerIsReachable() {
    assertEquals(PostgresServerSource.TESTCONTAINERS, choose(Map.of(), DOCKER));
    assertEquals(PostgresServerSource.EMBEDDED, choose(Map.of(), NO_DOCKER));
  }

  @Test
  void honoursAForcedChoice() {
    Map<String, String> environment =
        Map.of(
            "AUTOGENERATE_TEST_POSTGRES", "Embedded",
            "AUTOGENERATE_TEST_POSTGRES_URL", "jdbc:postgresql://db/postgres");

    assertEquals(PostgresServerSource.EMBEDDED, choose(environment, MUST_NOT_ASK));
    assertEquals(
        PostgresServerSource.TESTCONTAINERS,
        choose(Map.of("AUTOGENERATE_TEST_POSTGRES", "testcontainers"), MUST_NOT_ASK));
  }

  @Test
  void rejectsAnUnknownChoice() {
    Map<String, String> environment = Map.of("AUTOGENERATE_TEST_POSTGRES", "docker");

    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> choose(environment, NO_DOCKER));
    assertEquals(
        "AUTOGENERATE_TEST_POSTGRES=docker is not one of url, testcontainers, embedded",
        error.getMessage());
  }

  private static PostgresServerSource choose(
      Map<String, String> environment, BooleanSupplier dockerReachable) {
    return PostgresServerSource.choose(environment::get, dockerReachable);
  }
}
