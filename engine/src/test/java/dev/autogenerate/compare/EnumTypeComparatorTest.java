package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.TABLES;
import static dev.autogenerate.compare.CompareTesting.aroundTables;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.schema.EnumType.enumType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnumTypeComparatorTest {

  private static Schema types(EnumType... types) {
    return Schema.of(List.of(), List.of(), List.of(types));
  }

  private static List<Change> changes(Schema current, Schema wanted) {
    return run(new EnumTypeComparator(), current, wanted).ordered(false);
  }

  @Test
  void sameValuesInSameOrderChangeNothing() {
    Schema schema = types(enumType("status", "NEW", "PAID"));

    assertEquals(List.of(), changes(schema, types(enumType("status", "NEW", "PAID"))));
  }

  @Test
  void newTypeIsCreatedBeforeTheTables() {
    EnumType status = enumType("status", "NEW", "PAID");

    PlanBuilder plan = run(new EnumTypeComparator(), types(), types(status));

    assertEquals(List.of(new CreateEnumType(status), TABLES), aroundTables(plan));
    assertNull(plan.ordered(false).get(0).reason());
  }

  @Test
  void addedValuesAreAlteredInPlaceAndNamedInTheReason() {
    List<Change> changes = changes(types(enumType("status", "NEW", "PAID")),
        types(enumType("status", "NEW", "PAID", "SHIPPED", "LOST")));

    assertEquals(List.of(new AlterEnumType("status", List.of("NEW", "PAID", "SHIPPED", "LOST"))),
        CompareTesting.operations(changes));
    assertEquals("enum status: new values [SHIPPED, LOST]", changes.get(0).reason());
  }

  @Test
  void valueInsertedInTheMiddleStillOnlyAdds() {
    List<Change> changes = changes(types(enumType("status", "NEW", "PAID")),
        types(enumType("status", "NEW", "HELD", "PAID")));

    assertEquals("enum status: new values [HELD]", changes.get(0).reason());
  }

  @Test
  void removedValueWarnsThatRowsHoldingItMakeTheConversionFail() {
    List<Change> changes = changes(types(enumType("status", "NEW", "PAID", "LOST")),
        types(enumType("status", "NEW", "PAID")));

    assertEquals(List.of(new AlterEnumType("status", List.of("NEW", "PAID"))), CompareTesting.operations(changes));
    assertEquals("enum status: values removed or reordered [NEW, PAID, LOST] -> [NEW, PAID];"
        + " the columns are converted through text, which fails (and rolls back) if a row holds a removed value",
        changes.get(0).reason());
  }

  @Test
  void reorderedValuesTakeTheSafeRecipeToo() {
    List<Change> changes = changes(types(enumType("status", "NEW", "PAID")), types(enumType("status", "PAID", "NEW")));

    assertEquals(List.of(new AlterEnumType("status", List.of("PAID", "NEW"))), CompareTesting.operations(changes));
    assertTrue(changes.get(0).reason().startsWith("enum status: values removed or reordered [NEW, PAID] -> [PAID, NEW]"),
        changes.get(0).reason());
  }

  /**
   * A legacy type (LOW, MEDIUM, HIGH) mapped NAMED_ENUM, whose values Hibernate lists sorted (found
   * by a user test): rebuilding it in that order changed how its rows sort and compare, for
   * nothing the mapping needs. Its values in another order are the same type.
   */
  @Test
  void theSameValuesInAnotherOrderAreNoChangeWhereTheOrderDoesNotMatter() {
    Schema legacy = types(enumType("priority", "LOW", "MEDIUM", "HIGH"));

    assertEquals(List.of(), changes(legacy, types(enumType("priority", "HIGH", "LOW", "MEDIUM").withValuesInAnyOrder())));
  }

  @Test
  void aNewValueGoesLastWhereTheDatabaseKeepsAnOrderOfItsOwn() {
    List<Change> changes = changes(types(enumType("priority", "LOW", "MEDIUM", "HIGH")),
        types(enumType("priority", "HIGH", "LOW", "MEDIUM", "URGENT").withValuesInAnyOrder()));

    assertEquals(List.of(new AlterEnumType("priority", List.of("LOW", "MEDIUM", "HIGH", "URGENT"))),
        CompareTesting.operations(changes));
    assertEquals("enum priority: new values [URGENT]", changes.get(0).reason());
  }

  @Test
  void aRemovedValueKeepsTheOrderOfTheRestWhereTheDatabaseKeepsAnOrderOfItsOwn() {
    List<Change> changes = changes(types(enumType("priority", "LOW", "MEDIUM", "HIGH")),
        types(enumType("priority", "HIGH", "LOW").withValuesInAnyOrder()));

    assertEquals(List.of(new AlterEnumType("priority", List.of("LOW", "HIGH"))), CompareTesting.operations(changes));
  }

  @Test
  void aNewValueGoesWhereTheEntitiesPutItInATypeOfTheirOrder() {
    List<Change> changes = changes(types(enumType("status", "NEW", "PAID")),
        types(enumType("status", "ARCHIVED", "NEW", "PAID").withValuesInAnyOrder()));

    assertEquals(List.of(new AlterEnumType("status", List.of("ARCHIVED", "NEW", "PAID"))),
        CompareTesting.operations(changes));
  }

  @Test
  void aNewTypeIsCreatedInTheEntitiesOrder() {
    PlanBuilder plan = run(new EnumTypeComparator(), types(), types(enumType("status", "NEW", "PAID").withValuesInAnyOrder()));

    assertEquals(List.of(new CreateEnumType(enumType("status", "NEW", "PAID")), TABLES), aroundTables(plan));
  }

  @Test
  void unusedTypeIsDroppedAfterTheTables() {
    PlanBuilder plan = run(new EnumTypeComparator(), types(enumType("old_status", "A")), types());

    assertEquals(List.of(TABLES, new DropEnumType("old_status")), aroundTables(plan));
    assertEquals("enum type old_status is no longer used by any entity", plan.ordered(false).get(1).reason());
  }

  /**
   * A legacy type a column declares by its definition ({@code columnDefinition = "order_status"}):
   * the entities list no such type, but dropping it failed, the column depending on it.
   */
  @Test
  void aTypeAMappedColumnDeclaresIsInUse() {
    Table orders = new Table("ord", List.of(Column.column("status", SqlType.sqlType("order_status")),
        Column.column("history", SqlType.sqlType("order_status[]"))), Optional.empty());

    PlanBuilder plan = run(new EnumTypeComparator(), types(enumType("order_status", "NEW", "PAID")),
        Schema.of(List.of(orders), List.of(), List.of()));

    assertEquals(List.of(), plan.ordered(false));
  }

  @Test
  void typesAreMatchedByName() {
    PlanBuilder plan = run(new EnumTypeComparator(), types(enumType("a", "X")), types(enumType("b", "X")));

    assertEquals(List.of(new CreateEnumType(enumType("b", "X")), TABLES, new DropEnumType("a")), aroundTables(plan));
  }
}
