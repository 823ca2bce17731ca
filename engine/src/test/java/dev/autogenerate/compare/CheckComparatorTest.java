package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.POSTGRES;
import static dev.autogenerate.compare.CompareTesting.SQLITE;
import static dev.autogenerate.compare.CompareTesting.ck;
import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.compare.CompareTesting.Staged;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckComparatorTest {

  private static Table orders(CheckConstraint... checks) {
    List<Object> parts = new ArrayList<>(List.of(col("status", TEXT), col("qty", INTEGER)));
    parts.addAll(List.of(checks));
    return table("orders", parts.toArray());
  }

  private static Staged postgres(Table existing, Table wanted) {
    return run(new CheckComparator(POSTGRES), existing, wanted);
  }

  @Test
  void sameCheckChangesNothing() {
    assertTrue(postgres(orders(ck("ck_orders_qty", "qty >= 0")), orders(ck("ck_orders_qty", "qty >= 0"))).isEmpty());
  }

  @Test
  void postgresRewriteOfAnInListIsTheSameCheck() {
    Table existing = orders(ck("orders_status_check", "(status = ANY (ARRAY['A'::text, 'B'::text]))"));
    Table wanted = orders(ck("ck_orders_status", "status in ('A','B')"));

    assertTrue(postgres(existing, wanted).isEmpty());
    assertTrue(run(new CheckComparator(SQLITE), existing, wanted).isEmpty());
  }

  @Test
  void postgresRewriteOfBetweenIsTheSameCheck() {
    assertTrue(postgres(orders(ck("c", "((qty >= 0) AND (qty <= 9))")), orders(ck("c", "qty between 0 and 9"))).isEmpty());
  }

  @Test
  void changedCheckIsDroppedBeforeTheColumnsAndAddedAfter() {
    Staged staged = postgres(orders(ck("orders_status_check", "(status = ANY (ARRAY['A'::text, 'B'::text]))")),
        orders(ck("ck_orders_status", "status in ('A','B','C')")));

    assertEquals(List.of(new DropConstraint("orders", "orders_status_check")), operations(staged.beforeColumns()));
    assertEquals(List.of(new AddConstraint("orders", ck("ck_orders_status", "status in ('A','B','C')"))),
        operations(staged.afterColumns()));
    assertEquals(2, staged.operations().size());
  }

  @Test
  void valuesInStringsAreComparedWithTheirCase() {
    Staged staged = postgres(orders(ck("c", "status in ('a','b')")), orders(ck("c", "status in ('A','B')")));

    assertEquals(List.of(new DropConstraint("orders", "c"), new AddConstraint("orders", ck("c", "status in ('A','B')"))),
        staged.operations());
  }

  @Test
  void checksAreMatchedByExpressionNotByName() {
    Staged staged = postgres(orders(ck("a", "qty >= 0"), ck("b", "qty < 100")),
        orders(ck("b", "qty >= 0"), ck("c", "qty < 1000")));

    assertEquals(List.of(new DropConstraint("orders", "b"), new AddConstraint("orders", ck("c", "qty < 1000"))),
        staged.operations());
  }

  /** It used to throw IllegalStateException ("has no name to drop it by") out of the diff. */
  @Test
  void aCheckWithoutANameIsAWarningNotACrash() {
    Staged staged = postgres(orders(ck(null, "qty >= 0")), orders());

    assertTrue(staged.operations().isEmpty(), staged::toString);
    assertEquals(List.of("check constraint on orders [] (qty >= 0) has no name, so no migration can drop it: drop it"
        + " by hand, or name it in the database"), staged.warnings());
  }
}
