package dev.autogenerate.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file by which the launcher finds a daemon: whole, its owner's only, its tokens secret. */
class DaemonEntryTest {

  @TempDir Path directory;

  @Test
  void anEntryIsWrittenOwnerOnlyInAnOwnerOnlyFolderAndReadBack() throws Exception {
    Path file = directory.resolve("daemons").resolve("1234");
    DaemonEntry entry = DaemonEntry.forThisProcess(40_000);

    entry.write(file);

    assertEquals(Optional.of(entry), DaemonEntry.read(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    assertEquals(ProcessHandle.current().pid(), entry.pid());
    // No partial file is left beside it.
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void eachEntryHasTokensOfItsOwnAndTheTwoDiffer() {
    DaemonEntry one = DaemonEntry.forThisProcess(1);
    DaemonEntry other = DaemonEntry.forThisProcess(1);
    assertNotEquals(one.clientToken(), one.daemonToken());
    assertNotEquals(one.clientToken(), other.clientToken());
    assertTrue(one.clientToken().matches("[0-9a-f]{48}"), one.clientToken());
  }

  @Test
  void aFileThatIsNoEntryReadsAsNone() throws Exception {
    Path file = directory.resolve("entry");
    Files.writeString(file, "40000 only-one-token 1\n");
    assertEquals(Optional.empty(), DaemonEntry.read(file));
    Files.writeString(file, "port a b 1\n");
    assertEquals(Optional.empty(), DaemonEntry.read(file));
    assertEquals(Optional.empty(), DaemonEntry.read(directory.resolve("missing")));
  }

  @Test
  void aDaemonRemovesItsEntryOnlyWhileTheFileStillNamesIt() throws Exception {
    Path file = directory.resolve("entry");
    DaemonEntry replaced = DaemonEntry.forThisProcess(1);
    DaemonEntry newer = DaemonEntry.forThisProcess(2);
    replaced.write(file);
    newer.write(file);

    replaced.removeIfCurrent(file);
    assertEquals(Optional.of(newer), DaemonEntry.read(file));

    newer.removeIfCurrent(file);
    assertFalse(Files.exists(file));
  }
}
