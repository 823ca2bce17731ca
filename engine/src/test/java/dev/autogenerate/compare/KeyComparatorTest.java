package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.compare.CompareTesting.unnamedPk;
import static dev.autogenerate.compare.CompareTesting.uq;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.pk;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.compare.CompareTesting.Staged;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyComparatorTest {

  /** {@code orders (id, tenant, code, email)} with the given keys and indexes. */
  private static Table orders(Object... keys) {
    List<Object> parts = new ArrayList<>(
        List.of(col("id", BIGINT).notNull(), col("tenant", BIGINT).notNull(), col("code", TEXT), col("email", TEXT)));
    parts.addAll(List.of(keys));
    return table("orders", parts.toArray());
  }

  private static Staged compare(Table existing, Table wanted) {
    return run(new KeyComparator(), existing, wanted);
  }

  @Test
  void samePrimaryKeyUnderAnotherNameChangesNothing() {
    assertTrue(compare(orders(pk("orders_pk", "id", "tenant")), orders(pk("orders_pkey", "tenant", "id"))).isEmpty());
  }

  @Test
  void sameUniquesUnderOtherNamesAndColumnOrderChangeNothing() {
    assertTrue(compare(orders(uq("orders_code_key", "code", "tenant")), orders(uq("uq_orders_tenant_code", "tenant", "code")))
        .isEmpty());
  }

  @Test
  void changedPrimaryKeyIsDroppedBeforeTheColumnsAndAddedAfter() {
    Staged staged = compare(orders(pk("orders_pkey", "id")), orders(pk("orders_pkey", "id", "tenant")));

    assertEquals(List.of(new DropConstraint("orders", "orders_pkey")), operations(staged.beforeColumns()));
    assertEquals(List.of(new AddConstraint("orders", pk("orders_pkey", "id", "tenant"))), operations(staged.afterColumns()));
    assertEquals("primary key of orders changes from [id] to (id, tenant)", staged.beforeColumns().get(0).reason());
  }

  @Test
  void newPrimaryKeyIsAddedOnly() {
    Staged staged = compare(orders(), orders(pk("orders_pkey", "id")));

    assertEquals(List.of(new AddConstraint("orders", pk("orders_pkey", "id"))), staged.operations());
    assertEquals(List.of(new AddConstraint("orders", pk("orders_pkey", "id"))), operations(staged.afterColumns()));
  }

  @Test
  void gonePrimaryKeyIsDroppedOnly() {
    Staged staged = compare(orders(pk("orders_pkey", "id")), orders());

    assertEquals(List.of(new DropConstraint("orders", "orders_pkey")), staged.operations());
    assertEquals("primary key of orders changes from [id] to no primary key", staged.beforeColumns().get(0).reason());
  }

  @Test
  void changedPrimaryKeyWithoutANameIsAWarning() {
    Staged staged = compare(orders(unnamedPk("id")), orders(pk("orders_pkey", "id", "tenant")));

    assertEquals(List.of(), staged.operations());
    assertEquals(List.of("primary key of orders differs: the database has (id), the entities map (id, tenant);"
        + " change it by hand"), staged.warnings());
  }

  @Test
  void unnamedPrimaryKeyThatStaysTheSameIsFine() {
    assertTrue(compare(orders(unnamedPk("id")), orders(pk("orders_pkey", "id"))).isEmpty());
  }

  @Test
  void newUniqueIsAddedAfterTheColumnsAndGoneOneDroppedBefore() {
    Staged staged = compare(orders(uq("orders_code_key", "code")), orders(uq("uq_orders_email", "email")));

    assertEquals(List.of(new DropConstraint("orders", "orders_code_key")), operations(staged.beforeColumns()));
    assertEquals(List.of(new AddConstraint("orders", uq("uq_orders_email", "email"))), operations(staged.afterColumns()));
  }

  @Test
  void uniqueOnOtherColumnsIsAnotherUnique() {
    Staged staged = compare(orders(uq("uq_a", "code")), orders(uq("uq_a", "code", "tenant")));

    assertEquals(List.of(new DropConstraint("orders", "uq_a"), new AddConstraint("orders", uq("uq_a", "code", "tenant"))),
        staged.operations());
  }

  @Test
  void uniqueIndexInTheDatabaseStandsInForAUniqueConstraint() {
    assertTrue(compare(orders(uniqueIndex("orders_email_idx", asc("email"))), orders(uq("uq_orders_email", "email")))
        .isEmpty());
  }

  @Test
  void uniqueConstraintInTheDatabaseStandsInForAUniqueIndex() {
    assertTrue(compare(orders(uq("orders_email_key", "email")), orders(uniqueIndex("ux_orders_email", asc("email"))))
        .isEmpty());
  }

  @Test
  void aDescendingUniqueIndexIsNoUniqueConstraint() {
    Staged staged = compare(orders(uq("orders_email_key", "email")), orders(uniqueIndex("ux_orders_email", desc("email"))));

    assertEquals(List.of(new DropConstraint("orders", "orders_email_key")), staged.operations());
  }


  /** It used to throw IllegalStateException ("has no name to drop it by") out of the diff. */
  @Test
  void aUniqueWithoutANameIsAWarningNotACrash() {
    Staged staged = compare(orders(uq(null, "code")), orders());

    assertTrue(staged.operations().isEmpty(), staged::toString);
    assertEquals(List.of("unique constraint on orders [code] has no name, so no migration can drop it: drop it by hand,"
        + " or name it in the database"), staged.warnings());
  }
}
