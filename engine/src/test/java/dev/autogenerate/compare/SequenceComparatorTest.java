package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.POSTGRES;
import static dev.autogenerate.compare.CompareTesting.SQLITE;
import static dev.autogenerate.compare.CompareTesting.TABLES;
import static dev.autogenerate.compare.CompareTesting.aroundTables;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.schema.Sequence.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.autogenerate.operations.AlterSequence;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceComparatorTest {

  private static Schema sequences(Sequence... sequences) {
    return Schema.of(List.of(), List.of(sequences), List.of());
  }

  @Test
  void sameIncrementChangesNothing() {
    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(sequence("users_seq", 1, 50)),
        sequences(sequence("users_seq", 1, 50)));

    assertEquals(List.of(), plan.ordered(false));
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void startValueIsNotCompared() {
    // A live sequence has moved on from its start; the database may report any.
    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(sequence("users_seq", 1051, 50)),
        sequences(sequence("users_seq", 1, 50)));

    assertEquals(List.of(), plan.ordered(false));
    assertEquals(List.of(), plan.warnings());
  }

  /**
   * The column whose default drew on a DBA's sequence is dropped by the same plan (the entities
   * no longer map it): the sequence goes too, after the column, rather than being left with a
   * note for the next -m to drop. One a kept column's default still uses stays.
   */
  @Test
  void aSequenceOnlyADroppedColumnsDefaultUsedGoesAfterIt() {
    Column id = Column.column("id", SqlType.BIGINT).notNull();
    Schema current = Schema.of(List.of(
            Table.of("customers", List.<TableElement>of(id,
                Column.column("ref_no", SqlType.BIGINT).defaultSql("nextval('shared_ref_seq'::regclass)"))),
            Table.of("invoices", List.<TableElement>of(id,
                Column.column("number", SqlType.BIGINT).defaultSql("nextval('invoice_seq'::regclass)")))),
        List.of(sequence("shared_ref_seq", 1, 1), sequence("invoice_seq", 1, 1)), List.of());
    Schema wanted = Schema.of(List.of(Table.of("customers", List.<TableElement>of(id)),
        current.requireTable("invoices")), List.of(), List.of());

    MigrationPlan plan = new SchemaComparison(POSTGRES).compare(current, wanted);

    List<Operation> operations = CompareTesting.operations(plan.upgradeChanges());
    assertEquals(List.of(new DropColumn("customers", "ref_no"), new DropSequence("shared_ref_seq")), operations);
    assertEquals(List.of("sequence invoice_seq is used by the default of invoices.number: left alone"),
        plan.notices());
  }

  /**
   * Found adopting a database: a sequence a column default numbers rows from (a DBA's
   * {@code nextval('shared_ref_seq')}) was to be dropped, which failed the upgrade on the default
   * depending on it.
   */
  @Test
  void aSequenceAColumnDefaultUsesIsLeftAlone() {
    Schema current = Schema.of(List.of(Table.of("customers", List.<TableElement>of(
            Column.column("ref_no", SqlType.BIGINT).defaultSql("nextval('shared_ref_seq'::regclass)")))),
        List.of(sequence("shared_ref_seq", 1, 1), sequence("old_seq", 1, 1)), List.of());

    PlanBuilder plan = run(new SequenceComparator(POSTGRES), current, sequences());

    assertEquals(List.of(new DropSequence("old_seq")), CompareTesting.operations(plan.ordered(false)));
    assertEquals(List.of("sequence shared_ref_seq is used by the default of customers.ref_no: left alone"),
        plan.notices());
  }

  /** One the migrations created (a baseline adopting the table that uses it) is kept, and not noted. */
  @Test
  void aSequenceTheMigrationsCreatedThatADefaultUsesIsKeptUnnoted() {
    Schema current = Schema.of(List.of(Table.of("customers", List.<TableElement>of(
            Column.column("ref_no", SqlType.BIGINT).defaultSql("nextval('shared_ref_seq'::regclass)")))),
        List.of(sequence("shared_ref_seq", 1, 1)), List.of());

    MigrationPlan plan = new SchemaComparison(POSTGRES).compare(current, current.withoutSequence("shared_ref_seq"),
        java.util.Optional.of(current));

    assertEquals(List.of(), CompareTesting.operations(plan.upgradeChanges()));
    assertEquals(List.of(), plan.notices());
  }

  @Test
  void newSequenceIsCreatedBeforeTheTables() {
    Sequence sequence = sequence("users_seq", 1, 50);

    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(), sequences(sequence));

    assertEquals(List.of(new CreateSequence(sequence), TABLES), aroundTables(plan));
    assertNull(plan.ordered(false).get(0).reason());
  }

  @Test
  void changedIncrementAltersTheSequenceOnPostgres() {
    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(sequence("users_seq", 1, 1)),
        sequences(sequence("users_seq", 1, 50)));

    assertEquals(List.of(new AlterSequence("users_seq", 50)), CompareTesting.operations(plan.ordered(false)));
    assertEquals("sequence users_seq: allocationSize 1 -> 50 (Hibernate refuses to start while the increment differs)",
        plan.ordered(false).get(0).reason());
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void changedIncrementIsNotComparedOnSqlite() {
    // Hibernate's sequence table on SQLite keeps only the next value: the increment read back is meaningless.
    PlanBuilder plan = run(new SequenceComparator(SQLITE), sequences(sequence("users_seq", 1, 1)),
        sequences(sequence("users_seq", 1, 50)));

    assertEquals(List.of(), plan.ordered(false));
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void unusedSequenceIsDroppedAfterTheTables() {
    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(sequence("old_seq", 1, 1)), sequences());

    assertEquals(List.of(TABLES, new DropSequence("old_seq")), aroundTables(plan));
    assertEquals("sequence old_seq is in the database but no entity uses it", plan.ordered(false).get(1).reason());
  }
}
