package dev.autogenerate.dialect;

import dev.autogenerate.schema.SqlType;

/** Appends a portable type's length or precision to a base name: {@code varchar(20)}. */
final class TypeSpelling {

  private TypeSpelling() {}

  static String withLength(String base, SqlType type) {
    return type.length() == null ? base : base + "(" + type.length() + ")";
  }

  static String withPrecision(String base, SqlType type) {
    if (type.precision() == null) {
      return base;
    }
    if (type.scale() == null) {
      return base + "(" + type.precision() + ")";
    }
    return base + "(" + type.precision() + "," + type.scale() + ")";
  }
}
