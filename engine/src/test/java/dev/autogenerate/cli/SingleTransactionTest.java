package dev.autogenerate.cli;

import static dev.autogenerate.cli.OrphanedRowsTest.execute;
import static dev.autogenerate.cli.OrphanedRowsTest.rows;
import static dev.autogenerate.cli.UpgradeInspectsOnceTest.inspect;
import static dev.autogenerate.cli.UpgradeInspectsOnceTest.revision;
import static dev.autogenerate.cli.UpgradeInspectsOnceTest.withHistory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code upgrade} and {@code downgrade} with {@code --single-transaction} (or
 * {@code transaction.mode=single}): every revision of the run in one transaction, so all of them
 * or none are applied, and what they build is what one transaction per revision builds.
 */
class SingleTransactionTest {

  @TempDir Path single;
  @TempDir Path perRevision;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void buildsAndRevertsWhatOneTransactionPerRevisionDoes(DatabaseKind kind) throws Exception {
    ProjectDirectory once = withHistory(new ProjectDirectory(single, TestDatabases.fresh(kind)));
    ProjectDirectory each = withHistory(new ProjectDirectory(perRevision, TestDatabases.fresh(kind)));

    CliRun run = once.expect(0, "upgrade", "head", "--single-transaction");
    each.expect(0, "upgrade", "head");

    assertEquals(5, run.out().lines().filter(line -> line.startsWith("Applied ")).count(), run::toString);
    assertTrue(run.out().contains("Committed the 5 revision(s) applied above, in one transaction"), run::toString);
    assertEquals(inspect(each), inspect(once));
    assertEquals(rows(each, "select revision, applied_order from autogenerate_history order by applied_order"),
        rows(once, "select revision, applied_order from autogenerate_history order by applied_order"));
    assertTrue(once.expect(0, "current").out().contains("eeeeeeeeeeee"));

    run = once.expect(0, "downgrade", "bbbbbbbbbbbb", "--single-transaction");
    each.expect(0, "downgrade", "bbbbbbbbbbbb");

    assertTrue(run.out().contains("Committed the 3 revision(s) reverted above, in one transaction"), run::toString);
    assertEquals(inspect(each), inspect(once));
    assertTrue(once.expect(0, "current").out().contains("bbbbbbbbbbbb"));
  }

