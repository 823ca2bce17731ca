package dev.autogenerate.inspect;

import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.SqlTypeParser;

/** Column types as the inspectors read them. */
final class ColumnTypes {

  private ColumnTypes() {}

  /**
   * The portable type for a spelling the database reports. One odd column must not fail the
   * whole inspection: a spelling the parser rejects (PostgreSQL's {@code numeric(10,-2)}, whose
   * negative scale {@link SqlType} does not allow) is kept as the raw type it is.
   */
  static SqlType parse(String spelling) {
    try {
      return SqlTypeParser.parse(spelling);
    } catch (IllegalArgumentException e) {
      return SqlType.sqlType(spelling);
    }
  }
}
