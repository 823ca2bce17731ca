package dev.autogenerate.schema;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Schema#withDefaultSchema}: names in the connection's current schema lose the qualifier. */
class DefaultSchemaTest {

  private static Table table(String name, ForeignKey... keys) {
    return new Table(name, List.of(column("id", SqlType.BIGINT), column("ref_id", SqlType.BIGINT)),
        Optional.of(new PrimaryKey(null, List.of("id"))), List.of(), List.of(keys), List.of(), List.of(), null);
  }

  private static ForeignKey to(String table) {
    return ForeignKey.foreignKey(null, List.of("ref_id"), table, List.of("id"));
  }

  private final Schema schema = Schema.of(
      List.of(table("public.customers", to("sales.orders")), table("sales.orders", to("public.customers")),
          table("notes", to("customers"))),
      List.of(new Sequence("public.customers_seq", 1, 50), new Sequence("sales.orders_seq", 1, 50)),
      List.of());

  @Test
  void stripsTheCurrentSchemaFromTablesReferencesAndSequences() {
    Schema stripped = schema.withDefaultSchema("public");
    assertEquals(Set.of("customers", "notes", "sales.orders"), stripped.tables().keySet());
    assertEquals("sales.orders", stripped.requireTable("customers").foreignKeys().get(0).referencedTable());
    assertEquals("customers", stripped.requireTable("sales.orders").foreignKeys().get(0).referencedTable());
    assertEquals("customers", stripped.requireTable("notes").foreignKeys().get(0).referencedTable());
    assertEquals(Set.of("customers_seq", "sales.orders_seq"), stripped.sequences().keySet());
    assertEquals(Set.of("sales"), stripped.otherSchemas());
  }

  @Test
  void anotherCurrentSchemaStripsThatOne() {
    Schema stripped = schema.withDefaultSchema("sales");
    assertEquals(Set.of("public.customers", "notes", "orders"), stripped.tables().keySet());
    assertEquals(Set.of("public"), stripped.otherSchemas());
  }

  @Test
  void noCurrentSchemaChangesNothing() {
    assertSame(schema, schema.withDefaultSchema(null));
  }

  @Test
  void schemaOfReadsTheQualifier() {
    assertEquals("sales", Schema.schemaOf("sales.orders"));
    assertNull(Schema.schemaOf("orders"));
  }
}
