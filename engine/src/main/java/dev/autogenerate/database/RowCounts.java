package dev.autogenerate.database;

import static dev.autogenerate.database.Ddl.qualifiedName;
import static dev.autogenerate.database.SqlIdentifiers.quote;

import dev.autogenerate.compare.Risk;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.SqlType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts the rows a risky step concerns, with SQL both databases read the same way. Only reads,
 * each for at most {@link #TIME_LIMIT} ({@link Database#readWithin}); a query the database refuses
 * (an odd column type) or one that runs out gives no count rather than an error, since the count
 * informs the reviewer and never decides anything.
 */
public final class RowCounts {

  /**
   * How long one count may take: a mostly empty column of a huge table is read to its end, and
   * neither a deployment nor the writing of a migration should wait for that.
   */
  public static final Duration TIME_LIMIT = Duration.ofSeconds(2);

  private RowCounts() {}

  /**
   * How many rows the risky step concerns, or why there is no count: reading at most {@code limit}
   * rows (0 for all of them; a limit only for a risk that {@link Risk.Kind#changesDataWithoutError}, where a
   * count of {@code limit} means that many or more) for at most {@code time}.
   */
  static RowCount count(Connection connection, Database database, Risk risk, long limit, Duration time) {
    if (limit < 0 || limit > 0 && !risk.kind().changesDataWithoutError()) {
      throw new IllegalArgumentException("no bounded count for " + risk.kind());
    }
    boolean toReal = risk.newType().map(SqlType::kind).filter(SqlType.Kind.REAL::equals).isPresent();
    if (risk.kind() == Risk.Kind.ROUNDED && toReal && !database.enforcesColumnTypes()) {
      // Such a database's real is a double: which values a 4-byte real would change, it cannot
      // say (its remark on the warning says so).
      return RowCount.none("");
    }
    if (risk.uncountable().isPresent()) {
      return RowCount.none(risk.uncountable().get());
    }
    if (time.isZero()) {
      return RowCount.none("no time was left for it");
    }
    String query = query(risk, database.kind());
    if (limit > 0) {
      // Every bounded kind's query counts the rows of one select: the same, at most limit of them.
      query = "select count(*) from (select 1 from " + query.substring("select count(*) from ".length())
          + " limit " + limit + ") bounded";
    }
    long start = System.nanoTime();
    try {
      OptionalLong rows = inTime(connection, database, query, time);
      return rows.isPresent() ? RowCount.of(rows.getAsLong()) : RowCount.none("");
    } catch (SQLException e) {
      // A count stopped at its limit fails as any other: told apart by the time it took.
      boolean ranOut = System.nanoTime() - start >= time.toNanos() * 9 / 10;
      return RowCount.none(ranOut ? "over " + seconds(time) : "the database refused the count");
    }
  }

  /** {@code 2 s}, {@code 0.1 s}. */
  private static String seconds(Duration time) {
    return BigDecimal.valueOf(time.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  /** Runs the count under the database's time limit, which leaves the connection as it found it. */
  private static OptionalLong inTime(Connection connection, Database database, String query, Duration time)
      throws SQLException {
    return database.readWithin(connection, time, () -> {
      try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
        return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
      }
    });
  }

  /** The count query for a risk on a database of this kind. */
  static String query(Risk risk, DatabaseKind kind) {
    String table = qualifiedName(risk.table());
    List<String> columns = risk.columns().stream().map(SqlIdentifiers::quote).toList();
    switch (risk.kind()) {
      case DROPPED_TABLE:
      case NOT_NULL_WITHOUT_DEFAULT:
        // Every row, yet with a where clause: SQLite counts a bare count(*) of a table in one
        // instruction of its virtual machine, which its progress handler (the count's time limit)
        // cannot stop.
        return "select count(*) from " + table + " where true";
      case DROPPED_COLUMN:
      case CONVERTED:
      case TIME_ZONE:
      case ORDINALS_SHIFTED:
      case NOT_CONVERTIBLE:
      case ORDINALS_TO_NAMES:
        return "select count(*) from " + table + " where " + columns.get(0) + " is not null";
      case TEXT_TO_INTEGER:
        return valuesWhere(table, columns.get(0), notAWholeNumber(columns.get(0), risk.newType().orElseThrow(), kind));
      case TEXT_TO_DECIMAL:
        return valuesWhere(table, columns.get(0), notADecimal(columns.get(0), risk.newType().orElseThrow(), kind));
      case TEXT_REWRITTEN:
        return valuesWhere(table, columns.get(0), textRewritten(columns.get(0), risk.newType().orElseThrow(), kind));
      case TEXT_ROUNDED:
        return valuesWhere(table, columns.get(0),
            textCut(columns.get(0), risk.newType().orElseThrow(), risk.limit(), kind));
      case TEXT_CONVERTED:
        return valuesWhere(table, columns.get(0),
            "not " + readsAs(columns.get(0), risk.newType().orElseThrow().kind(), kind));
      case OUT_OF_RANGE:
        return "select count(*) from " + table + " where "
            + NumberRange.outside(columns.get(0), risk.newType().orElseThrow());
      case NARROWED:
        return "select count(*) from " + table + " where length(" + columns.get(0) + ") > " + risk.limit();
      case ROUNDED:
        return valuesWhere(table, columns.get(0),
            changedByRounding(columns.get(0), risk.newType().orElseThrow().kind(), risk.limit(), kind));
      case NOT_NULL:
        return "select count(*) from " + table + " where " + columns.get(0) + " is null";
      case UNIQUE:
        // The rows, not the values: two values held by three rows each are six rows to fix.
        return "select coalesce(sum(shared), 0) from (select count(*) as shared from " + table + " where "
            + allNotNull(columns, "") + " group by " + String.join(", ", columns) + " having count(*) > 1) duplicates";
      case FOREIGN_KEY:
        ForeignKey key = (ForeignKey) ((AddConstraint) risk.change().operation()).constraint();
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
          matches.add("parent." + quote(key.referencedColumns().get(i)) + " = child." + quote(key.columns().get(i)));
        }
        return "select count(*) from " + table + " child where " + allNotNull(columns, "child.")
            + " and not exists (select 1 from " + qualifiedName(key.referencedTable()) + " parent where "
            + String.join(" and ", matches) + ")";
      case CHECK:
        // A check passes on null, so the rows it rejects are those where it is false.
        CheckConstraint check = (CheckConstraint) ((AddConstraint) risk.change().operation()).constraint();
        return "select count(*) from " + table + " where not (" + check.expression() + ")";
      case ENUM_VALUE_REMOVED:
        List<String> kept = ((AlterEnumType) risk.change().operation()).values();
        return valuesWhere(table, columns.get(0), "cast(" + columns.get(0) + " as text) not in ("
            + kept.stream().map(Ddl::literal).collect(Collectors.joining(", ")) + ")");
      default:
        throw new IllegalArgumentException("no count for " + risk.kind());
    }
  }

  /** The count of the rows whose column holds a value for which {@code condition} holds. */
  private static String valuesWhere(String table, String column, String condition) {
    return "select count(*) from " + table + " where " + column + " is not null and " + condition;
  }

  /**
   * Whether a text does not become a value of the integer type: on PostgreSQL, which reads a
   * sign and digits between blanks, one that is not so written or is beyond the type's range
   * (PostgreSQL 16 reads more forms, 1_000 and 0x1F, which are counted here: the count errs on
   * the side of the warning); on SQLite, which fails on none but keeps such a text as text, one not
   * so written.
   */
  private static String notAWholeNumber(String column, SqlType to, DatabaseKind database) {
    if (database == DatabaseKind.POSTGRESQL) {
      // A case, not an and: the cast must not run on a text that is no number.
      return "case when " + readsAsWholeNumber(column, database) + " then ("
          + NumberRange.outside("cast(" + postgresText(column) + " as numeric)", to) + ") else true end";
    }
    return "not " + readsAsWholeNumber(column, database);
  }

  /** Whether a text is written as a whole number: a sign and digits, between blanks. */
  private static String readsAsWholeNumber(String column, DatabaseKind database) {
    if (database == DatabaseKind.POSTGRESQL) {
      return postgresText(column) + " ~ '^[+-]?[0-9]+$'";
    }
    String text = "trim(" + column + ")";
    String digits = sqliteUnsigned(column);
    return "(" + digits + " <> '' and " + digits + " not glob '*[^0-9]*' and length(" + text + ") - length("
        + digits + ") <= 1)";
  }

  /**
   * Whether a text does not become a value of the decimal type: on PostgreSQL, one not written as
   * a sign, digits with at most one decimal point and an exponent, between blanks, or beyond the
   * type's range once rounded to its scale (PostgreSQL reads NaN, Infinity and, from 16 on, 1_000
   * and 0x1F too, which are counted here: the count errs on the side of the warning); on SQLite,
   * which fails on none but keeps such a text as text, one not written as a sign and digits with
   * at most one decimal point, or beyond the range.
   */
  private static String notADecimal(String column, SqlType to, DatabaseKind database) {
    String number = decimal(column, database);
    String outside = to.precision() == null ? "false" : NumberRange.outside(number, to);
    // A case, not an and: the cast must not run on a text that is no number.
    return "case when " + readsAsDecimal(column, database) + " then (" + outside + ") else true end";
  }

  /**
   * Whether a text that reads as a number is not written as that number reads back ('00100', ' 42',
   * '+7', '1e2'), and so changes though it converts: compared with the number's own text, before
   * any scale rounds it ({@link #textCut}); on SQLite, whose numeric text drops a decimal's
   * trailing zeros as its affinity stores the value, those too.
   */
  private static String textRewritten(String column, SqlType to, DatabaseKind database) {
    String reads = SqlType.Kind.NUMERIC == to.kind() ? readsAsDecimal(column, database)
        : readsAsWholeNumber(column, database);
    // A case, not an and: the cast must not run on a text that is no number.
    return "case when " + reads + " then cast(" + decimal(column, database) + " as text) <> cast(" + column
        + " as text) else false end";
  }

  /**
   * Whether a text holds more than the type keeps of it: more decimals than a numeric's scale
   * (exactly, {@link #decimalTextRounded}); more than {@code kept} digits in all for a float, a
   * digit but zero after the first {@code kept} after a point for a time, anything but midnight
   * after its first ten
   * characters for a date. But for the numeric, these are read from the text as written, the same
   * on both databases, and count a text that reads otherwise too (a date written 01.02.2024, an
   * exponent's digits): the count errs on the side of the warning.
   */
  private static String textCut(String column, SqlType to, int kept, DatabaseKind database) {
    String text = "trim(cast(" + column + " as text))";
    return switch (to.kind()) {
      case NUMERIC -> decimalTextRounded(column, to, kept, database);
      case REAL, DOUBLE -> {
        String withoutDigits = text;
        for (char digit = '0'; digit <= '9'; digit++) {
          withoutDigits = "replace(" + withoutDigits + ", '" + digit + "', '')";
        }
        yield "length(" + text + ") - length(" + withoutDigits + ") > " + kept;
      }
      case DATE -> {
        // Midnight however spelled, its zeros trimmed: ' 00:00', 'T00:00:00', ' 00:00:00.000'.
        String rest = "rtrim(substr(" + text + ", 11), '0')";
        yield "length(" + text + ") > 10 and " + rest + " not in (' 00:', ' 00:00:', ' 00:00:00.', 'T00:', 'T00:00:',"
            + " 'T00:00:00.')";
      }
      // A digit but zero after the kept ones (on SQLite anywhere after them, a time zone's too).
      default -> database == DatabaseKind.POSTGRESQL
          ? text + " ~ '[.][0-9]{" + kept + "}[0-9]*[1-9]'"
          : text + " glob '*." + "[0-9]".repeat(kept) + "*[1-9]*'";
    };
  }

  /**
   * Whether a text that reads as a number within the type's range holds more decimals than the
   * {@code scale} kept, and so is rounded (one beyond the range fails: {@link #notADecimal}); on
   * SQLite, which has no exponent here, by its digits after the point, trailing zeros aside.
   */
  private static String decimalTextRounded(String column, SqlType to, int scale, DatabaseKind database) {
    String number = decimal(column, database);
    String inRange = "not (" + NumberRange.outside(number, to) + ")";
    if (database == DatabaseKind.POSTGRESQL) {
      return "case when " + readsAsDecimal(column, database) + " then " + inRange + " and " + number + " <> round("
          + number + ", " + scale + ") else false end";
    }
    String digits = sqliteUnsigned(column);
    String point = "instr(" + digits + ", '.')";
    return "case when " + readsAsDecimal(column, database) + " then " + inRange + " and " + point
        + " > 0 and length(rtrim(substr(" + digits + ", " + point + " + 1), '0')) > " + scale + " else false end";
  }

  /**
   * Whether a text is written as a decimal number between blanks: a sign, digits with at most one
   * point (and on PostgreSQL an exponent of up to four digits, beyond which the cast would fail
   * the count).
   */
  private static String readsAsDecimal(String column, DatabaseKind database) {
    if (database == DatabaseKind.POSTGRESQL) {
      return postgresText(column) + " ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,4})?$'";
    }
    String text = "trim(" + column + ")";
    String digits = sqliteUnsigned(column);
    return "(" + digits + " not in ('', '.') and " + digits + " not glob '*[^0-9.]*' and length(" + digits
        + ") - length(replace(" + digits + ", '.', '')) <= 1 and length(" + text + ") - length(" + digits + ") <= 1)";
  }

  /** The text read as a number, for a text that {@link #readsAsDecimal}. */
  private static String decimal(String column, DatabaseKind database) {
    return database == DatabaseKind.POSTGRESQL ? "cast(" + postgresText(column) + " as numeric)"
        : "cast(trim(" + column + ") as numeric)";
  }

  private static String postgresText(String column) {
    return "btrim(cast(" + column + " as text))";
  }

  /** SQLite's text between blanks without its signs: one at most, which {@link #readsAsDecimal} checks. */
  private static String sqliteUnsigned(String column) {
    return "ltrim(trim(" + column + "), '+-')";
  }

  /**
   * Whether a text reads as a value of the type as PostgreSQL reads it, on SQLite too (which keeps
   * the others as text): a boolean from {@code true}, {@code yes}, {@code on}, {@code 1} and their
   * opposites, or a prefix of a word that no other word shares ({@code tr}, {@code of}), in any
   * case, between blanks; a UUID from 32 hexadecimal digits, hyphens between the standard groups
   * and braces around allowed, without blanks. PostgreSQL takes a hyphen after any group of four
   * digits too, which is counted here: the count errs on the side of the warning.
   */
  private static String readsAs(String column, SqlType.Kind type, DatabaseKind database) {
    String text = "cast(" + column + " as text)";
    return switch (type) {
      case BOOLEAN -> "lower(" + (database == DatabaseKind.POSTGRESQL ? "btrim" : "trim") + "(" + text + ")) in ("
          + BOOLEAN_WORDS.stream().map(Ddl::literal).collect(Collectors.joining(", ")) + ")";
      case UUID -> {
        if (database == DatabaseKind.POSTGRESQL) {
          String digits = "[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}";
          yield text + " ~* '^(" + digits + "|\\{" + digits + "\\})$'";
        }
        String hyphenated = String.join("-", hex(8), hex(4), hex(4), hex(4), hex(12));
        yield "(" + Stream.of(hyphenated, hex(32), "{" + hyphenated + "}", "{" + hex(32) + "}")
            .map(form -> text + " glob '" + form + "'").collect(Collectors.joining(" or ")) + ")";
      }
      default -> throw new IllegalArgumentException("no reading of a text as " + type);
    };
  }

  /** What PostgreSQL reads as a boolean, in lower case. */
  private static final List<String> BOOLEAN_WORDS = List.of("t", "tr", "tru", "true", "f", "fa", "fal", "fals", "false",
      "y", "ye", "yes", "n", "no", "on", "of", "off", "1", "0");

  /** A glob matching {@code digits} hexadecimal digits. */
  private static String hex(int digits) {
    return "[0-9a-fA-F]".repeat(digits);
  }

  /**
   * Whether a value changes in the new type, as both databases say it: rounded to the scale (in
   * numeric arithmetic, which PostgreSQL's round takes with decimals), to a whole number, to a
   * real's or a double's precision, or to fewer fractional seconds or its date. Times are read from
   * the text both spell them as ({@code 2024-01-01 13:45:12.25}: SQLite's stored text, or
   * PostgreSQL's output, which drops trailing zeros and ends a timestamp with time zone in an
   * offset): the date keeps no time of day, and {@code kept} fractional digits no digit after them.
   */
  private static String changedByRounding(String column, SqlType.Kind to, int kept, DatabaseKind database) {
    String text = "cast(" + column + " as text)";
    return switch (to) {
      case NUMERIC -> "cast(" + column + " as numeric) <> round(cast(" + column + " as numeric), " + kept + ")";
      case REAL -> "cast(" + column + " as real) <> " + column;
      // PostgreSQL's double-to-numeric cast keeps 15 digits, its text the shortest exact ones;
      // SQLite's text keeps 15 digits, its numeric cast the exact value.
      case DOUBLE -> database == DatabaseKind.POSTGRESQL
          ? "cast(cast(cast(" + column + " as double precision) as text) as numeric) <> " + column
          : "cast(cast(" + column + " as double precision) as numeric) <> " + column;
      case DATE -> "length(" + text + ") > 10 and (substr(" + text + ", 12, 8) <> '00:00:00' or "
          + fractionBeyond(text, 20, 0) + ")";
      case TIMESTAMP, TIMESTAMP_TZ -> fractionBeyond(text, 20, kept);
      // A timestamp's text (2024-01-01 13:45:12) loses its date; a time's, its digits beyond kept.
      case TIME, TIME_TZ -> "(substr(" + text + ", 5, 1) = '-' or " + fractionBeyond(text, 9, kept) + ")";
      case BOOLEAN -> column + " not in (0, 1)";
      default -> column + " <> round(" + column + ")";
    };
  }

  /** Whether the seconds' decimal point stands at {@code point} with a digit after {@code kept} digits. */
  private static String fractionBeyond(String text, int point, int kept) {
    return "(substr(" + text + ", " + point + ", 1) = '.' and substr(" + text + ", " + (point + 1 + kept)
        + ", 1) between '0' and '9')";
  }

  private static String allNotNull(List<String> columns, String prefix) {
    return columns.stream().map(column -> prefix + column + " is not null").collect(Collectors.joining(" and "));
  }
}
