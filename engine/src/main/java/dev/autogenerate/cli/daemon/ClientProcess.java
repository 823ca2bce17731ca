package dev.autogenerate.cli.daemon;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher process a command came from, seen through Linux's {@code /proc}: its working folder
 * and environment are the command's (as a JVM it started would have had them), and the command
 * writes to its standard output and error, opened again through {@code /proc/PID/fd} (copies of
 * them the launcher names). The launcher
 * sends a command here only where those are a terminal, a pipe or a device such as /dev/null:
 * reopening a regular file would write from an offset of its own, over what the shell writes
 * next.
 *
 * <p>The process is the connection's own: the daemon takes a process id only once the socket
 * its file descriptor names is the connected one, of the daemon's user and with its file mode
 * mask ({@link #connectedThrough}).
 */
record ClientProcess(long pid, Path workingDirectory, Map<String, String> environment) {

  private static Path proc(long pid) {
    return Path.of("/proc", Long.toString(pid));
  }

  /**
   * The process {@code pid}, if its file descriptor {@code fd} is a TCP socket from
   * {@code clientPort} to {@code daemonPort} on the loopback; empty for any other process.
   */
  static Optional<ClientProcess> connectedThrough(long pid, int fd, int clientPort, int daemonPort) {
    try {
      String link = Files.readSymbolicLink(proc(pid).resolve("fd").resolve(Integer.toString(fd))).toString();
      if (!link.startsWith("socket:[") || !link.endsWith("]")) {
        return Optional.empty();
      }
      String inode = link.substring("socket:[".length(), link.length() - 1);
      if (!socketConnects(proc(pid).resolve("net/tcp"), inode, clientPort, daemonPort)
          && !socketConnects(proc(pid).resolve("net/tcp6"), inode, clientPort, daemonPort)) {
        return Optional.empty();
      }
      if (!sameAsThisProcess(pid, "Uid:") || !sameAsThisProcess(pid, "Umask:")) {
        return Optional.empty();
      }
      Path workingDirectory = proc(pid).resolve("cwd").toRealPath();
      return Optional.of(new ClientProcess(pid, workingDirectory, environment(pid)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the table of the process's network namespace lists the socket {@code inode} as the
   * connection from {@code clientPort} to {@code daemonPort}; ports are hexadecimal after the
   * address, the inode the tenth field.
   */
  private static boolean socketConnects(Path table, String inode, int clientPort, int daemonPort) throws IOException {
    if (!Files.isReadable(table)) {
      return false;
    }
    String local = String.format(Locale.ROOT, ":%04X", clientPort);
    String remote = String.format(Locale.ROOT, ":%04X", daemonPort);
    for (String line : Files.readAllLines(table)) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length > 9 && fields[9].equals(inode) && fields[1].endsWith(local) && fields[2].endsWith(remote)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the process's status line {@code field} reads as this one's: the user (a daemon runs
   * only its own user's commands) and the file mode mask (the files a command makes, a migration or
   * a database, get the mask of the process that makes them: the launcher's would have been its
   * JVM's). A kernel that shows no such line counts as a difference.
   */
  private static boolean sameAsThisProcess(long pid, String field) throws IOException {
    Optional<String> theirs = statusLine(proc(pid), field);
    return theirs.isPresent() && theirs.equals(statusLine(Path.of("/proc/self"), field));
  }

  private static Optional<String> statusLine(Path process, String field) throws IOException {
    return Files.readAllLines(process.resolve("status")).stream().filter(line -> line.startsWith(field))
        .map(String::strip).findFirst();
  }

  private static Map<String, String> environment(long pid) throws IOException {
    byte[] bytes = Files.readAllBytes(proc(pid).resolve("environ"));
    // As the JVM reads its own: the platform's encoding, each entry NAME=VALUE.
    String text = new String(bytes, Charset.defaultCharset());
    Map<String, String> environment = new LinkedHashMap<>();
    for (String entry : text.split("\0")) {
      int equals = entry.indexOf('=', 1);
      if (equals > 0) {
        environment.putIfAbsent(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return Map.copyOf(environment);
  }

  /** The process's file descriptor {@code fd} (a copy of its standard output or error), opened again. */
  OutputStream open(int fd) throws IOException {
    return new FileOutputStream(proc(pid).resolve("fd").resolve(Integer.toString(fd)).toFile(), true);
  }
}
