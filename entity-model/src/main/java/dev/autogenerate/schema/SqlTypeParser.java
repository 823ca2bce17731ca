package dev.autogenerate.schema;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a type as PostgreSQL, SQLite or Hibernate spell it into a portable {@link SqlType}.
 *
 * <p>One parser serves every source (Hibernate's resolved column types, {@code format_type()} on
 * PostgreSQL, declared types on SQLite), which is what makes {@code int4} and {@code integer},
 * or {@code timestamp(6)} and {@code timestamp}, the same type wherever they come from.
 */
public final class SqlTypeParser {

  /** {@code float(p)} up to this precision is single precision ({@code real}). */
  private static final int MAX_SINGLE_PRECISION_BITS = 24;

  private static final Pattern SPELLING = Pattern.compile(
      "(?<base>[a-z_][a-z0-9_ ]*?)\\s*(?:\\(\\s*(?<first>\\d+)\\s*(?:,\\s*(?<second>-?\\d+)\\s*)?\\))?"
          + "\\s*(?<suffix>(?:with|without) time zone)?");

  private static final Pattern ARRAY = Pattern.compile("(.+?)\\s*(?:\\[\\]|\\barray)");

  private static final Map<String, SqlType.Kind> SIMPLE_NAMES = Map.ofEntries(
      Map.entry("boolean", SqlType.Kind.BOOLEAN),
      Map.entry("bool", SqlType.Kind.BOOLEAN),
      Map.entry("smallint", SqlType.Kind.SMALLINT),
      Map.entry("int2", SqlType.Kind.SMALLINT),
      Map.entry("tinyint", SqlType.Kind.SMALLINT),
      Map.entry("integer", SqlType.Kind.INTEGER),
      Map.entry("int", SqlType.Kind.INTEGER),
      Map.entry("int4", SqlType.Kind.INTEGER),
      Map.entry("mediumint", SqlType.Kind.INTEGER),
      Map.entry("bigint", SqlType.Kind.BIGINT),
      Map.entry("int8", SqlType.Kind.BIGINT),
      Map.entry("real", SqlType.Kind.REAL),
      Map.entry("float4", SqlType.Kind.REAL),
      Map.entry("double precision", SqlType.Kind.DOUBLE),
      Map.entry("double", SqlType.Kind.DOUBLE),
      Map.entry("float8", SqlType.Kind.DOUBLE),
      Map.entry("numeric", SqlType.Kind.NUMERIC),
      Map.entry("decimal", SqlType.Kind.NUMERIC),
      Map.entry("character varying", SqlType.Kind.VARCHAR),
      Map.entry("varchar", SqlType.Kind.VARCHAR),
      Map.entry("nvarchar", SqlType.Kind.VARCHAR),
      Map.entry("character", SqlType.Kind.CHAR),
      Map.entry("char", SqlType.Kind.CHAR),
      Map.entry("bpchar", SqlType.Kind.CHAR),
      Map.entry("nchar", SqlType.Kind.CHAR),
      Map.entry("text", SqlType.Kind.TEXT),
      Map.entry("clob", SqlType.Kind.TEXT),
      Map.entry("date", SqlType.Kind.DATE),
      Map.entry("timetz", SqlType.Kind.TIME_TZ),
      Map.entry("timestamptz", SqlType.Kind.TIMESTAMP_TZ),
      Map.entry("uuid", SqlType.Kind.UUID),
      Map.entry("bytea", SqlType.Kind.BINARY),
      Map.entry("blob", SqlType.Kind.BINARY),
      Map.entry("varbinary", SqlType.Kind.BINARY),
      Map.entry("binary", SqlType.Kind.BINARY),
      Map.entry("jsonb", SqlType.Kind.JSON));

  /**
   * Spellings already parsed. A schema spells its types a few dozen ways, each thousands of times
   * (a column each); the regular expressions were a twentieth of reading 1,000 entities. Bounded,
   * since the spellings an inspected database shows are not the tool's to limit.
   */
  private static final Map<String, SqlType> PARSED = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED = 4096;

