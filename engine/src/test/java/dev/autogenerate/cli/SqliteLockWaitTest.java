package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command started while another process holds a SQLite database's lock (a long migration's
 * transaction) waits for it, up to lock.timeout, instead of failing after the driver's 3 s.
 */
class SqliteLockWaitTest {

  @TempDir Path directory;

  @Test
  void aCommandWaitsForAnotherProcesssLock() throws Exception {
    ProjectDirectory project = UpgradeInspectsOnceTest.withHistory(
        new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE)));
    project.expect(0, "upgrade", "head");
    try (Connection holder = project.database().open(); Statement statement = holder.createStatement()) {
      statement.execute("begin exclusive");
      Thread release = new Thread(() -> {
        try {
          Thread.sleep(4_000);
          statement.execute("rollback");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      release.start();

      CliRun current = project.expect(0, "current");
      release.join();

      assertTrue(current.out().contains("eeeeeeeeeeee"), current::toString);
    }
  }
}
