package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting: a server that never answers fails the command in bounded time; passwords are never printed. */
class DatabaseConnectionTest {

  @TempDir Path directory;

  /**
   * A server that accepts the connection and never says a word (a hung proxy, a stopped VM behind
   * a load balancer) used to hang check and upgrade forever.
   */
  @Test
  void aServerThatAcceptsAndNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
    try (SilentServer server = new SilentServer()) {
      ProjectDirectory project = new ProjectDirectory(directory, new TestDatabase(DatabaseKind.POSTGRESQL,
          "jdbc:postgresql://127.0.0.1:" + server.port() + "/app", "app", "s3cret-pw"));
      project.write("autogenerate.properties", project.read(project.root().resolve("autogenerate.properties"))
          + "connect.timeout=2\n");
      project.entities(WalkthroughTest.USER_V1);

      long start = System.nanoTime();
      CliRun run = project.expect(2, "check");
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;

      assertTrue(seconds < 30, "took " + seconds + " s");
      assertEquals(1, run.err().lines().count(), run::toString);
      assertTrue(run.err().startsWith("error: cannot connect to jdbc:postgresql://127.0.0.1:"), run::toString);
      assertTrue(run.err().contains("connect.timeout=2 s"), run::toString);
      assertFalse(run.err().contains("s3cret-pw"), run::toString);
    }
  }

  @Test
  void aPasswordInTheUrlIsMaskedInErrors() {
    ProjectDirectory project = new ProjectDirectory(directory, new TestDatabase(DatabaseKind.POSTGRESQL,
        "jdbc:postgresql://127.0.0.1:1/nowhere?user=app&password=s3cret-pw&connectTimeout=2", null, null));
    project.entities(WalkthroughTest.USER_V1);

    CliRun run = project.expect(2, "check");

    assertTrue(run.err().contains("password=***"), run::toString);
    assertFalse(run.err().contains("s3cret-pw"), run::toString);
    assertEquals(1, run.err().lines().count(), run::toString);
  }

  /** Accepts connections on a loopback port and never answers them. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread acceptor = new Thread(this::acceptForever, "silent-server");

    SilentServer() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void acceptForever() {
      try {
        while (!socket.isClosed()) {
          Socket client = socket.accept();
          synchronized (accepted) {
            accepted.add(client);
          }
        }
      } catch (IOException closed) {
        // closed by the test
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (accepted) {
        for (Socket client : accepted) {
          client.close();
        }
      }
    }
  }
}
