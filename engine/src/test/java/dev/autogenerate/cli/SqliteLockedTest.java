package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * transaction, a program holding one open) for longer than SQLite waits says so in one line, not
 * as an unexpected driver error or a connection problem to check the URL for.
 */
class SqliteLockedTest {

  @TempDir Path directory;

  @Test
  void aCommandFindingTheDatabaseLockedSaysSo() throws Exception {
    ProjectDirectory project = UpgradeInspectsOnceTest.withHistory(
        new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE)));
    project.expect(0, "upgrade", "head");
    CliRun current;
    try (Connection holder = project.database().open(); Statement statement = holder.createStatement()) {
      statement.execute("begin exclusive");
      current = project.expect(2, "current");
      statement.execute("rollback");
    }

    assertEquals("error: the SQLite database is locked by another process (a migration running, or a program holding"
        + " a transaction open), and stayed so longer than SQLite waits: run the command again when it is done",
        current.err().trim());
    assertTrue(project.expect(0, "current").out().contains("eeeeeeeeeeee"));
  }
}
