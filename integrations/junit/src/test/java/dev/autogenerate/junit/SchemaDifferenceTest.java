package dev.autogenerate.junit;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.PrimaryKey;
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

class SchemaDifferenceTest {

  private static final Table ORDERS = new Table("orders", List.of(
      column("id", SqlType.BIGINT).notNull(), column("amount", SqlType.INTEGER)),
      Optional.of(PrimaryKey.primaryKey("id")));
  private static final View TOTALS = new View("order_totals", "SELECT orders.id, orders.amount FROM orders",
      Map.of("orders", new TreeSet<>(Set.of("id", "amount"))));

  /**
   * A downgrade that left a column a view reads, where the schema before had neither: the
   * comparison cannot plan dropping it under the view, and that is a difference to report, not an
   * exception thrown at the migration test.
   */
  @Test
  void aDifferenceTheComparisonCannotPlanIsStillADifference() {
    Database database = Database.forKind(DatabaseKind.POSTGRESQL);
    Schema left = Schema.of(List.of(ORDERS)).withViewsAndTriggers(List.of(TOTALS), List.of());
    Schema expected = Schema.of(List.of(ORDERS.withoutColumn("amount")))
        .withViewsAndTriggers(List.of(TOTALS), List.of());

    Optional<String> difference = SchemaDifference.between(database, left, expected);

    assertTrue(difference.isPresent() && difference.get().contains("order_totals")
        && difference.get().contains("orders.amount"), String.valueOf(difference));
    assertEquals(Optional.empty(), SchemaDifference.between(database, left, left));
  }
}
