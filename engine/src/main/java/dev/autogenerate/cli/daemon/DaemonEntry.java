package dev.autogenerate.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The file by which the launcher finds a running daemon, one line: the loopback port it listens
 * on, the token a client proves itself with, the token the daemon answers with, and its process
 * id. Readable by its owner only, in a folder only its owner can enter: whoever reads the client's
 * token may run commands as that user, and a client tells its environment (passwords included)
 * only to a listener that answered with the daemon's token, never to another process that took
 * the port of a daemon gone.
 */
record DaemonEntry(int port, String clientToken, String daemonToken, long pid) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new entry for a daemon of this process listening on {@code port}. */
  static DaemonEntry forThisProcess(int port) {
    return new DaemonEntry(port, token(), token(), ProcessHandle.current().pid());
  }

  private static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  String line() {
    return port + " " + clientToken + " " + daemonToken + " " + pid;
  }

  /** The entry the file holds, if it holds one. */
  static Optional<DaemonEntry> read(Path file) {
    try {
      List<String> words = List.of(Files.readString(file, StandardCharsets.US_ASCII).strip().split(" "));
      if (words.size() != 4) {
        return Optional.empty();
      }
      return Optional.of(new DaemonEntry(Integer.parseInt(words.get(0)), words.get(1), words.get(2),
          Long.parseLong(words.get(3))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes the entry whole, owner-only, to a file of its own moved into place: a launcher reads
   * the whole line or no file. The folder is made owner-only when this makes it.
   */
  void write(Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(partial, line() + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Removes the file if it still names this entry (a daemon started since may have replaced it). */
  void removeIfCurrent(Path file) {
    try {
      if (read(file).filter(this::equals).isPresent()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      // The launcher finds the port closed, removes nothing, and starts a daemon that replaces it.
    }
  }
}
