package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.runtime.HistoryTable;
import dev.autogenerate.runtime.VersionTable;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code upgrade --sql} prints, without connecting, the script a DBA reviews and runs by hand:
 * run by psql or sqlite3 on an empty database it gives the same structure, version and history
 * as {@code upgrade head}; {@code downgrade --sql} takes it back to base.
 */
public class OfflineSqlTest {

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theScriptRunByTheDatabasesOwnClientEqualsUpgradeHead(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V2);
    project.expect(0, "-m", "add age");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V2.replace("length = 200", "length = 320").replace("Integer age;",
        "@Column(nullable = false) @org.hibernate.annotations.ColumnDefault(\"0\") Integer age;"));
    project.expect(0, "-m", "longer emails, age required");
    project.expect(0, "upgrade", "head");

    CliRun upgrade = project.expect(0, "upgrade", "--sql", "head");
    String script = upgrade.out();
    assertEquals(3, script.lines().filter(line -> line.equals("begin;")).count(), script);
    assertEquals(3, script.lines().filter(line -> line.equals("commit;")).count(), script);
    // The Java file's warning of a step that fails on rows that do not fit, for whoever reviews the SQL.
    assertTrue(script.lines().anyMatch(line -> line.startsWith("-- WARNING: ") && line.contains("users.age")), script);

    TestDatabase empty = TestDatabases.fresh(kind);
    runWithClient(empty, script);
    assertEquals(inspect(project.database()), inspect(empty));
    try (Connection applied = project.database().open(); Connection scripted = empty.open()) {
      assertEquals(VersionTable.current(applied), VersionTable.current(scripted));
      assertEquals(HistoryTable.entries(applied).keySet(), HistoryTable.entries(scripted).keySet());
      assertEquals(HistoryTable.entries(applied).values().stream().map(HistoryTable.Entry::checksum).toList(),
          HistoryTable.entries(scripted).values().stream().map(HistoryTable.Entry::checksum).toList());
      // When, as the runtime records it: ISO-8601 in UTC, whoever wrote the row.
      for (Connection connection : List.of(applied, scripted)) {
        for (HistoryTable.Entry entry : HistoryTable.entries(connection).values()) {
          assertTrue(entry.appliedAt().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), entry.toString());
        }
      }
    }

    // The tool accepts the scripted database as its own: nothing to do, nothing edited.
    ProjectDirectory scripted = new ProjectDirectory(directory.resolve("scripted"), empty);
    scripted.entities(WalkthroughTest.USER_V2.replace("length = 200", "length = 320").replace("Integer age;",
        "@Column(nullable = false) @org.hibernate.annotations.ColumnDefault(\"0\") Integer age;"));
    Files.createDirectories(scripted.migrations());
    for (Path file : project.migrationFiles()) {
      Files.copy(file, scripted.migrations().resolve(file.getFileName()));
    }
    scripted.expect(0, "check");

    CliRun downgrade = project.expect(0, "downgrade", "--sql", "head:base");
    // The Java files' warnings, for whoever reviews the SQL instead.
    assertTrue(downgrade.out().contains("-- WARNING: drop column users.age: ")
        && downgrade.out().contains("-- WARNING: drop table users: "), downgrade::toString);
    runWithClient(empty, downgrade.out());
    assertEquals(Schema.EMPTY, inspect(empty));
    try (Connection connection = empty.open()) {
      assertEquals(null, VersionTable.current(connection));
      assertEquals(List.of(), List.copyOf(HistoryTable.entries(connection).keySet()));
    }
  }

  /**
   * With {@code --single-transaction}, one {@code begin} and one {@code commit}: the client builds
   * what {@code upgrade head} builds, and a failing statement leaves the database as it was.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSingleTransactionScriptIsAllOrNothing(DatabaseKind kind) throws Exception {
    ProjectDirectory project =
        UpgradeInspectsOnceTest.withHistory(new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(kind)));
    project.expect(0, "upgrade", "head");

    String script = project.expect(0, "upgrade", "--sql", "head", "--single-transaction").out();
    assertEquals(1, script.lines().filter(line -> line.equals("begin;")).count(), script);
    assertEquals(1, script.lines().filter(line -> line.equals("commit;")).count(), script);
    assertTrue(script.strip().endsWith("commit;"), script);
    TestDatabase empty = TestDatabases.fresh(kind);
    runWithClient(empty, script);
    assertEquals(inspect(project.database()), inspect(empty));

    String downgrade = project.expect(0, "downgrade", "--sql", "head:base", "--single-transaction").out();
    assertEquals(1, downgrade.lines().filter(line -> line.equals("commit;")).count(), downgrade);
    runWithClient(empty, downgrade);
    assertEquals(Schema.EMPTY, inspect(empty));

    UpgradeInspectsOnceTest.revision(project, 6, "ffffffffffff", "eeeeeeeeeeee", """
        op.execute("insert into no_such_table values (1)");
        """, "");
    TestDatabase another = TestDatabases.fresh(kind);
    ClientRun failed = client(another, project.expect(0, "upgrade", "--sql", "head", "--single-transaction").out());
    assertTrue(failed.exitCode() != 0 && failed.output().contains("no_such_table"), failed::toString);
    try (Connection connection = another.open()) {
      // The script's header creates the bookkeeping tables, before its transaction; nothing else stays.
      assertEquals(List.of("autogenerate_history", "autogenerate_version"), WalkthroughTest.allTables(connection, kind));
      assertEquals(null, VersionTable.current(connection));
    }
  }

  /**
   * A script run on a database elsewhere than where it starts stops before anything, saying so:
   * it applied its revisions on top of others that never ran, and recorded the database as
   * migrated. The tool then refuses a version table whose heads are not one place.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aScriptStopsUnlessTheDatabaseIsWhereItStarts(DatabaseKind kind) throws Exception {
    ProjectDirectory project =
        UpgradeInspectsOnceTest.withHistory(new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(kind)));
    project.expect(0, "upgrade", "aaaaaaaaaaaa");
    String fromSecond = project.expect(0, "upgrade", "--sql", "bbbbbbbbbbbb:head").out();

    ClientRun stopped = client(project.database(), fromSecond);

    assertTrue(stopped.exitCode() != 0 && stopped.output().contains("this script upgrades from bbbbbbbbbbbb (step 2),"
        + " where the database is not"), stopped::toString);
    try (Connection connection = project.database().open()) {
      assertEquals(List.of("aaaaaaaaaaaa"), VersionTable.heads(connection));
    }
    assertFalse(UpgradeInspectsOnceTest.inspect(project).requireTable("product").column("category_id").isPresent());

    // Where it starts, it runs.
    project.expect(0, "upgrade", "bbbbbbbbbbbb");
    runWithClient(project.database(), fromSecond);
    try (Connection connection = project.database().open()) {
      assertEquals(List.of("eeeeeeeeeeee"), VersionTable.heads(connection));
    }

    // A version table recording two places, one built on the other, is refused, not taken for the newer.
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into autogenerate_version (version_num, checksum) values ('bbbbbbbbbbbb', null)");
    }
    String inconsistent = "the database records both bbbbbbbbbbbb (step 2) and eeeeeeeeeeee (step 5) as where it is,"
        + " but the second builds on the first";
    assertTrue(project.expect(2, "upgrade", "head").err().contains(inconsistent));
    assertTrue(project.expect(1, "check").out().contains(inconsistent));
    project.expect(0, "stamp", "head");
    assertTrue(project.expect(0, "upgrade", "head").out().contains("Already at head"));
  }

  /**
   * Found by a user test handing a DBA the script for a copy of a production database never
   * adopted: it has no version table, so the start's check passed, and the script stopped at its
   * first create, with no hint of the way. It stops first now, naming it; on an empty database it runs.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aScriptFromBaseStopsOnADatabaseMadeOtherwise(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "users");
    String script = project.expect(0, "upgrade", "--sql", "head").out();
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table users (id bigint primary key, name varchar(255))");
    }

    ClientRun stopped = client(project.database(), script);

    assertTrue(stopped.exitCode() != 0 && stopped.output().contains("this script starts at base, but the database has"
        + " tables its first revision creates: it was made otherwise; record the revision it matches with autogenerate"
        + " stamp --sql REV"), stopped::toString);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("drop table users");
    }
    runWithClient(project.database(), script);
  }

  /**
   * psql goes on after an error unless told to stop: a revision that fails rolls back, and the
   * next must not apply on top of it. Each revision's transaction begins by checking where the
   * database is, which aborts it; and a script that stops at its start has created nothing, not
   * even the bookkeeping tables.
   */
  @Test
  void aPostgresScriptRunWithoutStoppingAtErrorsAppliesNothingAfterAFailedRevision() throws Exception {
    ProjectDirectory project = UpgradeInspectsOnceTest.withHistory(
        new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(DatabaseKind.POSTGRESQL)));
    project.expect(0, "upgrade", "aaaaaaaaaaaa");
    String script = project.expect(0, "upgrade", "--sql", "aaaaaaaaaaaa:head").out();
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      // A hotfix made by hand: the second revision's add column fails.
      statement.execute("alter table product add column category_id bigint");
    }

    ClientRun run = psqlGoingOnAfterErrors(project.database(), script);

    // The script's own \set ON_ERROR_STOP stops psql at the failure (a client that ignores the line
    // meets the next revision's guard instead, which aborts its transaction).
    assertTrue(run.exitCode() != 0 && run.output().contains("category_id"), run::toString);
    assertTrue(script.contains("\n\\set ON_ERROR_STOP on\n"), script);
    String withoutStop = script.replace("\\set ON_ERROR_STOP on\n", "");
    ClientRun goingOn = psqlGoingOnAfterErrors(project.database(), withoutStop);
    assertTrue(goingOn.output().contains("the upgrade of cccccccccccc (step 3) starts at bbbbbbbbbbbb (step 2), where"
        + " the database is not"), goingOn::toString);
    try (Connection connection = project.database().open()) {
      assertEquals(List.of("aaaaaaaaaaaa"), VersionTable.heads(connection));
      assertEquals(List.of("aaaaaaaaaaaa"), List.copyOf(HistoryTable.entries(connection).keySet()));
    }
    assertFalse(UpgradeInspectsOnceTest.inspect(project).requireTable("product").column("price").isPresent());

    TestDatabase empty = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    ClientRun refused = client(empty, script);
    assertTrue(refused.exitCode() != 0 && refused.output().contains("where the database is not"), refused::toString);
    assertEquals(List.of(), List.copyOf(inspect(empty).tables().keySet()), "the stopped script created nothing");
  }

  /**
   * A URL naming a schema ({@code currentSchema=t3}): a user test's script, which set no search
   * path, migrated {@code public}, and the tool then found t3 at base and applied everything again.
   * The script sets the schema the URL names, as the driver does for the tool's own connection.
   */
  @Test
  void aPostgresScriptMigratesTheSchemaTheUrlNames() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create schema t3");
    }
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), database);
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "users");
    String url = database.url() + (database.url().contains("?") ? "&" : "?") + "currentSchema=t3";

    String script = project.expect(0, "--url", url, "upgrade", "--sql", "head").out();
    assertTrue(script.contains("\ndo $path$ begin perform pg_catalog.set_config('search_path', 't3', false); end $path$;\n"),
        script);
    runWithClient(database, script);

    assertTrue(project.expect(0, "--url", url, "check").out().startsWith("OK"));
    try (Connection connection = database.open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from pg_catalog.pg_tables where schemaname = 'public'")) {
      rows.next();
      assertEquals(0, rows.getInt(1), "nothing in public");
    }
  }

  /**
   * A user test's command, racing a DBA's script, ran a revision the script was running and failed
   * at its version row with a raw duplicate-key error. The script's transactions take the lock the
   * runtime's revisions take: here held by a revision in progress, the script waits for it (and,
   * told to wait half a second at most, stops), then runs once it is free.
   */
  @Test
  void aPostgresScriptTakesTheRevisionLockTheRuntimeTakes() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "users");
    String script = "set lock_timeout = 500;\n" + project.expect(0, "upgrade", "--sql", "head").out();

    try (Connection revision = project.database().open(); Statement statement = revision.createStatement()) {
      revision.setAutoCommit(false);
      statement.execute("select pg_advisory_xact_lock(1635087480, hashtext(coalesce(current_schema(), '')))");
      ClientRun waited = client(project.database(), script);
      assertTrue(waited.exitCode() != 0 && waited.output().contains("lock timeout"), waited::toString);
      revision.rollback();
    }
    runWithClient(project.database(), script);
    assertTrue(project.expect(0, "check").out().startsWith("OK"));
  }

  private static ClientRun psqlGoingOnAfterErrors(TestDatabase database, String script) throws Exception {
    return client(database, script, false);
  }

  /**
   * A shop where only the DBA runs SQL adopts production by script: baseline on a copy of its
   * schema writes the migration, and stamp --sql records production at it, as stamp would: the
   * revision counts as stamped (downgrade refuses to drop what was there before it), check passes,
   * and the script run again stops, the database no longer at base.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aStampScriptRecordsAnAdoptedDatabaseAsStampDoes(DatabaseKind kind) throws Exception {
    String table = "create table person (id bigint not null, name varchar(80), constraint person_pkey primary key (id))";
    TestDatabase copy = TestDatabases.fresh(kind);
    TestDatabase production = TestDatabases.fresh(kind);
    for (TestDatabase database : List.of(copy, production)) {
      try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
        statement.execute(table);
      }
    }
    try (Connection connection = production.open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into person (id, name) values (1, 'Ada')");
    }
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), copy);
    project.entities("package com.example.domain;\n\nimport jakarta.persistence.*;\n\n@Entity\n@Table(name = \"person\")\n"
        + "public class Person {\n  @Id Long id;\n  @Column(length = 80) String name;\n}\n");
    project.expect(0, "baseline", "-m", "adopt");
    String adopted = project.expect(0, "current").out().trim().split(" ")[0];

    String script = project.expect(0, "stamp", "--sql", "head").out();
    runWithClient(production, script);

    String url = production.url();
    try (Connection connection = production.open()) {
      assertEquals(List.of(adopted), VersionTable.heads(connection));
      assertEquals(List.of(adopted), List.copyOf(HistoryTable.entries(connection).keySet()));
    }
    project.expect(0, "check", "--url", url);
    CliRun refused = project.expect(2, "downgrade", "base", "--url", url);
    assertTrue(refused.err().contains("recorded with stamp or baseline, not run here"), refused::toString);
    ClientRun again = client(production, script);
    assertTrue(again.exitCode() != 0 && again.output().contains("this script stamps from base, where the database is"
        + " not"), again::toString);
    try (Connection connection = production.open(); Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("select count(*) from person")) {
      row.next();
      assertEquals(1, row.getInt(1));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDowngradeScriptNeedsToKnowWhereItStarts(DatabaseKind kind) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    CliRun run = project.expect(2, "downgrade", "--sql", "base");
    assertTrue(run.err().startsWith("error: downgrade --sql needs FROM:TO"), run::toString);
    // A list where the upgrade's FROM takes one (a user test read "unknown revision 'a,b'").
    CliRun list = project.expect(2, "downgrade", "--sql", "head:aaaa,bbbb");
    assertTrue(list.err().startsWith("error: downgrade --sql goes to one revision (or heads, or base), not to a list"
        + " (aaaa,bbbb)"), list::toString);
  }

  /**
   * A branching history scripts in the runtime's order: both branches, then the merge, one
   * version row per head on the way; the script gives what {@code upgrade head} gives, and the
   * downgrade script takes it back past the merge to where the branches parted.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aBranchingHistoryScriptsBothBranchesAndTheMerge(DatabaseKind kind) throws Exception {
    ProjectDirectory project = BranchesTest.twoBranches(directory.resolve("app"), kind);
    CliRun ambiguous = project.expect(2, "upgrade", "--sql", "head");
    assertTrue(ambiguous.err().contains("2 heads: "), ambiguous::toString);
    String twoHeads = project.expect(0, "upgrade", "--sql", "heads").out();
    assertEquals(3, twoHeads.lines().filter(line -> line.equals("begin;")).count(), twoHeads);
    project.expect(0, "merge", "-m", "join", "--rev-id", BranchesTest.M);
    // A database at both heads (upgrade heads before the merge): FROM names them as current lists them.
    String fromBoth = project.expect(0, "upgrade", "--sql", BranchesTest.A + "," + BranchesTest.B + ":head").out();
    assertEquals(List.of("-- upgrade " + BranchesTest.M + " (join)"),
        fromBoth.lines().filter(line -> line.startsWith("-- upgrade ")).toList(), fromBoth);
    project.expect(0, "upgrade", "head");

    String script = project.expect(0, "upgrade", "--sql", "head").out();
    assertEquals(List.of("-- upgrade " + BranchesTest.P + " (create users table)", "-- upgrade " + BranchesTest.A + " (add age)",
        "-- upgrade " + BranchesTest.B + " (add nickname)", "-- upgrade " + BranchesTest.M + " (join)"),
        script.lines().filter(line -> line.startsWith("-- upgrade ")).toList(), script);
    TestDatabase empty = TestDatabases.fresh(kind);
    runWithClient(empty, script);
    assertEquals(inspect(project.database()), inspect(empty));
    try (Connection applied = project.database().open(); Connection scripted = empty.open()) {
      assertEquals(VersionTable.heads(applied), VersionTable.heads(scripted));
      assertEquals(HistoryTable.entries(applied).keySet(), HistoryTable.entries(scripted).keySet());
    }

    runWithClient(empty, project.expect(0, "downgrade", "--sql", "head:" + BranchesTest.P).out());
    try (Connection connection = empty.open()) {
      assertEquals(List.of(BranchesTest.P), VersionTable.heads(connection));
      assertEquals(List.of(BranchesTest.P), List.copyOf(HistoryTable.entries(connection).keySet()));
    }
    project.expect(0, "downgrade", BranchesTest.P);
    assertEquals(inspect(project.database()), inspect(empty));
  }

  /**
   * On SQLite a change the table cannot take in place is a rebuild, which copies the columns the
   * migrations say the table has: a column added by hand would be dropped by the script, where
   * upgrade, which inspects, keeps it. The script stops there instead, saying why, and the
   * column and its values stay.
   */
  @Test
  void aSqliteScriptStopsBeforeARebuildWouldDropAColumnTheMigrationsDoNotKnow() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V1.replace("nullable = false, length = 200", "nullable = true, length = 200"));
    project.expect(0, "-m", "optional emails");
    // Meanwhile, on the database the DBA scripts for, a hotfix added a column.
    String created;
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement()) {
      created = VersionTable.current(connection);
      statement.execute("alter table users add column legacy text");
      statement.execute("insert into users (email, legacy) values ('a@example.com', 'keep me')");
    }

    String script = project.expect(0, "upgrade", "--sql", created + ":head").out();
    String output = client(project.database(), script).output();

    assertTrue(output.contains("table users has other columns than the migrations say"), output);
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("select legacy from users")) {
      assertTrue(row.next());
      assertEquals("keep me", row.getString(1));
    }
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet row = statement.executeQuery("select legacy from users")) {
      assertTrue(row.next());
      assertEquals("keep me", row.getString(1), "upgrade, which inspects, keeps the column");
    }
  }

  /** As for a column, an index or trigger a DBA made would go with the rebuilt table: the script stops first. */
  @Test
  void aSqliteScriptStopsBeforeARebuildWouldDropAnIndexOrTriggerTheMigrationsDoNotKnow() throws Exception {
    ProjectDirectory project = scriptStopsBeforeTheRebuild("create index dba_users_email on users (email)",
        "table users has indexes or triggers the migrations do not know");

    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet index = statement.executeQuery(
            "select count(*) from sqlite_master where type = 'index' and name = 'dba_users_email'")) {
      index.next();
      assertEquals(1, index.getInt(1), "upgrade, which inspects, keeps the index");
    }
  }

  /**
   * A view a DBA made over the table would fail the rebuild's rename with SQLite's own "error in
   * view": the script stops before, saying why and what to run instead.
   */
  @Test
  void aSqliteScriptStopsBeforeARebuildAViewMadeByHandReads() throws Exception {
    ProjectDirectory project = scriptStopsBeforeTheRebuild("create view dba_emails as select email from users",
        "table users is read by views or triggers the migrations do not know");

    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet view = statement.executeQuery("select count(*) from dba_emails")) {
      assertTrue(view.next(), "upgrade, which inspects, creates the view again");
    }
  }

  /**
   * A foreign key added over a row referencing nothing: upgrade refuses the revision, and the
   * script, which turns enforcement off to rebuild the table, went through and recorded it.
   */
  @Test
  void aSqliteScriptStopsWhereTheRevisionLeavesRowsReferencingNothing() throws Exception {
    String customer = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "customers")
        public class Customer {
          @Id Long id;
          @Column(name = "referrer_id") Long referrerId;
        }
        """;
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(customer);
    project.expect(0, "-m", "customers");
    project.expect(0, "upgrade", "head");
    String created;
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement()) {
      created = VersionTable.current(connection);
      statement.execute("insert into customers (id, referrer_id) values (1, 999)");
    }
    project.entities(customer.replace("@Column(name = \"referrer_id\") Long referrerId;",
        "@ManyToOne @JoinColumn(name = \"referrer_id\") Customer referrer;"));
    project.expect(0, "-m", "referrers");
    String script = project.expect(0, "upgrade", "--sql", created + ":head").out();

    String output = client(project.database(), script, false).output();

    assertTrue(output.contains("leaves rows referencing missing rows (pragma foreign_key_check lists them)"), output);
    try (Connection connection = project.database().open()) {
      assertEquals(created, VersionTable.current(connection), "nothing of the revision committed");
    }
    assertTrue(project.expect(2, "upgrade", "head").err().contains("referencing missing rows"), "upgrade refuses it too");
  }

  /**
   * A SQLite users table at its first revision, what a DBA made by hand beside it, and the script
   * of a second revision that rebuilds the table, run as a DBA may (without -bail): the script
   * stops itself, saying why, and the database stays at the first revision.
   */
  private ProjectDirectory scriptStopsBeforeTheRebuild(String handMade, String why) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory.resolve("app"), TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(WalkthroughTest.USER_V1);
    project.expect(0, "-m", "create users table");
    project.expect(0, "upgrade", "head");
    project.entities(WalkthroughTest.USER_V1.replace("nullable = false, length = 200", "nullable = true, length = 200"));
    project.expect(0, "-m", "optional emails");
    String created;
    try (Connection connection = project.database().open(); java.sql.Statement statement = connection.createStatement()) {
      created = VersionTable.current(connection);
      statement.execute(handMade);
    }
    String script = project.expect(0, "upgrade", "--sql", created + ":head").out();

    String output = client(project.database(), script, false).output();

    assertTrue(output.contains(why), output);
    try (Connection connection = project.database().open()) {
      assertEquals(created, VersionTable.current(connection));
    }
    return project;
  }

  /** What a client printed, and its exit code. */
  public record ClientRun(int exitCode, String output) {}

  /** Runs a script as a DBA would: psql with ON_ERROR_STOP, or the sqlite3 shell. */
  static void runWithClient(TestDatabase database, String script) throws Exception {
    ClientRun run = client(database, script);
    assertEquals(0, run.exitCode(), () -> "client failed:\n" + run.output() + "\n--- script\n" + script);
  }

  /** Runs a script with the database's own client, stopping at the first error. */
  public static ClientRun client(TestDatabase database, String script) throws Exception {
    return client(database, script, true);
  }

  private static ClientRun client(TestDatabase database, String script, boolean stopAtErrors) throws Exception {
    Path file = Files.createTempFile("autogenerate", ".sql");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    ProcessBuilder process;
    if (database.kind() == DatabaseKind.POSTGRESQL) {
      String address = database.url().substring("jdbc:postgresql://".length());
      process = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=" + (stopAtErrors ? "1" : "0"),
          "postgresql://" + database.user() + "@" + address, "-f", file.toString());
      process.environment().put("PGPASSWORD", database.password() == null ? "" : database.password());
    } else {
      // Without -bail, as a DBA may run it: the script's own .bail line must stop it.
      process = stopAtErrors ? new ProcessBuilder("sqlite3", "-bail", database.url().substring("jdbc:sqlite:".length()))
          : new ProcessBuilder("sqlite3", database.url().substring("jdbc:sqlite:".length()));
      process.redirectInput(file.toFile());
    }
    Path output = Files.createTempFile("autogenerate", ".out");
    process.redirectErrorStream(true).redirectOutput(output.toFile());
    Process running = process.start();
    assertTrue(running.waitFor(60, TimeUnit.SECONDS), "the client did not finish");
    ClientRun run = new ClientRun(running.exitValue(), read(output));
    Files.deleteIfExists(file);
    Files.deleteIfExists(output);
    return run;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      return "(unreadable " + file + File.separator + ")";
    }
  }

  private static Schema inspect(TestDatabase database) throws Exception {
    try (Connection connection = database.open()) {
      return Database.forKind(database.kind()).inspect(connection, TableFilter.defaults());
    }
  }
}
