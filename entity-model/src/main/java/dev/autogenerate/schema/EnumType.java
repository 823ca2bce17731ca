package dev.autogenerate.schema;

import java.util.HashSet;
import java.util.List;

/**
 * A PostgreSQL enum type ({@code create type status as enum (...)}), in value order. Columns of
 * the type use {@code SqlType.sqlType(name)}.
 */
public record EnumType(String name, List<String> values) {

  public EnumType {
    Identifiers.requireValid(name, "enum type name");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("enum type " + name + " needs at least one value");
    }
    if (new HashSet<>(values).size() != values.size()) {
      throw new IllegalArgumentException("enum type " + name + " lists a value twice: " + values);
    }
  }

  /** {@code enumType("order_status", "NEW", "PAID")}. */
  public static EnumType enumType(String name, String... values) {
    return new EnumType(name, List.of(values));
  }
}
