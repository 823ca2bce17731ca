package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.fk;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.ReferentialAction.CASCADE;
import static dev.autogenerate.schema.ReferentialAction.SET_NULL;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.compare.CompareTesting.Staged;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyComparatorTest {

  private static Table orders(ForeignKey... keys) {
    List<Object> parts = new ArrayList<>(List.of(col("id", BIGINT), col("user_id", BIGINT), col("shop_id", BIGINT)));
    parts.addAll(List.of(keys));
    return table("orders", parts.toArray());
  }

  private static ForeignKey toUsers(String name) {
    return fk(name, List.of("user_id"), "users", List.of("id"));
  }

  private static Staged compare(Table existing, Table wanted) {
    return run(new ForeignKeyComparator(), existing, wanted);
  }

  @Test
  void sameReferenceUnderAnotherNameChangesNothing() {
    assertTrue(compare(orders(toUsers("orders_user_id_fkey")), orders(toUsers("fk_orders_user_id_users"))).isEmpty());
    assertTrue(compare(orders(toUsers("a").onDelete(CASCADE)), orders(toUsers("b").onDelete(CASCADE))).isEmpty());
  }

  @Test
  void newForeignKeyIsAddedInTheForeignKeyStage() {
    Staged staged = compare(orders(), orders(toUsers("fk_orders_user_id_users")));

    assertEquals(List.of(new AddConstraint("orders", toUsers("fk_orders_user_id_users"))),
        operations(staged.foreignKeyAdds()));
    assertEquals(1, staged.operations().size());
    assertNull(staged.foreignKeyAdds().get(0).reason());
  }

  @Test
  void goneForeignKeyIsDroppedInTheForeignKeyStage() {
    Staged staged = compare(orders(toUsers("orders_user_id_fkey")), orders());

    assertEquals(List.of(new DropConstraint("orders", "orders_user_id_fkey")), operations(staged.foreignKeyDrops()));
    assertEquals(1, staged.operations().size());
    assertNull(staged.foreignKeyDrops().get(0).reason());
  }

  @Test
  void changedActionsDropTheKeyAndAddItAgain() {
    Staged staged = compare(orders(toUsers("orders_user_id_fkey")),
        orders(toUsers("fk_orders_user_id_users").onDelete(CASCADE).onUpdate(SET_NULL)));

    assertEquals(List.of(new DropConstraint("orders", "orders_user_id_fkey")), operations(staged.foreignKeyDrops()));
    assertEquals(List.of(new AddConstraint("orders", toUsers("fk_orders_user_id_users").onDelete(CASCADE).onUpdate(SET_NULL))),
        operations(staged.foreignKeyAdds()));
    assertEquals("foreign key orders_user_id_fkey: on delete no action -> cascade, on update no action -> set null,"
        + " so it is dropped and added again", staged.foreignKeyDrops().get(0).reason());
  }

  /** Found adopting a database: a cascade the entities lack went with "its actions change" only. */
  @Test
  void aCascadeThatGoesIsNamed() {
    Staged staged = compare(orders(toUsers("fk_lines_order").onDelete(CASCADE)), orders(toUsers("fk_lines_order")));

    assertEquals("foreign key fk_lines_order: on delete cascade -> no action, so it is dropped and added again",
        staged.foreignKeyDrops().get(0).reason());
  }

  @Test
  void onUpdateAloneIsAChangeToo() {
    Staged staged = compare(orders(toUsers("k")), orders(toUsers("k").onUpdate(CASCADE)));

    assertEquals(List.of(new DropConstraint("orders", "k"), new AddConstraint("orders", toUsers("k").onUpdate(CASCADE))),
        staged.operations());
  }

  @Test
  void otherReferencedTableOrColumnsIsAnotherKey() {
    ForeignKey toShops = fk("fk_shop", List.of("shop_id"), "shops", List.of("id"));
    ForeignKey toShopsByCode = fk("fk_shop", List.of("shop_id"), "shops", List.of("code"));
    ForeignKey toStores = fk("fk_shop", List.of("shop_id"), "stores", List.of("id"));

    assertEquals(List.of(new DropConstraint("orders", "fk_shop"), new AddConstraint("orders", toShopsByCode)),
        compare(orders(toShops), orders(toShopsByCode)).operations());
    assertEquals(List.of(new DropConstraint("orders", "fk_shop"), new AddConstraint("orders", toStores)),
        compare(orders(toShops), orders(toStores)).operations());
  }

  @Test
  void foreignKeysNeverGoInTheOtherStages() {
    Staged staged = compare(orders(toUsers("a")), orders(toUsers("a").onDelete(CASCADE)));

    assertEquals(List.of(), staged.beforeColumns());
    assertEquals(List.of(), staged.columns());
    assertEquals(List.of(), staged.afterColumns());
  }
}
