package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.Trigger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Triggers that would name what the upgrade drops, decided from schema values alone. */
class TriggerConflictsTest {

  private static final Table ORDERS = new Table("orders", List.of(
      column("id", SqlType.BIGINT).notNull(),
      column("note", SqlType.TEXT),
      column("amount", SqlType.INTEGER)),
      Optional.of(PrimaryKey.primaryKey("id")));

  private static final Table AUDIT = new Table("audit", List.of(column("what", SqlType.TEXT)), Optional.empty());

  private static final Trigger ON_ORDERS = new Trigger("orders_noted", "orders",
      "CREATE TRIGGER orders_noted AFTER INSERT ON orders BEGIN INSERT INTO audit VALUES (NEW.note); END");

  private static final Trigger ON_AUDIT = new Trigger("audit_noted", "audit",
      "CREATE TRIGGER audit_noted AFTER INSERT ON audit BEGIN UPDATE \"Orders\" SET note = new.what; END");

  private static Schema database(Trigger... triggers) {
    return Schema.of(List.of(ORDERS, AUDIT)).withViewsAndTriggers(List.of(), List.of(triggers));
  }

  /** The comparison with everything in the database made by the migrations, so that a table may go. */
  private static MigrationPlan compare(Schema current, List<Table> entities) {
    return new SchemaComparison(CompareTesting.SQLITE).compare(current, Schema.of(entities),
        Optional.of(Schema.of(List.of(ORDERS, AUDIT))), new Renames(List.of(), List.of()));
  }

  @Test
  void aTriggerOnTheTableNamingTheDroppedColumnStopsTheComparisonNamingTheFix() {
    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(database(ON_ORDERS), List.of(ORDERS.withoutColumn("note"), AUDIT)));

    assertEquals("trigger orders_noted names column orders.note, which this migration drops: change or drop the"
        + " trigger first (a migration with op.execute(\"drop trigger orders_noted\") and, if it is still wanted, its"
        + " new create trigger), upgrade, then run -m again", conflict.getMessage());
  }

  /** Names are read as SQLite reads them: in any case, quoted or not. */
  @Test
  void aTriggerElsewhereNamingTheTableAndTheDroppedColumnStopsItToo() {
    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(database(ON_AUDIT), List.of(ORDERS.withoutColumn("note"), AUDIT)));

    assertTrue(conflict.getMessage().startsWith("trigger audit_noted names column orders.note,"),
        conflict::getMessage);
  }

  @Test
  void aColumnNoTriggerNamesIsDropped() {
    MigrationPlan plan = compare(database(ON_ORDERS, ON_AUDIT), List.of(ORDERS.withoutColumn("amount"), AUDIT));

    assertEquals(List.of(new DropColumn("orders", "amount")), operations(plan.upgradeChanges()));
  }

  @Test
  void aTableATriggerElsewhereNamesCannotBeDroppedButOneWithItsOwnTriggerCan() {
    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(database(ON_AUDIT), List.of(AUDIT)));
    assertTrue(conflict.getMessage().startsWith("trigger audit_noted names table orders,"),
        conflict::getMessage);

    MigrationPlan plan = compare(database(ON_AUDIT), List.of(ORDERS));
    assertEquals(List.of(new DropTable("audit")), operations(plan.upgradeChanges()));
  }
}
