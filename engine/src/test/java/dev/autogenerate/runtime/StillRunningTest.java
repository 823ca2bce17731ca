package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement that runs long is reported while it runs, so a CI log shows a slow step is alive;
 * quick statements add no lines.
 */
class StillRunningTest {

  @Revision(id = "s1owstep0001", message = "a quick step, then a slow one")
  public static final class QuickThenSlow implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("create table quick (id integer)");
      op.execute("select pg_sleep(1.5)");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("drop table quick");
    }
  }

  @Test
  void aLongStatementIsReportedWhileItRunsAndAQuickOneIsNot() throws Exception {
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    Migrator migrator = new Migrator(RevisionHistory.of(List.of(MigrationScript.of(new QuickThenSlow(), "QuickThenSlow"))),
        TableFilter.defaults())
        .withProgress(progress::add)
        .withStillRunning(new StillRunning(Duration.ofMillis(300), Duration.ofMillis(400)));

    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      migrator.upgrade(connection, "head");
    }

    List<String> stillRunning = progress.stream().filter(line -> line.startsWith("  still running after ")).toList();
    assertTrue(stillRunning.size() >= 1, progress::toString);
    assertTrue(stillRunning.stream().allMatch(line -> line.endsWith(": select pg_sleep(1.5)")), progress::toString);
    // In order: after the revision's start, before its end; and none once it ended.
    int applying = indexOf(progress, "Applying s1owstep0001");
    int applied = indexOf(progress, "Applied s1owstep0001");
    assertTrue(applying < progress.indexOf(stillRunning.get(0)), progress::toString);
    assertTrue(progress.lastIndexOf(stillRunning.get(stillRunning.size() - 1)) < applied, progress::toString);
    int linesAtEnd = progress.size();
    Thread.sleep(600);
    assertEquals(linesAtEnd, progress.size(), progress::toString);
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starting with " + prefix + " in " + lines);
  }
}
