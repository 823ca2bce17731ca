package dev.autogenerate.compare;

import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.SqlType.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The type changes PostgreSQL has no cast for at all, not even an explicit one: a number made a
 * UUID (a {@code Long} id made {@code UUID}, found by a user test), a date made a number, a boolean
 * made a date. {@code using id::uuid} then fails even on an empty table; through the value's text
 * it fails on each value instead, so that a column without values converts. The SQL standard's
 * other conversions (numbers among themselves, an integer and a boolean, timestamps to their date)
 * and every conversion to or from text exist.
 */
public final class NoConversion {

  private static final List<Set<Kind>> FAMILIES = List.of(
      EnumSet.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT, Kind.NUMERIC, Kind.REAL, Kind.DOUBLE),
      EnumSet.of(Kind.BOOLEAN),
      EnumSet.of(Kind.DATE, Kind.TIME, Kind.TIME_TZ, Kind.TIMESTAMP, Kind.TIMESTAMP_TZ),
      EnumSet.of(Kind.UUID),
      EnumSet.of(Kind.BINARY));

  private NoConversion() {}

  /** Times of day, which no cast makes a date or a timestamp, nor a date one of them. */
  private static final Set<Kind> TIMES_OF_DAY = EnumSet.of(Kind.TIME, Kind.TIME_TZ);
  private static final Set<Kind> DATED = EnumSet.of(Kind.DATE, Kind.TIMESTAMP, Kind.TIMESTAMP_TZ);

  /** Whether PostgreSQL converts no value of {@code from} to {@code to}. */
  public static boolean between(SqlType from, SqlType to) {
    if (isInterval(from) || isInterval(to)) {
      // A Duration mapped onto an adopted interval column (Hibernate's numeric(21), a user test):
      // an interval casts to and from text and a time of day only.
      SqlType other = isInterval(from) ? to : from;
      return !isInterval(other) && family(other.kind()) != null && !TIMES_OF_DAY.contains(other.kind());
    }
    Set<Kind> was = family(from.kind());
    Set<Kind> now = family(to.kind());
    if (was == null || now == null) {
      return false;
    }
    if (was == now) {
      // Among dates and times (found by a review: a LocalTime made LocalDateTime failed on an empty
      // table): a time of day has no cast to a date or a timestamp, nor a date to a time of day.
      return TIMES_OF_DAY.contains(from.kind()) && DATED.contains(to.kind())
          || from.kind() == Kind.DATE && TIMES_OF_DAY.contains(to.kind());
    }
    // int4 and boolean cast both ways (0 is false); no other integer does.
    return !(from.kind() == Kind.INTEGER && to.kind() == Kind.BOOLEAN
        || from.kind() == Kind.BOOLEAN && to.kind() == Kind.INTEGER);
  }

  private static boolean isInterval(SqlType type) {
    return type.kind() == Kind.RAW && type.rawName().startsWith("interval");
  }

  private static Set<Kind> family(Kind kind) {
    return FAMILIES.stream().filter(family -> family.contains(kind)).findFirst().orElse(null);
  }
}
