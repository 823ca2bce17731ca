package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
      op.execute("select pg_sleep(2.5)");
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
        // A second before the first line: the quick step ends long before, however loaded the machine.
        .withStillRunning(new StillRunning(Duration.ofSeconds(1), Duration.ofMillis(500)));

    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      migrator.upgrade(connection, "head");
    }

    List<String> stillRunning = progress.stream().filter(line -> line.startsWith("  still running after ")).toList();
    assertTrue(stillRunning.size() >= 1, progress::toString);
    assertTrue(stillRunning.stream().allMatch(line -> line.endsWith(": select pg_sleep(2.5)")), progress::toString);
    // In order: after the revision's start, before its end; and none once it ended.
    int applying = indexOf(progress, "Applying s1owstep0001");
    int applied = indexOf(progress, "Applied s1owstep0001");
    assertTrue(applying < progress.indexOf(stillRunning.get(0)), progress::toString);
    assertTrue(progress.lastIndexOf(stillRunning.get(stillRunning.size() - 1)) < applied, progress::toString);
    int linesAtEnd = progress.size();
    Thread.sleep(600);
    assertEquals(linesAtEnd, progress.size(), progress::toString);
  }

  @Revision(id = "b10cked00001", message = "a column added to a table another session reads")
  public static final class AddsToABusyTable implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute("alter table busy add column note text");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("alter table busy drop column note");
    }
  }

  /**
   * Found by a user test deploying: an alter table waiting behind another session's open
   * transaction said only "still running", and the person deploying could not tell a slow step
   * from one stuck behind a forgotten session. The line names the session that holds the lock.
   */
  @Test
  void aStatementWaitingForALockNamesTheSessionHoldingIt() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch holderNamed = new CountDownLatch(1);
    try (Connection holder = database.open(); Statement reads = holder.createStatement()) {
      reads.execute("create table busy (id integer)");
      holder.setAutoCommit(false);
      reads.execute("select * from busy");
      int holderPid;
      try (ResultSet pid = reads.executeQuery("select pg_backend_pid()")) {
        pid.next();
        holderPid = pid.getInt(1);
      }
      Migrator migrator = new Migrator(RevisionHistory.of(List.of(
          MigrationScript.of(new AddsToABusyTable(), "AddsToABusyTable"))), TableFilter.defaults())
          .withProgress(line -> {
            progress.add(line);
            if (line.contains("held by server process " + holderPid + " (")) {
              holderNamed.countDown();
            }
          })
          .withStillRunning(new StillRunning(Duration.ofMillis(500), Duration.ofMillis(500)))
          .withLockConnections(database::open);
      Thread release = new Thread(() -> {
        try {
          // Released once named, or after a while all the same, so that a failure does not hang.
          holderNamed.await(30, TimeUnit.SECONDS);
          holder.commit();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      release.start();
      try (Connection connection = database.open()) {
        migrator.upgrade(connection, "head");
      }
      release.join();

      String named = progress.stream().filter(line -> line.contains("held by server process " + holderPid))
          .findFirst().orElseThrow(() -> new AssertionError(progress.toString()));
      assertTrue(named.startsWith("  still running after "), named);
      assertTrue(named.contains("idle in transaction for "), named);
      assertTrue(named.contains(": select pg_backend_pid()"), named);
    }
  }

  /** A line being made as the statement ends is printed before the notice closes, never after it. */
  @Test
  void noLineComesAfterTheNoticeClosed() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch lineBegun = new CountDownLatch(1);
    CountDownLatch finishLine = new CountDownLatch(1);
    StillRunning.Notice notice = new StillRunning(Duration.ofMillis(1), Duration.ofHours(1)).watch("select 1", line -> {
      lineBegun.countDown();
      try {
        finishLine.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      lines.add(line);
    }, () -> "");
    assertTrue(lineBegun.await(30, TimeUnit.SECONDS));

    AtomicInteger linesAtClose = new AtomicInteger(-1);
    Thread statementEnds = new Thread(() -> {
      notice.close();
      linesAtClose.set(lines.size());
    });
    statementEnds.start();
    Thread.sleep(200); // time for a close that does not wait for the line to return
    finishLine.countDown();
    statementEnds.join(30_000);
    Thread.sleep(100);

    assertEquals(1, lines.size(), lines::toString);
    assertEquals(1, linesAtClose.get(), "lines when the notice had closed");
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
