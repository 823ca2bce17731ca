package dev.autogenerate.operations;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.View;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Views and triggers as the schema value keeps them, and the operations on views. */
class ViewOperationsTest {

  private static final Table ORDERS = new Table("orders", List.of(column("id", SqlType.BIGINT).notNull(),
      column("amount", SqlType.INTEGER), column("note", SqlType.TEXT)), java.util.Optional.empty());

  private static final Schema WITH_ORDERS = Schema.of(List.of(ORDERS));

  @Test
  void createViewFindsWhatTheQueryReadsByName() {
    Schema after = new CreateView("totals", "SELECT o.\"id\", sum(amount) AS note_count FROM orders o -- note\n"
        + "WHERE 'note' <> ''").applyTo(WITH_ORDERS);

    View view = after.view("totals").orElseThrow();
    assertEquals(Set.of("orders"), view.relations());
    assertEquals(new TreeSet<>(Set.of("amount", "id")), view.uses().get("orders"),
        "the literal and the comment do not count; the alias is not a column of orders");
  }

  @Test
  void createAndDropAreEachOthersInverse() {
    Schema with = new CreateView("totals", "SELECT id FROM orders").applyTo(WITH_ORDERS);

    assertEquals(List.of(new DropView("totals")), new CreateView("totals", "SELECT id FROM orders").inverse(WITH_ORDERS));
    assertEquals(List.of(new CreateView("totals", "SELECT id FROM orders")), new DropView("totals").inverse(with));
    assertFalse(new DropView("totals").applyTo(with).hasView("totals"));
    assertThrows(IllegalArgumentException.class, () -> new CreateView("totals", "SELECT 1").applyTo(with));
    assertThrows(IllegalArgumentException.class, () -> new CreateView("orders", "SELECT 1").applyTo(with));
  }

  /**
   * A materialized view's drop says so (the offline script renders it from the operation alone)
   * and has no inverse.
   */
  @Test
  void aMaterializedViewsDropSaysWhatItDrops() {
    Schema with = new CreateView("totals", "SELECT id FROM orders").applyTo(WITH_ORDERS);
    DropView materialized = new DropView("totals", true);

    assertEquals("drop materialized view totals", materialized.describe());
    assertFalse(materialized.applyTo(with).hasView("totals"));
    assertThrows(IllegalArgumentException.class, () -> materialized.inverse(with));
  }

  /** A hand-made view is not in the history: replaying a revision that drops it must still work. */
  @Test
  void droppingAViewTheSchemaDoesNotKnowReplaysAsNothing() {
    assertEquals(WITH_ORDERS, new DropView("made_by_hand").applyTo(WITH_ORDERS));
  }

  @Test
  void renamesFollowIntoWhatAViewReadsAndTriggersGoWithTheirTable() {
    Schema schema = WITH_ORDERS.withViewsAndTriggers(
        List.of(new View("totals", "SELECT amount FROM orders", Map.of("orders", new TreeSet<>(Set.of("amount"))))),
        List.of(new Trigger("orders_audit", "orders", "CREATE TRIGGER orders_audit ...")));

    Schema renamed = schema.withColumnRenamed("orders", "amount", "total").withTableRenamed("orders", "purchases");

    assertTrue(renamed.view("totals").orElseThrow().usesColumn("purchases", "total"));
    assertEquals("purchases", renamed.triggers().get("orders_audit").table());
    assertTrue(renamed.withoutTable("purchases").triggers().isEmpty());
    assertTrue(renamed.withoutTable("purchases").hasView("totals"), "the database keeps the view: the diff refuses this");
  }

  @Test
  void canonicalLinesArePinned() {
    assertEquals("create-view(name=\"totals\", definition=\"SELECT id\\nFROM orders\")",
        CanonicalForm.line(new CreateView("totals", "SELECT id\nFROM orders")));
    assertEquals("drop-view(name=\"totals\")", CanonicalForm.line(new DropView("totals")));
    assertEquals("drop-materialized-view(name=\"totals\")", CanonicalForm.line(new DropView("totals", true)));
  }

  @Test
  void aViewIsItsOwnSubject() {
    assertEquals("sales.totals", new DropView("sales.totals").subject());
    assertEquals("create view totals", new CreateView("totals", "SELECT 1").describe());
  }
}
