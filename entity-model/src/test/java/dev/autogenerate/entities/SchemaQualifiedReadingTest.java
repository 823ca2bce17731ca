package dev.autogenerate.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.schema.Schema;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables and sequences outside the default schema come out qualified: {@code sales.orders}. */
class SchemaQualifiedReadingTest {

  @Entity(name = "Customer")
  @Table(name = "customers")
  static class Customer {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
  }

  @Entity(name = "Order")
  @Table(schema = "Sales", name = "orders")
  static class Order {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_seq")
    @SequenceGenerator(name = "orders_seq", schema = "sales", sequenceName = "orders_seq")
    Long id;
    @ManyToOne Customer customer;
  }

  @Entity(name = "Invoice")
  @Table(schema = "billing", name = "invoices")
  static class Invoice {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @ManyToOne Order salesOrder;
  }

  @Test
  void qualifiesTablesForeignKeysAndSequencesByTheirSchema() {
    Schema schema = new EntityModelReader(EntityModelOptions.using(getClass().getClassLoader()))
        .read(List.of(Customer.class, Order.class, Invoice.class));
    assertEquals(Set.of("customers", "sales.orders", "billing.invoices"), schema.tables().keySet());
    assertEquals("customers", schema.requireTable("sales.orders").foreignKeys().get(0).referencedTable());
    assertEquals("sales.orders", schema.requireTable("billing.invoices").foreignKeys().get(0).referencedTable());
    assertEquals(Set.of("sales.orders_seq"), schema.sequences().keySet());
    assertEquals(Set.of("billing", "sales"), schema.otherSchemas());
  }

  @Test
  void theDefaultSchemaSettingQualifiesTablesWithoutOne() {
    Schema schema = new EntityModelReader(new EntityModelOptions(getClass().getClassLoader(), null, null,
        Map.of("hibernate.default_schema", "app")))
        .read(List.of(Customer.class, Order.class));
    assertEquals(Set.of("app.customers", "sales.orders"), schema.tables().keySet());
    assertEquals("app.customers", schema.requireTable("sales.orders").foreignKeys().get(0).referencedTable());
  }
}
