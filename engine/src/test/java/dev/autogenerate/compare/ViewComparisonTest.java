package dev.autogenerate.compare;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.schema.ColumnRename;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Views around the diff's changes, decided from schema values alone. */
class ViewComparisonTest {

  private static final Table ORDERS = new Table("orders", List.of(
      column("id", SqlType.BIGINT).notNull(),
      column("amount", SqlType.INTEGER),
      column("note", SqlType.varchar(100))),
      Optional.of(PrimaryKey.primaryKey("id").named("orders_pkey")));

  private static final View TOTALS = new View("order_totals", "SELECT orders.id, orders.amount FROM orders",
      Map.of("orders", new TreeSet<>(Set.of("id", "amount"))));

  /** A view reading the first one: it must go before it and come back after it. */
  private static final View BIG = new View("big_orders", "SELECT order_totals.id FROM order_totals WHERE amount > 9",
      Map.of("order_totals", new TreeSet<>(Set.of())));

  private static Schema current(View... views) {
    return Schema.of(List.of(ORDERS)).withViewsAndTriggers(List.of(views), List.of());
  }

  private static Schema target(Table orders) {
    return Schema.of(List.of(orders));
  }

  private static Table withType(String name, SqlType type) {
    return ORDERS.withColumnReplaced(name, each -> each.withType(type));
  }

  private static MigrationPlan compare(Schema current, Schema target) {
    return new SchemaComparison(CompareTesting.POSTGRES).compare(current, target);
  }

  private static List<Operation> operations(List<Change> changes) {
    return changes.stream().map(Change::operation).toList();
  }

  @Test
  void aViewReadingAColumnWhoseTypeChangesIsDroppedBeforeAndCreatedAgainAfter() {
    MigrationPlan plan = compare(current(TOTALS), target(withType("amount", SqlType.BIGINT)));

    List<Operation> upgrade = operations(plan.upgradeChanges());
    assertEquals(new DropView("order_totals"), upgrade.get(0));
    assertInstanceOf(AlterColumn.class, upgrade.get(1));
    assertEquals(new CreateView("order_totals", TOTALS.definition()), upgrade.get(2));
    assertEquals(3, upgrade.size(), upgrade::toString);
    assertTrue(plan.upgradeChanges().get(0).reason().contains("orders.amount, whose type changes"),
        plan.upgradeChanges().get(0)::reason);
    assertTrue(plan.upgradeChanges().get(2).reason().contains("same query") || plan.upgradeChanges().get(2).reason()
        .contains("query the database had"), plan.upgradeChanges().get(2)::reason);

    List<Operation> downgrade = operations(plan.downgradeChanges());
    assertEquals(new DropView("order_totals"), downgrade.get(0));
    assertEquals(new AlterColumn("orders", "amount", List.of(ColumnChange.type(SqlType.INTEGER))), downgrade.get(1));
    assertEquals(new CreateView("order_totals", TOTALS.definition()), downgrade.get(2));
    assertTrue(plan.downgradeChanges().get(0).reason().startsWith("view order_totals is dropped here and created again below"),
        plan.downgradeChanges().get(0)::reason);
  }

  @Test
  void aViewReadingTheChangedViewGoesFirstAndComesBackLast() {
    MigrationPlan plan = compare(current(TOTALS, BIG), target(withType("amount", SqlType.BIGINT)));

    assertEquals(List.of(new DropView("big_orders"), new DropView("order_totals")),
        operations(plan.upgradeChanges()).subList(0, 2));
    assertEquals(List.of(new CreateView("order_totals", TOTALS.definition()), new CreateView("big_orders", BIG.definition())),
        operations(plan.upgradeChanges()).subList(3, 5));
  }

  /** The safe recipe for a removed enum value converts the column: the view must be out of the way. */
  @Test
  void anEnumTypeLosingAValueRecreatesTheViewsReadingItsColumns() {
    Table withStatus = ORDERS.withColumn(column("status", SqlType.sqlType("order_status")));
    Schema current = Schema.of(List.of(withStatus), List.of(), List.of(EnumType.enumType("order_status", "NEW", "OLD")))
        .withViewsAndTriggers(List.of(new View("by_status", "SELECT status FROM orders",
            Map.of("orders", new TreeSet<>(Set.of("status"))))), List.of());
    Schema target = Schema.of(List.of(withStatus), List.of(), List.of(EnumType.enumType("order_status", "NEW")));

    List<Operation> upgrade = operations(compare(current, target).upgradeChanges());

    assertEquals(new DropView("by_status"), upgrade.get(0));
    assertEquals(new CreateView("by_status", "SELECT status FROM orders"), upgrade.get(upgrade.size() - 1));

    Schema added = Schema.of(List.of(withStatus), List.of(), List.of(EnumType.enumType("order_status", "NEW", "OLD", "X")));
    assertFalse(operations(compare(current, added).upgradeChanges()).contains(new DropView("by_status")),
        "a value added in place converts nothing");
  }

