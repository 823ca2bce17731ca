package dev.autogenerate.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine is reachable, so that Testcontainers may be used.
 *
 * <p>Testcontainers' own probe is slow and logs errors when there is no engine at all, so it is
 * only consulted when a Docker socket or {@code DOCKER_HOST} suggests an engine might exist.
 */
final class DockerEngine {

  private DockerEngine() {}

  static boolean isReachable(Function<String, String> environment) {
    if (!looksInstalled(environment)) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean looksInstalled(Function<String, String> environment) {
    String dockerHost = environment.apply("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      return true;
    }
    return candidateSockets(environment).stream().anyMatch(Files::exists);
  }

  private static List<Path> candidateSockets(Function<String, String> environment) {
    List<Path> sockets = new ArrayList<>();
    sockets.add(Path.of("/var/run/docker.sock"));
    String runtimeDirectory = environment.apply("XDG_RUNTIME_DIR");
    if (runtimeDirectory != null && !runtimeDirectory.isBlank()) {
      sockets.add(Path.of(runtimeDirectory, "docker.sock")); // rootless Docker
    }
    sockets.add(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
    return sockets;
  }
}
