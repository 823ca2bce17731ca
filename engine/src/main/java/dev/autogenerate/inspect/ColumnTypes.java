package dev.autogenerate.inspect;

import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.SqlTypeParser;
import java.util.HashMap;
import java.util.Map;

/**
 * Column types as the inspectors read them, one instance per inspection. A schema spells the same
 * few dozen types over and over, so each spelling is parsed once.
 */
public final class ColumnTypes {

  private final Map<String, SqlType> parsed = new HashMap<>();

  /**
   * The portable type for a spelling the database reports. One odd column must not fail the
   * whole inspection: a spelling the parser rejects (PostgreSQL's {@code numeric(10,-2)}, whose
   * negative scale {@link SqlType} does not allow) is kept as the raw type it is.
   */
  public SqlType parse(String spelling) {
    return parsed.computeIfAbsent(spelling, ColumnTypes::parseOnce);
  }

  private static SqlType parseOnce(String spelling) {
    try {
      return SqlTypeParser.parse(spelling);
    } catch (IllegalArgumentException e) {
      return SqlType.sqlType(spelling);
    }
  }
}
