package dev.autogenerate.schema;

import java.util.HashSet;
import java.util.List;

/**
 * A PostgreSQL enum type ({@code create type status as enum (...)}), in value order. Columns of
 * the type use {@code SqlType.sqlType(name)}.
 *
 * <p>{@code orderMatters} says whether the order of the values is part of what the type means. A
 * database's type has its order, and rows sort and compare by it; the entities' type has one only
 * when mapped {@code NAMED_ORDINAL_ENUM} (the constants' ordinal order, which queries comparing
 * the values rely on). {@code NAMED_ENUM} stores names, and Hibernate lists them sorted, an order
 * nobody chose: a database type with the same values in another order is the same type to it.
 */
public record EnumType(String name, List<String> values, boolean orderMatters) {

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

  /** A type whose order matters, as every type a database holds. */
  public EnumType(String name, List<String> values) {
    this(name, values, true);
  }

  /** {@code enumType("order_status", "NEW", "PAID")}. */
  public static EnumType enumType(String name, String... values) {
    return new EnumType(name, List.of(values));
  }

  /** The same type, its values' order no part of its meaning (see the class comment). */
  public EnumType withValuesInAnyOrder() {
    return new EnumType(name, values, false);
  }
}
