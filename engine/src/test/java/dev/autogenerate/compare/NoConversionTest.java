package dev.autogenerate.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.SqlType;
import org.junit.jupiter.api.Test;

/** The type changes PostgreSQL has no cast for, as its catalog pg_cast has them. */
class NoConversionTest {

  @Test
  void noCastBetweenFamiliesButTheIntegerAndTheBoolean() {
    assertTrue(NoConversion.between(SqlType.BIGINT, SqlType.UUID));
    assertTrue(NoConversion.between(SqlType.UUID, SqlType.INTEGER));
    assertTrue(NoConversion.between(SqlType.DATE, SqlType.INTEGER));
    assertTrue(NoConversion.between(SqlType.BOOLEAN, SqlType.DATE));
    assertTrue(NoConversion.between(SqlType.BIGINT, SqlType.BOOLEAN));
    assertFalse(NoConversion.between(SqlType.INTEGER, SqlType.BOOLEAN));
    assertFalse(NoConversion.between(SqlType.BOOLEAN, SqlType.INTEGER));
    assertFalse(NoConversion.between(SqlType.BIGINT, SqlType.NUMERIC));
    assertFalse(NoConversion.between(SqlType.TEXT, SqlType.UUID));
    assertFalse(NoConversion.between(SqlType.UUID, SqlType.TEXT));
  }

  /**
   * Found by a user test adopting a database: an interval column a Duration maps (numeric(21))
   * was warned of as converted, and the upgrade failed on every row: no cast to a number.
   */
  @Test
  void anIntervalCastsToTextAndATimeOfDayOnly() {
    SqlType interval = SqlType.sqlType("interval");
    assertTrue(NoConversion.between(interval, SqlType.numeric(21, 0)));
    assertTrue(NoConversion.between(SqlType.BIGINT, interval));
    assertTrue(NoConversion.between(interval, SqlType.TIMESTAMP));
    assertFalse(NoConversion.between(interval, SqlType.time(0)));
    assertFalse(NoConversion.between(interval, SqlType.TEXT));
    assertFalse(NoConversion.between(SqlType.sqlType("interval second"), interval));
  }

  /** Found by a review: a LocalTime made LocalDateTime failed even on an empty table. */
  @Test
  void noCastBetweenATimeOfDayAndADate() {
    assertTrue(NoConversion.between(SqlType.time(0), SqlType.TIMESTAMP));
    assertTrue(NoConversion.between(SqlType.time(0), SqlType.DATE));
    assertTrue(NoConversion.between(SqlType.DATE, SqlType.time(0)));
    assertFalse(NoConversion.between(SqlType.TIMESTAMP, SqlType.DATE));
    assertFalse(NoConversion.between(SqlType.TIMESTAMP, SqlType.time(0)));
    assertFalse(NoConversion.between(SqlType.DATE, SqlType.TIMESTAMP_TZ));
    assertFalse(NoConversion.between(SqlType.TIMESTAMP, SqlType.TIMESTAMP_TZ));
  }
}
