package dev.autogenerate.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * A column type in portable terms, so that a migration made against SQLite in development applies
 * to PostgreSQL in production. Each dialect renders it in its own spelling and parses its own
 * spellings back ({@code int4}, {@code character varying(20)}, {@code timestamp(6) with time zone}).
 *
 * <p>{@code length} applies to character and binary types, {@code precision} and {@code scale} to
 * numerics, and {@code precision} alone to times and timestamps (fractional seconds). A null means
 * "the database's default", which is why {@code timestamp} and {@code timestamp(6)} are the same
 * type on PostgreSQL: the parser folds the default away. A type no family describes stays raw.
 */
public record SqlType(Kind kind, Integer length, Integer precision, Integer scale, String rawName) {

  /** The portable type families. */
  public enum Kind {
    BOOLEAN, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, NUMERIC,
    CHAR, VARCHAR, TEXT,
    DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ,
    UUID, BINARY, JSON,
    /** A type that only one database knows, kept as it is spelled there ({@code tsvector}). */
    RAW
  }

  public static final SqlType BOOLEAN = of(Kind.BOOLEAN);
  public static final SqlType SMALLINT = of(Kind.SMALLINT);
  public static final SqlType INTEGER = of(Kind.INTEGER);
  public static final SqlType BIGINT = of(Kind.BIGINT);
  public static final SqlType REAL = of(Kind.REAL);
  public static final SqlType DOUBLE = of(Kind.DOUBLE);
  public static final SqlType NUMERIC = of(Kind.NUMERIC);
  public static final SqlType CHAR = of(Kind.CHAR);
  public static final SqlType TEXT = of(Kind.TEXT);
  public static final SqlType VARCHAR = of(Kind.VARCHAR);
  public static final SqlType DATE = of(Kind.DATE);
  public static final SqlType TIME = of(Kind.TIME);
  public static final SqlType TIME_TZ = of(Kind.TIME_TZ);
  public static final SqlType TIMESTAMP = of(Kind.TIMESTAMP);
  public static final SqlType TIMESTAMP_TZ = of(Kind.TIMESTAMP_TZ);
  public static final SqlType UUID = of(Kind.UUID);
  public static final SqlType BINARY = of(Kind.BINARY);
  public static final SqlType JSON = of(Kind.JSON);

  public SqlType {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.RAW) {
      Objects.requireNonNull(rawName, "a raw type needs its name");
      rawName = rawName.trim();
      if (!rawName.contains("\"")) {
        rawName = rawName.toLowerCase(Locale.ROOT);
      }
    } else if (rawName != null) {
      throw new IllegalArgumentException("only a RAW type has a raw name: " + kind);
    }
    requireNonNegative("length", length);
    requireNonNegative("precision", precision);
    requireNonNegative("scale", scale);
  }

  private static SqlType of(Kind kind) {
    return new SqlType(kind, null, null, null, null);
  }

  public static SqlType varchar(int length) {
    return new SqlType(Kind.VARCHAR, length, null, null, null);
  }

  public static SqlType character(int length) {
    return new SqlType(Kind.CHAR, length, null, null, null);
  }

  public static SqlType binary(int length) {
    return new SqlType(Kind.BINARY, length, null, null, null);
  }

  public static SqlType numeric(int precision, int scale) {
    return new SqlType(Kind.NUMERIC, null, precision, scale, null);
  }

  /** {@code numeric(p)}, which SQL defines as {@code numeric(p, 0)}. */
  public static SqlType numeric(int precision) {
    return new SqlType(Kind.NUMERIC, null, precision, 0, null);
  }

  /** A time without time zone with the given fractional-second digits. */
  public static SqlType time(int fractionalDigits) {
    return new SqlType(Kind.TIME, null, fractionalDigits, null, null);
  }

  public static SqlType timeTz(int fractionalDigits) {
    return new SqlType(Kind.TIME_TZ, null, fractionalDigits, null, null);
  }

  public static SqlType timestamp(int fractionalDigits) {
    return new SqlType(Kind.TIMESTAMP, null, fractionalDigits, null, null);
  }

  public static SqlType timestampTz(int fractionalDigits) {
    return new SqlType(Kind.TIMESTAMP_TZ, null, fractionalDigits, null, null);
  }

  /** The fractional-second digits of a time or timestamp that says none: the SQL standard's and PostgreSQL's. */
  public static final int DEFAULT_FRACTIONAL_DIGITS = 6;

  /**
   * This type as its spelling reads ({@link SqlTypeParser}): a time or timestamp of the default
   * precision with the precision unsaid, for {@code timestamp(6)} and {@code timestamp} are one
   * type. The factories keep what they are given, as a migration wrote it (its recorded form and
   * checksum are its words); compare through this where the words do not matter.
   */
  public SqlType withDefaultPrecisionUnsaid() {
    boolean time = kind == Kind.TIME || kind == Kind.TIME_TZ || kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMP_TZ;
    return time && precision != null && precision == DEFAULT_FRACTIONAL_DIGITS
        ? new SqlType(kind, length, null, scale, rawName) : this;
  }

  /**
   * The name of the type a raw type is an array of, else its own name: {@code priority} for
   * {@code priority[]} or {@code priority [3][]} (an enum type's columns name it so); null for a
   * portable type.
   */
  public String rawElementName() {
    return rawName == null ? null : rawName.replaceAll("(\\s*\\[\\d*\\])+$", "");
  }

  /** A type only one database knows, spelled as that database spells it. */
  public static SqlType sqlType(String name) {
    return new SqlType(Kind.RAW, null, null, null, name);
  }

  /*
   * Written out, as the record would make them (as IndexColumn's): every command that compares
   * compares column types, and a record's own equals is linked through method handles on its
   * first call, 10-15 ms of a cached check's main thread.
   */

  @Override
  public boolean equals(Object other) {
    return other instanceof SqlType type && kind == type.kind && Objects.equals(length, type.length)
        && Objects.equals(precision, type.precision) && Objects.equals(scale, type.scale)
        && Objects.equals(rawName, type.rawName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, length, precision, scale, rawName);
  }

  /** A portable, SQL-like spelling for messages and comments: {@code varchar(255)}. */
  @Override
  public String toString() {
    String base = kind == Kind.RAW ? rawName : kind.name().toLowerCase(Locale.ROOT);
    if (length != null) {
      return base + "(" + length + ")";
    }
    if (precision != null && scale != null) {
      return base + "(" + precision + ", " + scale + ")";
    }
    if (precision != null) {
      return base + "(" + precision + ")";
    }
    return base;
  }

  private static void requireNonNegative(String what, Integer value) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
  }
}
