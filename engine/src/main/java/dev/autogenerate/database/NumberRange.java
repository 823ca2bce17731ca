package dev.autogenerate.database;

import dev.autogenerate.schema.SqlType;
import java.math.BigDecimal;

/**
 * A number type's range, for counting the values a conversion to it fails on: those too large
 * for it once rounded to it. An integer type rounds to whole numbers, so 2147483647.5 is already
 * too large for an integer; a numeric(p, s) holds magnitudes below 10^(p - s) once rounded to s
 * decimals; a float rounds anything up to its largest value.
 */
final class NumberRange {

  private static final BigDecimal HALF = new BigDecimal("0.5");

  private NumberRange() {}

  /** A condition true where {@code column}'s value does not fit {@code type}, in both databases' SQL. */
  static String outside(String column, SqlType type) {
    return switch (type.kind()) {
      case SMALLINT -> outsideRounded(column, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> outsideRounded(column, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> outsideRounded(column, Long.MIN_VALUE, Long.MAX_VALUE);
      case REAL -> beyond(column, new BigDecimal(Float.MAX_VALUE).toPlainString());
      case DOUBLE -> beyond(column, Double.toString(Double.MAX_VALUE).replace("E", "e"));
      case NUMERIC -> outsideNumeric(column, type);
      default -> throw new IllegalArgumentException("no range for " + type);
    };
  }

  private static String outsideRounded(String column, long min, long max) {
    return column + " <= " + BigDecimal.valueOf(min).subtract(HALF).toPlainString() + " or " + column + " >= "
        + BigDecimal.valueOf(max).add(HALF).toPlainString();
  }

  private static String beyond(String column, String largest) {
    return column + " < -" + largest + " or " + column + " > " + largest;
  }

  /** Beyond 10^(p - s), less half of its last decimal: numeric(5, 2) takes 999.994 but not 999.995. */
  private static String outsideNumeric(String column, SqlType numeric) {
    if (numeric.precision() == null) {
      throw new IllegalArgumentException("an unconstrained numeric takes any number");
    }
    int scale = numeric.scale() == null ? 0 : numeric.scale();
    String limit = BigDecimal.ONE.movePointRight(numeric.precision() - scale).subtract(HALF.movePointLeft(scale))
        .toPlainString();
    return column + " <= -" + limit + " or " + column + " >= " + limit;
  }
}
