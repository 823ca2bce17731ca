package dev.autogenerate.testing;

import java.util.function.Function;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a Docker container, through Testcontainers.
 *
 * <p>Preferred over the embedded server where Docker exists because it is the official image,
 * the same PostgreSQL users deploy. Kept in its own class so Testcontainers is only touched when
 * it is actually chosen.
 */
final class ContainerPostgresServer {

  /** Overrides the image, e.g. postgres:16 to check an older server. */
  static final String IMAGE_VARIABLE = "AUTOGENERATE_TEST_POSTGRES_IMAGE";

  static final String DEFAULT_IMAGE = "postgres:17-alpine";

  private ContainerPostgresServer() {}

  static PostgresServer start(Function<String, String> environment) {
    String image = environment.apply(IMAGE_VARIABLE);
    if (image == null || image.isBlank()) {
      image = DEFAULT_IMAGE;
    }
    PostgreSQLContainer container =
        new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
            // Durability is worthless for throwaway test data; skipping it makes DDL fast.
            .withCommand(
                "postgres",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off");
    container.start();
    return new PostgresServer(
        "PostgreSQL container " + image,
        container.getJdbcUrl(),
        container.getUsername(),
        container.getPassword(),
        true,
        container::stop);
  }
}
