package dev.autogenerate.compare;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AdvanceSequence;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When a table with rows starts taking its ids from a sequence, the plan moves the sequence past
 * them; where the rows cannot collide (a new table, a serial's own sequence, a sequence the ids
 * came from already), it does not.
 */
class SequencesPastRowsTest {

  private static final Table IDENTITY_ORDERS = orders(true);
  private static final Table ASSIGNED_ORDERS = orders(false);

  @Test
  void aNewSequenceForATableWithRowsIsMovedPastThemAfterTheIdentityGoes() {
    Schema current = Schema.of(List.of(IDENTITY_ORDERS), List.of(), List.of());
    Schema wanted = Schema.of(List.of(ASSIGNED_ORDERS), List.of(feeding("orders.id")), List.of());

    List<Operation> upgrade = upgrade(current, wanted);

    assertEquals(new AdvanceSequence("orders_seq", "orders", "id", 50), upgrade.get(upgrade.size() - 1),
        upgrade::toString);
    assertEquals(List.of(), new SchemaComparison(CompareTesting.POSTGRES).compare(current, wanted).warnings());
  }

  @Test
  void aNewSequenceForAssignedIdsIsMovedPastThemToo() {
    Schema current = Schema.of(List.of(ASSIGNED_ORDERS), List.of(), List.of());
    Schema wanted = Schema.of(List.of(ASSIGNED_ORDERS), List.of(feeding("orders.id")), List.of());

    assertEquals(List.of(new CreateSequence(Sequence.sequence("orders_seq", 1, 50)),
        new AdvanceSequence("orders_seq", "orders", "id", 50)), upgrade(current, wanted));
  }

  @Test
  void aSequenceForANewTableOrOneTheIdsCameFromAlreadyIsLeftAsItIs() {
    Schema wanted = Schema.of(List.of(ASSIGNED_ORDERS), List.of(feeding("orders.id")), List.of());
    Schema sequenceThere =
        Schema.of(List.of(ASSIGNED_ORDERS), List.of(Sequence.sequence("orders_seq", 1, 50)), List.of());
    Schema serial = Schema.of(List.of(IDENTITY_ORDERS),
        List.of(new Sequence("orders_seq", 1, 50, "orders.id")), List.of());

    assertEquals(0, count(upgrade(Schema.EMPTY, wanted)));
    assertEquals(List.of(), upgrade(sequenceThere, wanted));
    assertEquals(0, count(upgrade(serial, wanted)));
  }

  @Test
  void theDowngradeOfAnIdMadeIdentityMovesTheSequenceNamedAfterItsTablePastTheRows() {
    Schema current = Schema.of(List.of(ASSIGNED_ORDERS), List.of(Sequence.sequence("orders_seq", 1, 50)), List.of());
    Schema wanted = Schema.of(List.of(IDENTITY_ORDERS), List.of(), List.of());
    Schema otherName = Schema.of(List.of(ASSIGNED_ORDERS), List.of(Sequence.sequence("ids", 1, 50)), List.of());

    List<Change> downgrade = new SchemaComparison(CompareTesting.POSTGRES).compare(current, wanted).downgradeChanges();
    List<Change> notNamedAfter = new SchemaComparison(CompareTesting.POSTGRES).compare(otherName, wanted)
        .downgradeChanges();

    assertEquals(new AdvanceSequence("orders_seq", "orders", "id", 50), downgrade.get(downgrade.size() - 1).operation());
    assertEquals(0, count(notNamedAfter.stream().map(Change::operation).toList()));
  }

  private static List<Operation> upgrade(Schema current, Schema wanted) {
    return new SchemaComparison(CompareTesting.POSTGRES).compare(current, wanted).upgradeChanges().stream()
        .map(Change::operation).toList();
  }

  private static long count(List<Operation> operations) {
    return operations.stream().filter(AdvanceSequence.class::isInstance).count();
  }

  private static Sequence feeding(String column) {
    return new Sequence("orders_seq", 1, 50, null, List.of(column));
  }

  private static Table orders(boolean identity) {
    return Table.of("orders", List.<TableElement>of(
        identity ? column("id", SqlType.BIGINT).generatedAsIdentity() : column("id", SqlType.BIGINT).notNull(),
        column("item", SqlType.TEXT), PrimaryKey.primaryKey("id")));
  }
}
