package dev.autogenerate.database.postgres;

import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.SqlType.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which type changes PostgreSQL makes by an assignment cast: those that fail on a value that
 * does not fit instead of truncating it, as an explicit cast ({@code ::varchar(10)}) would.
 */
final class AssignmentCasts {

  /** The character types, one family. */
  static final Set<Kind> STRINGS = EnumSet.of(Kind.CHAR, Kind.VARCHAR, Kind.TEXT);

  private static final List<Set<Kind>> FAMILIES = List.of(
      STRINGS,
      EnumSet.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT, Kind.REAL, Kind.DOUBLE, Kind.NUMERIC),
      EnumSet.of(Kind.TIMESTAMP, Kind.TIMESTAMP_TZ),
      EnumSet.of(Kind.TIME, Kind.TIME_TZ));

  private AssignmentCasts() {}

  /** Whether {@code from} converts to {@code to} by an assignment cast. */
  static boolean exist(SqlType from, SqlType to) {
    return FAMILIES.stream().anyMatch(family -> family.contains(from.kind()) && family.contains(to.kind()));
  }
}
