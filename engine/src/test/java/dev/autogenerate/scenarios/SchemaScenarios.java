package dev.autogenerate.scenarios;

import static dev.autogenerate.scenarios.Entities.ID;
import static dev.autogenerate.scenarios.Entities.annotated;
import static dev.autogenerate.scenarios.Entities.entity;
import static dev.autogenerate.scenarios.Scenario.named;

import dev.autogenerate.schema.DatabaseKind;
import java.util.List;

/**
 * Tables and sequences in a schema other than the connection's current one (PostgreSQL only):
 * named {@code sales.orders} in operations and migrations.
 */
final class SchemaScenarios {

  private SchemaScenarios() {}

  private static String order(String... members) {
    return annotated("Order", "@Entity\n@Table(schema = \"sales\", name = \"orders\")", members);
  }

  private static String salesCustomer() {
    return annotated("Customer", "@Entity\n@Table(schema = \"sales\", name = \"customers\")", ID, "String name;");
  }

  private static final String CUSTOMER = entity("Customer", "customers", ID, "String name;");

  static List<Scenario> all() {
    return List.of(
        named("a new entity in another schema")
            .inSchemas("sales")
            .before(CUSTOMER)
            .after(CUSTOMER, order(ID, "String code;"))
            .expect("create table sales.orders"),
        named("a column added to a table in another schema")
            .inSchemas("sales")
            .before(order(ID, "String code;"))
            .after(order(ID, "String code;", "String note;"))
            .expect("add column sales.orders.note"),
        named("a foreign key from the default schema to another")
            .inSchemas("sales")
            .before(salesCustomer(), entity("User", "users", ID, "String email;"))
            .after(salesCustomer(), entity("User", "users", ID, "String email;", "@ManyToOne Customer customer;"))
            .expect("add column users.customer_id",
                "add foreign key fk_users_customer_id_sales_customers on users"),
        named("a foreign key from another schema to the default one")
            .inSchemas("sales")
            .before(CUSTOMER, order(ID, "String code;"))
            .after(CUSTOMER, order(ID, "String code;", "@ManyToOne Customer customer;"))
            .expect("add column sales.orders.customer_id",
                "add foreign key fk_sales_orders_customer_id_customers on sales.orders"),
        named("new tables in two schemas referencing each other")
            .inSchemas("sales")
            .after(CUSTOMER, order(ID, "@ManyToOne Customer customer;"))
            .expect("create table customers", "create table sales.orders"),
        named("an index on a table in another schema")
            .inSchemas("sales")
            .before(order(ID, "String code;"))
            .after(annotated("Order",
                "@Entity\n@Table(schema = \"sales\", name = \"orders\", indexes = @Index(columnList = \"code\"))",
                ID, "String code;"))
            .expect("create index ix_sales_orders_code on sales.orders"),
        named("a sequence in another schema")
            .inSchemas("sales")
            .after(order("@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"order_numbers\")"
                    + " @SequenceGenerator(name = \"order_numbers\", schema = \"sales\","
                    + " sequenceName = \"order_numbers\", allocationSize = 10) Long id;", "String code;"))
            .expect("create sequence sales.order_numbers", "create table sales.orders"),
        named("two schemas, one table name")
            .inSchemas("sales", "billing")
            .before(order(ID, "String code;"))
            .after(order(ID, "String code;"), annotated("Invoice",
                "@Entity\n@Table(schema = \"billing\", name = \"orders\")", ID, "@ManyToOne Order salesOrder;"))
            .expect("create table billing.orders"),
        named("@Table(schema = \"public\") is the same as no schema")
            .only(DatabaseKind.POSTGRESQL)
            .before(entity("User", "users", ID, "String email;"))
            .after(annotated("User", "@Entity\n@Table(schema = \"public\", name = \"users\")", ID, "String email;"))
            .expect());
  }
}
