package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.testing.OlderPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oldest PostgreSQL the tool supports (11, a server of its own): the daily workflow runs as on
 * a current one, and a revision adding an enum value among other changes applies, although
 * PostgreSQL 11 cannot add an enum value inside a transaction: the value is added just before the
 * revision's transaction, and stays, harmlessly and once, when the rest fails.
 */
class OldestPostgresTest {

  private static OlderPostgres server;

  @TempDir Path directory;

  @BeforeAll
  static void start() {
    server = OlderPostgres.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String STATUS_V1 = "package com.example.domain;\n\npublic enum Status { NEW, PAID, VOID }\n";
  private static final String STATUS_V2 = "package com.example.domain;\n\npublic enum Status { NEW, LATE, PAID, VOID, LOST }\n";

  /** STATUS_V2's values as the type holds them: Hibernate sorts a named enum's values by name. */
  private static final List<String> ADDED = List.of("LATE", "LOST", "NEW", "PAID", "VOID");

  private static final String ORDER_V1 = """
      package com.example.domain;

      import jakarta.persistence.*;
      import org.hibernate.annotations.JdbcTypeCode;
      import org.hibernate.type.SqlTypes;

      @Entity
      @Table(name = "orders", indexes = @Index(name = "ix_orders_status", columnList = "status"))
      public class Order {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Status status;
        @ManyToOne @JoinColumn(name = "user_id") User user;
      }
      """;

  private static final String ORDER_V2 = ORDER_V1.replace("  @ManyToOne", "  @Column(nullable = false) String note;\n  @ManyToOne");

  /** A project at its first revision (orders), with a second written: two enum values and a required note. */
  private ProjectDirectory ordersThenLateAndLost(String... sqlBeforeTheSecond) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, server.freshDatabase());
    project.entities(WalkthroughTest.USER_V1, ORDER_V1, STATUS_V1);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    for (String sql : sqlBeforeTheSecond) {
      execute(project, sql);
    }
    project.entities(WalkthroughTest.USER_V1, ORDER_V2, STATUS_V2);
    project.expect(0, "-m", "late and lost orders with a note");
    return project;
  }

  @Test
  void aRevisionAddingEnumValuesAmongOtherChangesAppliesAndRevertsWithNothingLeft() throws Exception {
    ProjectDirectory project = ordersThenLateAndLost();
    String file = CheckAndEnumRisksTest.written(project, "late_and_lost_orders_with_a_note");
    assertTrue(file.contains("op.alterEnumType(") && file.contains("op.addColumn(\"orders\""), file);
    CliRun upgraded = project.expect(0, "upgrade", "head");
    assertTrue(upgraded.out().contains("late and lost orders with a note"), upgraded::toString);
    assertEquals(ADDED, statusValues(project));
    execute(project, "insert into orders (status, note) values ('LATE', 'first late order')");
    project.expect(0, "check");

    execute(project, "delete from orders");
    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("NEW", "PAID", "VOID"), statusValues(project));
    project.expect(0, "upgrade", "head");
    assertEquals(ADDED, statusValues(project));
  }

  @Test
  void valuesAddedAheadOfAFailedRevisionStayAndTheNextUpgradeCarriesOn() throws Exception {
    ProjectDirectory project = ordersThenLateAndLost("insert into orders (status) values ('NEW')");
    // The existing order has no note: the new not-null column fails the revision after its values were added.
    CliRun failed = project.expect(2, "upgrade", "head");
    assertTrue(failed.err().contains("nothing of it was applied but what it ran ahead of its transaction, as this"
        + " server needs (`alter type status add value if not exists 'LATE' before 'NEW'`, `alter type status add"
        + " value if not exists 'LOST' before 'NEW'`), which the next upgrade runs again harmlessly"), failed::toString);
    assertEquals(ADDED, statusValues(project));
    CliRun current = project.expect(0, "current");
    assertTrue(current.out().contains("orders") && !current.out().contains("late and lost"), current::toString);

    execute(project, "delete from orders");
    project.expect(0, "upgrade", "head");
    assertEquals(ADDED, statusValues(project));
    project.expect(0, "check");
  }

  @Test
  void aValueThatFailsAheadOfTheTransactionLeavesTheValuesBeforeItAndNothingElse() throws Exception {
    ProjectDirectory project = ordersThenLateAndLost();
    project.expect(0, "upgrade", "head");
    String tooLong = "Z".repeat(64);
    project.entities(WalkthroughTest.USER_V1, ORDER_V2.replace("String note;", "String note;\n  String memo;"),
        STATUS_V2.replace("LOST }", "LOST, MISSING, " + tooLong + " }"));
    project.expect(0, "-m", "memo and more values");

    CliRun failed = project.expect(2, "upgrade", "head");
    assertTrue(failed.err().contains("failed at `alter type status add value if not exists '" + tooLong + "'"), failed::toString);
    assertTrue(failed.err().endsWith("; it ran ahead of the revision's transaction, as this server needs: the"
        + " statements before it stay applied and nothing else of the revision ran; the next upgrade runs them again"
        + " harmlessly\n"), failed::toString);
    assertEquals(List.of("LATE", "LOST", "MISSING", "NEW", "PAID", "VOID"), statusValues(project));
    try (Connection connection = project.database().open();
        ResultSet memo = connection.getMetaData().getColumns(null, null, "orders", "memo")) {
      assertTrue(!memo.next(), "the revision's other steps did not run");
    }
  }

  @Test
  void anOfflineScriptForElevenAddsTheValuesAheadOfTheTransaction() throws Exception {
    ProjectDirectory project = ordersThenLateAndLost();

    String withLocks = project.expect(0, "upgrade", "--sql", "head").out();
    // Each transaction takes the runtime's revision lock first; read here without it.
    String lock = "do $lock$ begin perform pg_catalog.pg_advisory_xact_lock(1635087480,"
        + " hashtext(coalesce(current_schema(), ''))); end $lock$;\n";
    assertTrue(withLocks.contains("begin;\n" + lock), withLocks);
    String current = withLocks.replace(lock, "");
    // In the revision's transaction, after the check that the database is where it starts.
    assertTrue(current.contains("begin;\ndo $guard$") && current.contains("end $guard$;\nalter type status add value"
        + " 'LATE' before 'NEW';\n"), current);
    String script = project.expect(0, "upgrade", "--sql", "head", "--server-version", "11").out().replace(lock, "");
    assertTrue(script.contains("-- ahead of the transaction, each on its own (this server cannot run them in one;"
        + " each may run again):\nalter type status add value if not exists 'LATE' before 'NEW';\n"
        + "alter type status add value if not exists 'LOST' before 'NEW';\nbegin;\n"
        + "-- WARNING: add column orders.note: any row fails the revision (give it a default, or fill it first)\n"
        + "alter table orders add column note varchar(255) not null;\n"), script);

    ProjectDirectory dba = new ProjectDirectory(directory.resolve("dba"), server.freshDatabase());
    dba.entities(WalkthroughTest.USER_V1, ORDER_V2, STATUS_V2);
    OfflineSqlTest.runWithClient(dba.database(), script);
    assertEquals(ADDED, statusValues(dba));
    CliRun check = dba.expect(0, "check", "--migrations", project.migrations().toString());
    assertTrue(check.out().startsWith("OK"), check::toString);

    CliRun refused = project.expect(2, "upgrade", "--sql", "head", "--server-version", "10");
    assertTrue(refused.err().contains("PostgreSQL 10 is not supported"), refused::toString);
    CliRun connected = project.expect(2, "upgrade", "head", "--server-version", "11");
    assertEquals("error: --server-version applies only with --sql: a connected command asks the server its version\n",
        connected.err(), connected::toString);
  }

  private static List<String> statusValues(ProjectDirectory project) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = project.database().open();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select unnest(enum_range(null::status))::text")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static void execute(ProjectDirectory project, String sql) throws SQLException {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
