package dev.autogenerate.scenarios;

import static dev.autogenerate.scenarios.Entities.ID;
import static dev.autogenerate.scenarios.Entities.entity;
import static dev.autogenerate.scenarios.Entities.enumType;
import static dev.autogenerate.scenarios.Scenario.named;

import java.util.List;

/**
 * Enums: STRING and ORDINAL with their checks, and PostgreSQL named enum types. SQLite has no enum
 * types, but a migration made against it still carries them, for PostgreSQL in production.
 */
final class EnumScenarios {

  private EnumScenarios() {}

  private static final String STATUS = enumType("Status", "NEW", "PAID");
  private static final String STATUS_MORE = enumType("Status", "NEW", "PAID", "SHIPPED");
  private static final String STATUS_LESS = enumType("Status", "NEW");
  private static final String STATUS_IN_FRONT = enumType("Status", "ARCHIVED", "CANCELLED", "NEW", "PAID");

  private static String order(String field) {
    return entity("Order", "orders", ID, "String reference;", field);
  }

  private static final String NAMED = "@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Status status;";

  static List<Scenario> all() {
    return List.of(
        named("a STRING enum field adds a column and its check")
            .before(order(""), STATUS)
            .after(order("@Enumerated(EnumType.STRING) Status status;"), STATUS)
            .expect("add column orders.status", "add check constraint ck_orders_status on orders"),
        named("a new STRING enum value changes the check")
            .before(order("@Enumerated(EnumType.STRING) Status status;"), STATUS)
            .after(order("@Enumerated(EnumType.STRING) Status status;"), STATUS_MORE)
            .expect("drop constraint ck_orders_status on orders", "add check constraint ck_orders_status on orders"),
        named("an ORDINAL enum field")
            .before(order(""), STATUS)
            .after(order("@Enumerated(EnumType.ORDINAL) Status status;"), STATUS)
            .expect("add column orders.status", "add check constraint ck_orders_status on orders"),
        named("a new ORDINAL enum value widens the check")
            .before(order("@Enumerated(EnumType.ORDINAL) Status status;"), STATUS)
            .after(order("@Enumerated(EnumType.ORDINAL) Status status;"), STATUS_MORE)
            .expect("drop constraint ck_orders_status on orders", "add check constraint ck_orders_status on orders"),
        named("a named enum type and its column")
            .before(order(""), STATUS)
            .after(order(NAMED), STATUS)
            .expect("create enum type status", "add column orders.status"),
        named("a value added to a named enum type")
            .before(order(NAMED), STATUS)
            .after(order(NAMED), STATUS_MORE)
            .expect("alter enum type status"),
        named("values added in front of a named enum type keep their order")
            .before(order(NAMED), STATUS)
            .after(order(NAMED), STATUS_IN_FRONT)
            .expect("alter enum type status"),
        named("a value removed from a named enum type, by the safe recipe")
            .before(order(NAMED), STATUS)
            .after(order(NAMED), STATUS_LESS)
            .expect("alter enum type status"),
        named("the last column of a named enum type goes, and the type with it")
            .before(order(NAMED), STATUS)
            .after(order(""), STATUS)
            .expect("drop column orders.status", "drop enum type status"));
  }
}
