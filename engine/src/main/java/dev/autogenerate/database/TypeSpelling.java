package dev.autogenerate.database;

import dev.autogenerate.schema.SqlType;

/** How both databases spell portable types, where they agree: {@code varchar(20)}, {@code numeric(10,2)}. */
public final class TypeSpelling {

  private TypeSpelling() {}

  /**
   * The spelling the two databases share for a type; a dialect handles the kinds where they
   * differ (double, times, uuid, binary, json) before falling back to this.
   */
  public static String common(SqlType type) {
    switch (type.kind()) {
      case BOOLEAN: return "boolean";
      case SMALLINT: return "smallint";
      case INTEGER: return "integer";
      case BIGINT: return "bigint";
      case REAL: return "real";
      case NUMERIC: return withPrecision("numeric", type);
      case CHAR: return withLength("char", type);
      case VARCHAR: return withLength("varchar", type);
      case TEXT: return "text";
      case DATE: return "date";
      case RAW: return type.rawName();
      default: throw new IllegalArgumentException("no common spelling for " + type + ": the dialect must spell it");
    }
  }

  public static String withLength(String base, SqlType type) {
    return type.length() == null ? base : base + "(" + type.length() + ")";
  }

  public static String withPrecision(String base, SqlType type) {
    if (type.precision() == null) {
      return base;
    }
    if (type.scale() == null) {
      return base + "(" + type.precision() + ")";
    }
    return base + "(" + type.precision() + "," + type.scale() + ")";
  }
}