  /** A revision failing takes back the ones that ran before it in the transaction, and says so. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFailingRevisionLeavesTheDatabaseWhereTheRunFoundIt(DatabaseKind kind) throws Exception {
    ProjectDirectory project = withHistory(new ProjectDirectory(single, TestDatabases.fresh(kind)));
    project.expect(0, "upgrade", "aaaaaaaaaaaa");
    execute(project, "insert into category (id, name) values (1, 'tools')");
    revision(project, 6, "ffffffffffff", "eeeeeeeeeeee", """
        op.execute("insert into no_such_table values (1)");
        """, "");

    CliRun run = project.expect(2, "upgrade", "head", "--single-transaction");

    String error = run.err().trim();
    assertEquals(1, error.lines().count(), run::toString);
    assertTrue(error.startsWith("error: migration ffffffffffff (step 6) failed at `insert into no_such_table"),
        run::toString);
    assertTrue(error.contains("; nothing of it was applied; the 4 revision(s) this command ran before it in the same"
        + " transaction (bbbbbbbbbbbb (step 2) to eeeeeeeeeeee (step 5), 4 in all) were rolled back with it, and the"
        + " database is at aaaaaaaaaaaa"), run::toString);
    assertFalse(run.out().contains("Committed"), run::toString);
    assertTrue(project.expect(0, "current").out().contains("aaaaaaaaaaaa"));
    assertFalse(inspect(project).requireTable("product").column("category_id").isPresent());
    assertEquals(List.of("aaaaaaaaaaaa|1"),
        rows(project, "select revision, applied_order from autogenerate_history order by applied_order"));
    assertEquals(List.of("1|tools"), rows(project, "select id, name from category"));

    // One transaction per revision, the same run stops at the failing one, the others applied.
    project.expect(2, "upgrade", "head");
    assertTrue(project.expect(0, "current").out().contains("eeeeeeeeeeee"));
  }

  /**
   * A commit in raw SQL ended the revision's transaction (a user test): the update before it stayed
   * when the revision then failed, which was said to apply nothing, and ran again when retried. It
   * is refused before anything of the revision runs, online and in an offline script.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void rawSqlEndingTheRevisionsTransactionIsRefusedBeforeItRuns(DatabaseKind kind) throws Exception {
    ProjectDirectory project = withHistory(new ProjectDirectory(single, TestDatabases.fresh(kind)));
    project.expect(0, "upgrade", "eeeeeeeeeeee");
    execute(project, "insert into product (id, code) values (1, 'a')");
    revision(project, 6, "ffffffffffff", "eeeeeeeeeeee", """
        op.execute("update product set code = code || '!'; COMMIT; select 1/0");
        """, "");

    CliRun run = project.expect(2, "upgrade", "head");
    assertTrue(run.err().trim().startsWith("error: migration ") && run.err().contains("op.execute runs `commit`, which"
        + " ends the transaction the revision runs in"), run::toString);
    assertEquals(1, run.err().trim().lines().count(), run::toString);
    assertEquals(List.of("1|a"), rows(project, "select id, code from product"));
    assertTrue(project.expect(0, "current").out().contains("eeeeeeeeeeee"));
    CliRun script = project.expect(2, "upgrade", "--sql", "eeeeeeeeeeee:head");
    assertTrue(script.err().contains("op.execute runs `commit`"), script::toString);
  }

  /** The first revision creates the bookkeeping tables: a rollback takes them back too. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFailureOnAnEmptyDatabaseLeavesItEmpty(DatabaseKind kind) throws Exception {
    ProjectDirectory project = withHistory(new ProjectDirectory(single, TestDatabases.fresh(kind)));
    revision(project, 6, "ffffffffffff", "eeeeeeeeeeee", """
        op.execute("insert into no_such_table values (1)");
        """, "");

    CliRun run = project.expect(2, "upgrade", "head", "--single-transaction");

    assertTrue(run.err().contains("the 5 revision(s) this command ran before it in the same transaction"),
        run::toString);
    assertTrue(run.err().contains("and the database is at base"), run::toString);
    try (Connection connection = project.database().open()) {
      assertEquals(List.of(), WalkthroughTest.allTables(connection, kind));
    }
  }

  /**
   * SQLite checks the references a revision broke before it commits, and in a single transaction
   * after each revision; PostgreSQL's constraints refuse the delete as it runs. Either way the
   * whole transaction goes.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void rowsLeftReferencingMissingRowsStopTheWholeTransaction(DatabaseKind kind) throws Exception {
    ProjectDirectory project = withHistory(new ProjectDirectory(single, TestDatabases.fresh(kind)));
    project.expect(0, "upgrade", "head");
    execute(project, "insert into category (id, title) values (1, 'tools')",
        "insert into product (id, code, category_id) values (1, 'hammer', 1)");
    revision(project, 6, "ffffffffffff", "eeeeeeeeeeee", """
        op.addColumn("category", column("note", varchar(20)));
        """, """
        op.dropColumn("category", "note");
        """);
    revision(project, 7, "777777777777", "ffffffffffff", """
        op.execute("delete from category");
        """, "");

    CliRun run = project.expect(2, "upgrade", "head", "--single-transaction");

    String error = run.err().trim();
    assertEquals(1, error.lines().count(), run::toString);
    if (kind == DatabaseKind.SQLITE) {
      assertTrue(error.startsWith("error: migration 777777777777 (step 7) leaves rows of product referencing missing"
          + " rows of category; nothing of it was applied"), run::toString);
    } else {
      assertTrue(error.startsWith("error: migration 777777777777 (step 7) failed at `delete from category`"),
          run::toString);
    }
    assertTrue(error.endsWith("the database is at eeeeeeeeeeee (step 5)"), run::toString);
    assertTrue(project.expect(0, "current").out().contains("eeeeeeeeeeee"));
    assertEquals(List.of("1|tools"), rows(project, "select id, title from category"));
    assertFalse(inspect(project).requireTable("category").column("note").isPresent());
  }

  /**
   * On SQLite each revision answers for the references it breaks, as when it commits on its own:
   * one deleting an orphan that was there before cannot make room for the next to leave a new one.
   */
  @Test
  void onSqliteEachRevisionOfTheTransactionAnswersForTheRowsItOrphans() throws Exception {
    ProjectDirectory project = withHistory(new ProjectDirectory(single, TestDatabases.fresh(DatabaseKind.SQLITE)));
    project.expect(0, "upgrade", "head");
    execute(project, "insert into category (id, title) values (1, 'tools'), (2, 'toys')",
        "insert into product (id, code, category_id) values (1, 'hammer', 1), (2, 'ball', 2), (3, 'lost', 99)");
    revision(project, 6, "ffffffffffff", "eeeeeeeeeeee", """
        op.execute("delete from product where category_id not in (select id from category)");
        """, "");
    revision(project, 7, "777777777777", "ffffffffffff", """
        op.execute("delete from category where id = 2");
        """, "");

    CliRun run = project.expect(2, "upgrade", "head", "--single-transaction");

    String error = run.err().trim();
    assertTrue(error.startsWith("error: migration 777777777777 (step 7) leaves rows of product referencing missing rows"
        + " of category; nothing of it was applied"), run::toString);
    assertTrue(error.endsWith("the 1 revision(s) this command ran before it in the same transaction (ffffffffffff"
        + " (step 6)) were rolled back with it, and the database is at eeeeeeeeeeee (step 5)"), run::toString);
    assertEquals(List.of("1|1", "2|2", "3|99"), rows(project, "select id, category_id from product order by id"));
  }

