package dev.autogenerate.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher a command came from, as the daemon sees it through /proc: a real bash connected to
 * a real socket, as the launcher connects. Its folder and environment are the command's; any
 * other process, descriptor or file mode mask is refused.
 */
class ClientProcessTest {

  @TempDir Path directory;
  private ServerSocket server;
  private Process bash;
  private Socket accepted;
  private long pid;
  private int fd;

  @BeforeEach
  void listen() throws Exception {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws Exception {
    if (bash != null) {
      bash.destroyForcibly().waitFor();
    }
    if (accepted != null) {
      accepted.close();
    }
    server.close();
  }

  /** A bash in a folder of its own with {@code umask}, connected to the server as the launcher connects. */
  private void connectBash(String umask) throws Exception {
    Path folder = Files.createDirectories(directory.resolve("project folder"));
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", "umask " + umask
        + " && exec {fd}<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo $$ $fd && read -r -u 0 line")
        .directory(folder.toFile());
    builder.environment().put("AUTOGENERATE_URL", "jdbc:sqlite:app.db");
    builder.environment().put("SPACED", "a=b c");
    bash = builder.start();
    accepted = server.accept();
    String[] said = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))
        .readLine().split(" ");
    pid = Long.parseLong(said[0]);
    fd = Integer.parseInt(said[1]);
  }

  private String ownUmask() throws Exception {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("Umask:"))
        .findFirst().orElseThrow().substring("Umask:".length()).strip();
  }

  @Test
  void theConnectedLauncherGivesItsFolderAndEnvironment() throws Exception {
    connectBash(ownUmask());

    Optional<ClientProcess> launcher = ClientProcess.connectedThrough(pid, fd, accepted.getPort(), server.getLocalPort());

    assertTrue(launcher.isPresent());
    assertEquals(directory.resolve("project folder").toRealPath(), launcher.get().workingDirectory());
    assertEquals("jdbc:sqlite:app.db", launcher.get().environment().get("AUTOGENERATE_URL"));
    assertEquals("a=b c", launcher.get().environment().get("SPACED"));
  }

  @Test
  void anotherDescriptorPortOrProcessIsRefused() throws Exception {
    connectBash(ownUmask());

    assertEquals(Optional.empty(), ClientProcess.connectedThrough(pid, 0, accepted.getPort(), server.getLocalPort()));
    assertEquals(Optional.empty(),
        ClientProcess.connectedThrough(pid, fd, accepted.getPort() + 1, server.getLocalPort()));
    assertEquals(Optional.empty(),
        ClientProcess.connectedThrough(ProcessHandle.current().pid(), fd, accepted.getPort(), server.getLocalPort()));
  }

  @Test
  void aLauncherWithAnotherFileModeMaskIsRefused() throws Exception {
    // Files a command makes get the daemon's mask, not the launcher's: such a command runs cold.
    connectBash(ownUmask().equals("0077") ? "0022" : "0077");

    assertEquals(Optional.empty(), ClientProcess.connectedThrough(pid, fd, accepted.getPort(), server.getLocalPort()));
  }
}
