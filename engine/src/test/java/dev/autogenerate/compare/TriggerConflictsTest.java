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
import dev.autogenerate.schema.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

  /** On another table, new.note is that table's own column, and a column of the same name elsewhere is no use. */
  @Test
  void aTriggerElsewhereUsingItsOwnRowsColumnOfTheSameNameOrAnotherTablesIsNoConflict() {
    Table withNote = AUDIT.withColumn(column("note", SqlType.TEXT));
    Table others = new Table("others", List.of(column("note", SqlType.TEXT)), Optional.empty());
    Trigger ownRow = new Trigger("audit_counted", "audit", "CREATE TRIGGER audit_counted AFTER INSERT ON audit"
        + " BEGIN UPDATE orders SET amount = amount + 1 WHERE NEW.note IS NOT NULL; END");
    Trigger otherTable = new Trigger("audit_others", "audit", "CREATE TRIGGER audit_others AFTER INSERT ON audit"
        + " BEGIN UPDATE others SET note = new.what; END");
    Schema current = Schema.of(List.of(ORDERS, withNote, others)).withViewsAndTriggers(List.of(), List.of(ownRow, otherTable));

    MigrationPlan plan = new SchemaComparison(CompareTesting.SQLITE).compare(current,
        Schema.of(List.of(ORDERS.withoutColumn("note"), withNote, others)));

    assertEquals(List.of(new DropColumn("orders", "note")), operations(plan.upgradeChanges()));
  }

  /**
   * A trigger goes with its table: emptying the database (as the JUnit integration does) drops
   * tables whose triggers name one another, whatever the case its table is spelled in.
   */
  @Test
  void triggersOfTablesTheUpgradeDropsAreNoConflict() {
    Trigger upperCase = new Trigger("orders_logged", "ORDERS",
        "CREATE TRIGGER orders_logged AFTER INSERT ON ORDERS BEGIN INSERT INTO audit (what) VALUES (new.note); END");

    MigrationPlan plan = compare(database(upperCase, ON_AUDIT), List.of());

    assertEquals(2, plan.upgradeChanges().size(), plan.upgradeChanges()::toString);
  }

  /**
   * SQLite refuses a column's drop while a trigger using it is there, even when the trigger's
   * table goes later in the same upgrade.
   */
  @Test
  void aTriggerWhoseTableGoesLaterStillStopsTheColumnsDropBeforeIt() {
    Trigger reading = new Trigger("audit_copies", "audit",
        "CREATE TRIGGER audit_copies AFTER INSERT ON audit BEGIN INSERT INTO audit (what) SELECT note FROM orders; END");

    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(database(reading), List.of(ORDERS.withoutColumn("note"))));

    assertTrue(conflict.getMessage().startsWith("trigger audit_copies names column orders.note,"), conflict::getMessage);
  }

  /** A table is never new.x: a trigger reading its own row's column of a dropped table's name is no use of it. */
  @Test
  void aTriggerReadingItsOwnRowsColumnNamedAsADroppedTableIsNoConflict() {
    Table status = new Table("status", List.of(column("code", SqlType.TEXT)), Optional.empty());
    Table audited = AUDIT.withColumn(column("status", SqlType.TEXT));
    Trigger ownRow = new Trigger("audit_status", "audit",
        "CREATE TRIGGER audit_status AFTER INSERT ON audit WHEN new.status IS NOT NULL BEGIN SELECT 1; END");
    Schema current = Schema.of(List.of(ORDERS, audited, status)).withViewsAndTriggers(List.of(), List.of(ownRow));

    MigrationPlan plan = new SchemaComparison(CompareTesting.SQLITE).compare(current, Schema.of(List.of(ORDERS, audited)),
        Optional.of(current), new Renames(List.of(), List.of()));

    assertEquals(List.of(new DropTable("status")), operations(plan.upgradeChanges()));
  }

  /** SQLite refuses to rename a rebuilt table into place while a trigger names a view that is gone. */
  @Test
  void aTriggerNamingAViewTheUpgradeRecreatesStopsIt() {
    Trigger naming = new Trigger("audit_totals", "audit", "CREATE TRIGGER audit_totals AFTER INSERT ON audit"
        + " BEGIN INSERT INTO audit (what) SELECT amount FROM order_totals; END");

    assertTrue(conflictChangingAmountsUnder(naming).startsWith("trigger audit_totals names view order_totals, which"
        + " this migration drops"));
  }

  /** Dropping a view drops its triggers, and creating it again does not bring them back. */
  @Test
  void aTriggerOnAViewTheUpgradeRecreatesStopsIt() {
    Trigger instead = new Trigger("totals_insert", "order_totals", "CREATE TRIGGER totals_insert INSTEAD OF INSERT"
        + " ON order_totals BEGIN INSERT INTO orders (id, amount) VALUES (new.id, new.amount); END");

    assertTrue(conflictChangingAmountsUnder(instead).startsWith("trigger totals_insert is on view order_totals, which"
        + " this migration drops (and the database the trigger with it)"));
  }

  /**
   * The conflict of changing the type of orders.amount, which a view reads, so that the view is
   * dropped and created again around the change, with this trigger in the database.
   */
  private static String conflictChangingAmountsUnder(Trigger trigger) {
    View totals = new View("order_totals", "SELECT id, amount FROM orders",
        Map.of("orders", new TreeSet<>(Set.of("id", "amount"))));
    Schema current = Schema.of(List.of(ORDERS, AUDIT)).withViewsAndTriggers(List.of(totals), List.of(trigger));
    Table textAmounts = ORDERS.withColumnReplaced("amount", each -> each.withType(SqlType.TEXT));
    return assertThrows(DependencyConflict.class, () -> compare(current, List.of(textAmounts, AUDIT))).getMessage();
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