  private SqlTypeParser() {}

  /** The portable type for a spelling; unknown spellings come back as {@link SqlType.Kind#RAW}. */
  public static SqlType parse(String spelling) {
    SqlType known = PARSED.get(spelling);
    if (known != null) {
      return known;
    }
    SqlType parsed = parseSpelling(spelling);
    if (PARSED.size() < MAX_REMEMBERED) {
      PARSED.put(spelling, parsed);
    }
    return parsed;
  }

  private static SqlType parseSpelling(String spelling) {
    String collapsed = spelling.trim().replaceAll("\\s+", " ");
    if (collapsed.contains("\"")) {
      // A quoted, case-sensitive user type ("OrderStatus") keeps its case.
      return SqlType.sqlType(collapsed);
    }
    String normalized = collapsed.toLowerCase(Locale.ROOT);
    Matcher array = ARRAY.matcher(normalized);
    if (array.matches()) {
      // Hibernate says "varchar(255) array", format_type() says "character varying(255)[]".
      return SqlType.sqlType(standardSpelling(parseSpelling(array.group(1))) + "[]");
    }
    Matcher matcher = SPELLING.matcher(normalized);
    if (!matcher.matches()) {
      return SqlType.sqlType(normalized);
    }
    String base = matcher.group("base").trim();
    Integer first = integerOrNull(matcher.group("first"));
    Integer second = integerOrNull(matcher.group("second"));
    boolean withTimeZone = "with time zone".equals(matcher.group("suffix"));

    switch (base) {
      case "time":
        return new SqlType(withTimeZone ? SqlType.Kind.TIME_TZ : SqlType.Kind.TIME,
            null, foldDefaultPrecision(first), null, null);
      case "timestamp":
      case "datetime":
        return new SqlType(withTimeZone ? SqlType.Kind.TIMESTAMP_TZ : SqlType.Kind.TIMESTAMP,
            null, foldDefaultPrecision(first), null, null);
      case "float":
        return first != null && first <= MAX_SINGLE_PRECISION_BITS ? SqlType.REAL : SqlType.DOUBLE;
      default:
        break;
    }
    if (matcher.group("suffix") != null) {
      return SqlType.sqlType(normalized);
    }
    SqlType.Kind kind = SIMPLE_NAMES.get(base);
    if (kind == null) {
      return SqlType.sqlType(normalized);
    }
    switch (kind) {
      case VARCHAR:
      case CHAR:
      case BINARY:
        return new SqlType(kind, first, null, null, null);
      case NUMERIC:
        if (second != null && second < 0) {
          return SqlType.sqlType(normalized);
        }
        // numeric(p) is numeric(p,0); format_type() always prints the scale.
        return new SqlType(kind, null, first, first != null && second == null ? Integer.valueOf(0) : second, null);
      case TIME_TZ:
      case TIMESTAMP_TZ:
        return new SqlType(kind, null, foldDefaultPrecision(first), null, null);
      default:
        return first == null ? new SqlType(kind, null, null, null, null) : SqlType.sqlType(normalized);
    }
  }

  /** A spelling of a portable type that standard SQL and PostgreSQL accept, for array elements. */
  private static String standardSpelling(SqlType type) {
    String precision = type.precision() == null ? "" : "(" + type.precision() + ")";
    switch (type.kind()) {
      case DOUBLE: return "double precision";
      case TIME_TZ: return "time" + precision + " with time zone";
      case TIMESTAMP_TZ: return "timestamp" + precision + " with time zone";
      case BINARY: return "bytea";
      case JSON: return "jsonb";
      default: return type.toString().replace(", ", ",");
    }
  }

  private static Integer foldDefaultPrecision(Integer fractionalDigits) {
    return fractionalDigits == null || fractionalDigits == SqlType.DEFAULT_FRACTIONAL_DIGITS ? null : fractionalDigits;
  }

  private static Integer integerOrNull(String digits) {
    return digits == null ? null : Integer.valueOf(digits);
  }
}