  @Test
  void theSettingDoesWhatTheOptionDoes() throws Exception {
    ProjectDirectory project = withHistory(new ProjectDirectory(single, TestDatabases.fresh(DatabaseKind.SQLITE)));
    project.write("autogenerate.properties", project.read(project.root().resolve("autogenerate.properties"))
        + "\ntransaction.mode=Single\n");

    CliRun run = project.expect(0, "upgrade", "head");

    assertTrue(run.out().contains("Committed the 5 revision(s) applied above, in one transaction"), run::toString);
    assertTrue(project.expect(0, "config").out().contains("transaction.mode = single"));

    // --no-single-transaction overrides the setting for one command.
    run = project.expect(0, "downgrade", "base", "--no-single-transaction");
    assertEquals(5, run.out().lines().filter(line -> line.startsWith("Reverted ")).count(), run::toString);
    assertFalse(run.out().contains("Committed"), run::toString);
  }

  /** An exception a migration's own code throws, whatever its line breaks, is one line of error. */
  @Test
  void aMigrationThrowingAMultiLineMessageIsOneLineOfError() {
    ProjectDirectory project = withHistory(new ProjectDirectory(single, TestDatabases.fresh(DatabaseKind.SQLITE)));
    revision(project, 6, "ffffffffffff", "eeeeeeeeeeee", """
        throw new IllegalStateException("no settings for this environment\\n  looked in: /etc/app\\n");
        """, "");

    CliRun run = project.expect(2, "upgrade", "head");

    assertEquals(1, run.err().lines().count(), run::toString);
    // With the line of the migration's file it came from (a user test got javac's "<local2>" and no line).
    assertTrue(run.err().matches("(?s).*failed while listing its operations at M\\w+\\.java:\\d+: no settings for this"
        + " environment; looked in: /etc/app.*"), run::toString);
  }

  @Test
  void anUnknownModeIsOneLineNamingTheChoices() {
    ProjectDirectory project = withHistory(new ProjectDirectory(single, TestDatabases.fresh(DatabaseKind.SQLITE)));
    project.write("autogenerate.properties", project.read(project.root().resolve("autogenerate.properties"))
        + "\ntransaction.mode=grouped\n");

    CliRun run = project.expect(2, "upgrade", "head");

    assertEquals("error: transaction.mode must be per-revision (the default: each revision commits on its own) or"
        + " single (all the revisions of an upgrade or downgrade in one transaction), not 'grouped' ("
        + project.root().resolve("autogenerate.properties").toAbsolutePath().normalize() + ")", run.err().trim());
  }
}
