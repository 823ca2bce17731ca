package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.ck;
import static dev.autogenerate.compare.CompareTesting.unnamedPk;
import static dev.autogenerate.compare.CompareTesting.uq;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.fk;
import static dev.autogenerate.inspect.InspectorTesting.pk;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamingConventionTest {

  private static final NamingConvention DEFAULTS = NamingConvention.defaults();

  /** {@code orders (id, customer_id, code, region, qty)} with the given unnamed or named parts. */
  private static Table orders(String name, Object... parts) {
    List<Object> all = new ArrayList<>(List.of(col("id", BIGINT), col("customer_id", BIGINT), col("code", TEXT),
        col("region", TEXT), col("qty", INTEGER)));
    all.addAll(List.of(parts));
    return table(name, all.toArray());
  }

  private static Table named(NamingConvention naming, Table table) {
    return naming.apply(schema(table)).requireTable(table.name());
  }

  private static ForeignKey toCustomers(String name, String table) {
    return fk(name, List.of("customer_id"), table, List.of("id"));
  }

  private static NamingConvention only(String template) {
    return new NamingConvention(template, template, template, template, template);
  }

  @Test
  void defaultsNameEachKindOfObject() {
    Table named = named(DEFAULTS, orders("orders", unnamedPk("id"), uq(null, "code", "region"),
        toCustomers(null, "customers"), ck(null, "qty >= 0"), index(null, "region", "code")));

    assertEquals(pk("orders_pkey", "id"), named.primaryKey().orElseThrow());
    assertEquals(List.of(uq("uq_orders_code_region", "code", "region")), named.uniqueConstraints());
    assertEquals(List.of(toCustomers("fk_orders_customer_id_customers", "customers")), named.foreignKeys());
    assertEquals(List.of(ck("ck_orders_qty", "qty >= 0")), named.checks());
    assertEquals(List.of(index("ix_orders_region_code", "region", "code")), named.indexes());
  }

  @Test
  void defaultsAreTheseTemplates() {
    assertEquals(new NamingConvention("%(table_name)s_pkey", "uq_%(table_name)s_%(column_0_N_name)s",
        "ix_%(table_name)s_%(column_0_N_name)s", "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "ck_%(table_name)s_%(column_0_name)s"), DEFAULTS);
  }

  @Test
  void everyTokenIsFilledIn() {
    NamingConvention naming = only("%(table_name)s-%(column_0_name)s-%(column_0_N_name)s-%(referred_table_name)s");

    Table named = named(naming, orders("orders", unnamedPk("id", "code"), toCustomers(null, "customers")));

    assertEquals("orders-id-id_code-", named.primaryKey().orElseThrow().name());
    assertEquals("orders-customer_id-customer_id-customers", named.foreignKeys().get(0).name());
  }

  @Test
  void onlyAWordBetweenTheMarksIsAToken() {
    // Text that is not %(word)s stays as written, and a token right after it is still filled in;
    // a dollar sign and a backslash are plain text.
    NamingConvention naming = only("pk$%(table_name)s%(%(column_0_name)s_%()s_%(a b)s_%(table_name)\\");

    Table named = named(naming, orders("orders", unnamedPk("id")));

    assertEquals("pk$orders%(id_%()s_%(a b)s_%(table_name)\\", named.primaryKey().orElseThrow().name());
  }

  @Test
  void checkIsNamedAfterTheFirstColumnItsExpressionUses() {
    Table named = named(DEFAULTS, orders("orders", ck(null, "1 <= QTY and qty <= 100 and code <> ''"),
        ck(null, "length(code) > 2"), ck(null, "1 = 1")));

    assertEquals(List.of("ck_orders_qty", "ck_orders_code", "ck_orders_check"),
        named.checks().stream().map(check -> check.name()).toList());
  }

  @Test
  void aQuotedIdentifierInACheckKeepsItsCase() {
    Table table = table("t", col("Qty", INTEGER), col("qty", INTEGER), ck(null, "\"Qty\" > 0"));

    assertEquals("ck_t_Qty", named(DEFAULTS, table).checks().get(0).name());
  }

  @Test
  void templatesCanBeGivenByKindTheRestStayDefault() {
    NamingConvention naming = NamingConvention.of(Map.of("pk", "pk_%(table_name)s", "fk", "%(table_name)s_%(column_0_name)s_fkey"));

    assertEquals(new NamingConvention("pk_%(table_name)s", DEFAULTS.unique(), DEFAULTS.index(),
        "%(table_name)s_%(column_0_name)s_fkey", DEFAULTS.check()), naming);
    Table named = named(naming, orders("orders", unnamedPk("id"), toCustomers(null, "customers")));
    assertEquals("pk_orders", named.primaryKey().orElseThrow().name());
    assertEquals("orders_customer_id_fkey", named.foreignKeys().get(0).name());
  }

  @Test
  void unknownTokenIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> NamingConvention.of(Map.of("uq", "uq_%(table_name)s_%(constraint_name)s")));

    assertEquals("unknown naming-convention token %(constraint_name)s in uq_%(table_name)s_%(constraint_name)s:"
        + " use table_name, column_0_name, column_0_N_name or referred_table_name", error.getMessage());
  }

  @Test
  void namesTheMappingGaveAreKept() {
    Table table = orders("orders", pk("orders_pk", "id"), uq("orders_code_unique", "code"),
        toCustomers("orders_customer", "customers"), ck("qty_positive", "qty > 0"), index("by_region", "region"));

    assertEquals(table, named(DEFAULTS, table));
  }

  @Test
  void aGeneratedNameTakenAlreadyGetsANumber() {
    Table named = named(DEFAULTS, orders("orders", ck(null, "qty >= 0"), ck(null, "qty < 100"),
        index("ix_orders_region", "code"), index(null, "region")));

    assertEquals(List.of("ck_orders_qty", "ck_orders_qty_2"), named.checks().stream().map(check -> check.name()).toList());
    assertEquals(List.of("ix_orders_region", "ix_orders_region_2"),
        named.indexes().stream().map(each -> each.name()).toList());
  }

  @Test
  void aSchemaQualifiedTableGivesAnUnderscoreForTheDot() {
    Table named = named(DEFAULTS, orders("sales.orders", unnamedPk("id"), uq(null, "code"),
        toCustomers(null, "crm.customers")));

    assertEquals("sales_orders_pkey", named.primaryKey().orElseThrow().name());
    assertEquals("uq_sales_orders_code", named.uniqueConstraints().get(0).name());
    assertEquals("fk_sales_orders_customer_id_crm_customers", named.foreignKeys().get(0).name());
  }

  @Test
  void aNameOf63BytesIsKept() {
    String table = "t".repeat(63 - "_pkey".length());

    assertEquals(table + "_pkey", named(DEFAULTS, table(table, col("id", BIGINT), unnamedPk("id"))).primaryKey()
        .orElseThrow().name());
  }

  @Test
  void aLongerNameIsShortenedWithAHashOfTheFullName() throws Exception {
    String table = "order_line_items_with_a_very_long_descriptive_name";
    String full = "uq_" + table + "_customer_id_region_code";

    String name = named(DEFAULTS, orders(table, uq(null, "customer_id", "region", "code"))).uniqueConstraints().get(0).name();

    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(full.getBytes(StandardCharsets.UTF_8)));
    assertEquals(full.substring(0, 54) + "_" + hash.substring(0, 8), name);
    assertEquals(63, name.length());
  }

  @Test
  void shortenedNamesStayStableAndDistinct() {
    String table = "order_line_items_with_a_very_long_descriptive_name";
    Table first = orders(table, uq(null, "customer_id", "region", "code"), uq(null, "customer_id", "region", "qty"));

    List<String> names = named(DEFAULTS, first).uniqueConstraints().stream().map(unique -> unique.name()).toList();

    assertEquals(names, named(DEFAULTS, first).uniqueConstraints().stream().map(unique -> unique.name()).toList());
    assertEquals(names.get(0).substring(0, 54), names.get(1).substring(0, 54));
    assertNotEquals(names.get(0), names.get(1));
  }

  @Test
  void nonAsciiNamesAreShortenedToAtMost63Bytes() {
    // PostgreSQL counts bytes: a name cut to 63 characters would be cut again, losing the hash that keeps it unique.
    String table = "bestellpositionen_für_größere_aufträge_über_ländergrenzen_hinweg";
    Table withTwo = orders(table, uq(null, "customer_id", "region"), uq(null, "customer_id", "code"));

    List<String> names = named(DEFAULTS, withTwo).uniqueConstraints().stream().map(unique -> unique.name()).toList();

    for (String name : names) {
      assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63, name + " is longer than 63 bytes");
      assertTrue(name.matches("uq_bestellpositionen_für_größere_aufträge_über_l\\w*_[0-9a-f]{8}"), name);
    }
    assertNotEquals(names.get(0), names.get(1));
  }

  @Test
  void shorteningNeverSplitsACharacter() {
    // Four bytes each, two chars in Java: 54 bytes leave room for "t_" and 13 of them, not for half of another.
    String table = "t_" + "\uD83D\uDE00".repeat(20);

    String name = named(DEFAULTS, table(table, col("id", BIGINT), unnamedPk("id"))).primaryKey().orElseThrow().name();

    assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63, name);
    assertEquals(name, new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    assertTrue(name.startsWith("t_" + "\uD83D\uDE00".repeat(13) + "_"), name);
  }

  @Test
  void sequencesAndEnumTypesAreCarriedAlong() {
    Schema schema = Schema.of(List.of(orders("orders")), List.of(sequence("orders_seq", 1, 50)),
        List.of(enumType("status", "A")));

    assertEquals(schema, DEFAULTS.apply(schema));
  }
}
