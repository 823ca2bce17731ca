package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An id switched between a sequence and an identity ({@code GenerationType.SEQUENCE} to
 * {@code IDENTITY} and back), the commonest change of a Spring application's ids: the column is
 * made an identity (or stops being one) by the migration itself, and the identity, or the sequence
 * an identity gives way to, starts past the ids the rows hold, so that the application's next insert
 * works.
 */
class IdentitySwitchTest {

  private static final String BY_SEQUENCE = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
        String item;
      }
      """;

  private static final String BY_IDENTITY = BY_SEQUENCE.replace("SEQUENCE", "IDENTITY");

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSequenceIdMadeAnIdentityGoesOnPastTheRowsAndBack(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(BY_SEQUENCE);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    execute(project, "insert into orders (id, item) values (1, 'a'), (2, 'b'), (7, 'c')");

    project.entities(BY_IDENTITY);
    CliRun made = project.expect(0, "-m", "ids by identity");
    assertFalse(made.out().contains("by hand"), made::toString);
    String file = CheckAndEnumRisksTest.written(project, "ids_by_identity");
    assertTrue(file.contains("op.alterColumn(\"orders\", \"id\", addIdentity());"), file);
    assertTrue(file.contains("op.dropSequence(\"orders_seq\");"), file);
    assertTrue(file.contains("op.alterColumn(\"orders\", \"id\", dropIdentity());"), file);

    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    execute(project, "insert into orders (item) values ('d')");
    assertEquals(8, single(project, "select max(id) from orders"), "the identity starts past the rows' ids");
    assertEquals(4, single(project, "select count(*) from orders"));

    assertTrue(file.contains("op.advanceSequence(\"orders_seq\", \"orders\", \"id\", 50);"), file);
    project.expect(0, "downgrade", "-1");
    assertEquals(4, single(project, "select count(*) from orders"), "the rows stay");
    assertEquals(8 + 50, nextSequenceValue(project, kind), "the sequence the downgrade makes again is past the rows");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    project.entities(BY_SEQUENCE);
    CliRun back = project.expect(0, "-m", "ids by sequence");
    String sequenceFile = CheckAndEnumRisksTest.written(project, "ids_by_sequence");
    assertTrue(sequenceFile.contains("op.alterColumn(\"orders\", \"id\", dropIdentity());"), sequenceFile);
    assertTrue(sequenceFile.contains("op.createSequence("), sequenceFile);
    // Found by a user test: the new sequence started at 1, below the rows' ids, with a warning to
    // set it by hand. Hibernate's pooled ids are the 50 below each value it fetches.
    assertTrue(sequenceFile.contains("op.advanceSequence(\"orders_seq\", \"orders\", \"id\", 50);"), sequenceFile);
    assertFalse(back.out().contains("warning: orders.id"), back::toString);
    String script = project.expect(0, "upgrade", "--sql", "head").out();
    assertTrue(script.contains(kind == DatabaseKind.POSTGRESQL
        ? "select setval('orders_seq', ids.largest + 50, false)" : "update orders_seq set next_val ="), script);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    assertEquals(4, single(project, "select count(*) from orders"));
    assertEquals(8 + 50, nextSequenceValue(project, kind), "the sequence's next value leaves a block of 50 past id 8");

    project.expect(0, "downgrade", "-1");
    execute(project, "insert into orders (item) values ('e')");
    project.expect(0, "upgrade", "head");
    assertEquals(9 + 50, nextSequenceValue(project, kind), "made again by the upgrade, and moved past the rows again");
  }

  /** What Hibernate's next fetch from orders_seq gets: a value on PostgreSQL, next_val on SQLite. */
  private static long nextSequenceValue(ProjectDirectory project, DatabaseKind kind) throws Exception {
    return single(project, kind == DatabaseKind.POSTGRESQL ? "select nextval('orders_seq')" : "select next_val from orders_seq");
  }

  /**
   * A serial id (a database adopted from another tool) is read as an identity: given up, its
   * {@code nextval()} default goes, as an identity's identity does; given back, the identity starts
   * past the rows.
   */
  @ParameterizedTest
  @ValueSource(strings = {"serial primary key", "integer generated by default as identity primary key"})
  void aSerialOrIdentityIdStopsGeneratingAndAnIdentityComesBackPastTheRows(String idColumn) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    Database postgres = Database.forKind(DatabaseKind.POSTGRESQL);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table orders (id " + idColumn + ", item text)");
      statement.execute("insert into orders (item) values ('a'), ('b')");
      boolean serial = idColumn.startsWith("serial");
      if (serial) {
        // Another table numbering its rows from the serial's sequence: it must go on doing so.
        statement.execute("create table tickets (n integer default nextval('orders_id_seq'))");
      }
      Schema before = postgres.inspect(connection, TableFilter.defaults());
      assertTrue(before.requireTable("orders").column("id").orElseThrow().identity());

      AlterColumn assigned = new AlterColumn("orders", "id", List.of(ColumnChange.dropIdentity()));
      for (String sql : postgres.statements(List.of(assigned), before)) {
        statement.execute(sql);
      }
      Schema after = postgres.inspect(connection, TableFilter.defaults());
      Column id = after.requireTable("orders").column("id").orElseThrow();
      assertFalse(id.identity(), id::toString);
      assertEquals(null, id.defaultSql());
      assertEquals(assigned.applyTo(before).requireTable("orders"), after.requireTable("orders"));
      if (serial) {
        statement.execute("insert into tickets default values");
      }

      AlterColumn generated = new AlterColumn("orders", "id", List.of(ColumnChange.addIdentity()));
      for (String sql : postgres.statements(List.of(generated), after)) {
        statement.execute(sql);
      }
      statement.execute("insert into orders (item) values ('c')");
      try (ResultSet rows = statement.executeQuery("select id from orders where item = 'c'")) {
        rows.next();
        assertEquals(3, rows.getLong(1), "the identity goes on past the rows' ids");
      }
    }
  }

  /**
   * An adopted serial id, or a {@code generated by default} identity id (a database built by hand
   * or by another tool), mapped to take its ids from the column's own sequence (found adopting a
   * legacy database: {@code @SequenceGenerator(sequenceName = "orders_id_seq")}): the sequence was
   * hidden as the column's, or for an identity not read at all, so -m wrote its creation, which
   * failed at apply. It is there already: nothing is created or dropped, the column stays as it
   * is, in a database built from the migrations too, only the increment follows the
   * allocationSize, and the next insert through the sequence goes on past the rows.
   */
  @ParameterizedTest
  @ValueSource(strings = {"serial", "integer generated by default as identity"})
  void anIdMappedToItsColumnsOwnSequenceKeepsItAndGoesOnPastTheRows(String id) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    execute(project, "create table orders (id " + id + " primary key, item varchar(255))");
    execute(project, "insert into orders (item) values ('a'), ('b'), ('c')");
    String ownSequence = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "orders")
        public class Order {
          @Id
          @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders")
          @SequenceGenerator(name = "orders", sequenceName = "orders_id_seq", allocationSize = 1)
          Integer id;
          String item;
        }
        """;
    project.entities(ownSequence);

    CliRun adopted = project.expect(0, "baseline", "-m", "adopt");
    String baseline = CheckAndEnumRisksTest.written(project, "adopt");
    boolean serial = id.equals("serial");
    // A serial written as one (a user test: an identity there made a database built from the
    // migrations differ, and -m wrote a migration failing on both); an identity as an identity.
    boolean serialsParts = baseline.contains("op.createSequence(sequence(\"orders_id_seq\", 1, 1));")
        && baseline.contains("defaultSql(\"nextval('orders_id_seq'::regclass)\")")
        && baseline.contains("op.execute(\"alter sequence orders_id_seq owned by orders.id\");");
    assertEquals(serial, serialsParts, baseline);
    CliRun check = project.expect(0, "check");
    assertFalse(check.out().contains("orders_id_seq"), check::toString);
    project.expect(0, "-m", "nothing");
    assertEquals(1, project.migrationFiles().size(), () -> adopted + "\n" + project.migrationFiles());
    ProjectDirectory built = new ProjectDirectory(directory.resolve("built"), TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    built.copyMigrationsFrom(project);
    built.entities(ownSequence);
    built.expect(0, "upgrade", "head");
    built.expect(0, "check");
    assertEquals(serial ? 0 : 1, single(built, "select count(*) from pg_attribute where attrelid = 'orders'::regclass"
        + " and attname = 'id' and attidentity = 'd'"), "the same column there");
    built.expect(0, "downgrade", "base");

    project.entities(ownSequence.replace("allocationSize = 1", "allocationSize = 50"));
    project.expect(0, "-m", "pooled ids");
    String pooled = CheckAndEnumRisksTest.written(project, "pooled_ids");
    assertTrue(pooled.contains("op.alterSequence(\"orders_id_seq\", 50);"), pooled);
    assertFalse(pooled.contains("createSequence") || pooled.contains("dropSequence") || pooled.contains("Identity"),
        pooled);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    execute(project, "insert into orders (id, item) values (nextval('orders_id_seq'), 'd')");
    assertTrue(single(project, "select id from orders where item = 'd'") > 3, "the sequence goes on past the rows");

    project.expect(0, "downgrade", "-1");
    assertEquals(1, single(project, "select seqincrement from pg_sequence where seqrelid = 'orders_id_seq'::regclass"));
    project.expect(0, "upgrade", "head");
    assertEquals(4, single(project, "select count(*) from orders"));
  }

  /**
   * A {@code generated always} identity refuses the ids Hibernate assigns from a sequence, so an
   * entity mapping its sequence by name cannot keep it: -m drops the identity and creates the
   * sequence the entity names. The creation came first, and failed on the identity's own
   * sequence, which PostgreSQL had given that very name ("relation orders_id_seq already
   * exists"); it now follows the identity's drop, and the ids go on past the rows.
   */
  @org.junit.jupiter.api.Test
  void aSequenceTakingOverFromAnAlwaysIdentityOfItsNameIsCreatedOnceTheIdentityIsGone() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    execute(project, "create table orders (id integer generated always as identity primary key, item varchar(255))");
    execute(project, "insert into orders (item) values ('a'), ('b'), ('c')");
    String identity = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "orders")
        public class Order {
          @Id
          @GeneratedValue(strategy = GenerationType.IDENTITY)
          Integer id;
          String item;
        }
        """;
    project.entities(identity);
    project.expect(0, "baseline", "-m", "adopt");
    project.entities(identity.replace("@GeneratedValue(strategy = GenerationType.IDENTITY)",
        "@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"orders\")\n"
            + "  @SequenceGenerator(name = \"orders\", sequenceName = \"orders_id_seq\", allocationSize = 1)"));
    CliRun change = project.expect(0, "-m", "ids from a sequence");
    String file = CheckAndEnumRisksTest.written(project, "ids_from_a_sequence");
    assertTrue(file.indexOf("dropIdentity()") < file.indexOf("op.createSequence(")
        && file.indexOf("op.createSequence(") < file.indexOf("op.advanceSequence("), file);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    execute(project, "insert into orders (id, item) values (nextval('orders_id_seq'), 'd')");
    assertEquals(4, single(project, "select id from orders where item = 'd'"), change::toString);

    project.expect(0, "downgrade", "-1");
    execute(project, "insert into orders (item) values ('e')");
    assertTrue(single(project, "select id from orders where item = 'e'") > 3, "the identity again, past the rows");
  }

  /**
   * Found adopting a database: an entity's sequenceName changed from a DBA's sequence (kept, as a
   * column's default uses it) to a new one, which started at 1 below the rows' ids, with no word.
   */
  @org.junit.jupiter.api.Test
  void aNewSequenceNameStartsPastTheRows() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    execute(project, "create sequence doc_seq");
    execute(project, "create table invoices (id bigint primary key default nextval('doc_seq'), item varchar(255))");
    execute(project, "insert into invoices (item) values ('a'), ('b'), ('c'), ('d'), ('e')");
    String invoice = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "invoices")
        public class Invoice {
          @Id
          @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
          @SequenceGenerator(name = "ids", sequenceName = "doc_seq", allocationSize = 1)
          @org.hibernate.annotations.ColumnDefault("nextval('doc_seq')")
          Long id;
          String item;
        }
        """;
    project.entities(invoice);
    project.expect(0, "baseline", "-m", "adopt");
    project.entities(invoice.replace("sequenceName = \"doc_seq\"", "sequenceName = \"document_seq\""));

    project.expect(0, "-m", "document numbers");
    String file = CheckAndEnumRisksTest.written(project, "document_numbers");
    assertTrue(file.contains("op.advanceSequence(\"document_seq\", \"invoices\", \"id\", 1);"), file);
    project.expect(0, "upgrade", "head");
    assertEquals(6, single(project, "select nextval('document_seq')"), "past the ids 1 to 5");
  }

  /**
   * A DBA's sequence numbering a column by its default, in an adopted database; the entities drop
   * the column. The sequence was left with a note, for the next -m to drop in a migration of its
   * own; it now goes in the same one, after the column, and the downgrade brings both back.
   */
  @org.junit.jupiter.api.Test
  void aSequenceOnlyADroppedColumnUsedGoesInTheSameMigration() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    execute(project, "create sequence ref_seq");
    execute(project, "create table customers (id bigint primary key, ref_no bigint default nextval('ref_seq'))");
    String customer = """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "customers")
        public class Customer {
          @Id Long id;
          @Column(name = "ref_no")
          @org.hibernate.annotations.ColumnDefault("nextval('ref_seq')")
          Long refNo;
        }
        """;
    project.entities(customer);
    project.expect(0, "baseline", "-m", "adopt");
    project.entities(customer.replace("""
          @Column(name = "ref_no")
          @org.hibernate.annotations.ColumnDefault("nextval('ref_seq')")
          Long refNo;
        """, ""));

    CliRun change = project.expect(0, "-m", "no reference numbers");
    String file = CheckAndEnumRisksTest.written(project, "no_reference_numbers");
    assertTrue(file.indexOf("op.dropColumn(\"customers\", \"ref_no\")") >= 0
        && file.indexOf("op.dropColumn(\"customers\", \"ref_no\")") < file.indexOf("op.dropSequence(\"ref_seq\")"),
        () -> change + "\n" + file);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check", "--strict");
    assertEquals(0, single(project, "select count(*) from pg_class where relname = 'ref_seq'"));

    project.expect(0, "downgrade", "-1");
    execute(project, "insert into customers (id) values (1)");
    assertEquals(1, single(project, "select ref_no from customers where id = 1"), "numbered by the sequence again");
  }

  private static void execute(ProjectDirectory project, String sql) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long single(ProjectDirectory project, String query) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