  @Test
  void changesTheViewDoesNotReadLeaveItAlone() {
    MigrationPlan plan = compare(current(TOTALS), target(withType("note", SqlType.varchar(200))));

    assertEquals(1, plan.upgradeChanges().size(), plan.upgradeChanges()::toString);
    assertInstanceOf(AlterColumn.class, plan.upgradeChanges().get(0).operation());
  }

  @Test
  void viewsTheEntitiesDoNotMapAreNeverDropped() {
    MigrationPlan plan = compare(current(TOTALS, BIG), target(ORDERS));

    assertTrue(plan.isEmpty(), plan.upgradeChanges()::toString);
  }

  /**
   * A dropped column a view reads that looks renamed: the conflict says so, with the rename that
   * keeps it; a look-alike elsewhere is not its business.
   */
  @Test
  void droppingAColumnAViewReadsThatLooksRenamedSaysHowToRenameIt() {
    Table customers = new Table("customers", List.of(column("id", SqlType.BIGINT).notNull(),
        column("name", SqlType.varchar(100))), Optional.empty());
    Schema current = Schema.of(List.of(ORDERS, customers)).withViewsAndTriggers(List.of(TOTALS), List.of());
    Table renamedAmount = ORDERS.withoutColumn("amount").withColumn(column("total", SqlType.INTEGER));
    Table renamedName = customers.withoutColumn("name").withColumn(column("full_name", SqlType.varchar(100)));
    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(current, Schema.of(List.of(renamedAmount, renamedName))));

    assertTrue(conflict.getMessage().contains("; orders.amount and orders.total look like a rename"),
        conflict.getMessage());
    assertTrue(conflict.getMessage().contains("--rename orders.amount=total"), conflict.getMessage());
    assertFalse(conflict.getMessage().contains("customers"), conflict.getMessage());
    assertFalse(conflict.getMessage().contains("\n"));
  }

  @Test
  void droppingAColumnAViewReadsFailsNamingTheViewAndTheFix() {
    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(current(TOTALS), target(ORDERS.withoutColumn("amount"))));

    assertEquals("view order_totals reads column orders.amount, which this migration drops: change or drop the view"
        + " first (a migration with op.dropView(\"order_totals\") or op.execute(...)), upgrade, then run -m again",
        conflict.getMessage());
    assertFalse(conflict.getMessage().contains("\n"));
  }

  @Test
  void droppingAColumnNoViewReadsIsNoConflict() {
    MigrationPlan plan = compare(current(TOTALS), target(ORDERS.withoutColumn("note")));

    assertEquals(1, plan.upgradeChanges().size());
  }

  @Test
  void aRenamedColumnFollowsIntoTheViewWithoutRecreatingIt() {
    Table renamed = ORDERS.withColumnRenamed("amount", "total");
    MigrationPlan plan = new SchemaComparison(CompareTesting.POSTGRES)
        .compare(current(TOTALS), target(renamed), Optional.empty(),
            new Renames(List.of(), List.of(new ColumnRename("orders", "total", List.of("amount"), "--rename"))));

    assertEquals(List.of(new RenameColumn("orders", "amount", "total")), operations(plan.upgradeChanges()));
  }

  /** Found by a user test: the conflict named the column's new name where the view reads the old one. */
  @Test
  void aColumnRenamedAndAnotherRetypedUnderAViewNameTheColumnAsTheViewReadsIt() {
    Table changed = withType("amount", SqlType.BIGINT).withColumnRenamed("id", "order_id");
    DependencyConflict conflict = assertThrows(DependencyConflict.class, () -> new SchemaComparison(CompareTesting.POSTGRES)
        .compare(current(TOTALS), target(changed), Optional.empty(),
            new Renames(List.of(), List.of(new ColumnRename("orders", "order_id", List.of("id"), "--rename")))));

    assertTrue(conflict.getMessage().startsWith("view order_totals reads column orders.id (renamed order_id), which"
        + " this migration renames, and also orders.amount, whose type changes"), conflict::getMessage);
  }

  @Test
  void anEntityOnAViewsNameIsNotCreatedAndKeysToItAreLeftOut() {
    Table onView = new Table("order_totals", List.of(column("id", SqlType.BIGINT).notNull(),
        column("amount", SqlType.INTEGER)), Optional.of(PrimaryKey.primaryKey("id")));
    Table lines = new Table("order_lines", List.of(column("id", SqlType.BIGINT).notNull(),
        column("total_id", SqlType.BIGINT)), Optional.of(PrimaryKey.primaryKey("id")))
        .withConstraint(ForeignKey.foreignKey(null, List.of("total_id"), "order_totals", List.of("id")));
    Schema target = Schema.of(List.of(ORDERS, onView, lines));

    MigrationPlan plan = compare(current(TOTALS), target);

    List<Operation> upgrade = operations(plan.upgradeChanges());
    assertEquals(1, upgrade.size(), upgrade::toString);
    assertTrue(upgrade.get(0).describe().contains("order_lines"), upgrade::toString);
    assertFalse(plan.upgradeChanges().toString().contains("order_totals"), upgrade::toString);
    assertTrue(plan.notices().stream().anyMatch(notice -> notice.contains("order_totals is a view")), plan.notices()::toString);
  }
}
