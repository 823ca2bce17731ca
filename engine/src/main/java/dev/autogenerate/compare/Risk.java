package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.schema.SqlType;
import java.util.List;
import java.util.Optional;

/**
 * A step that may destroy data or fail on the rows a table holds: what it is, and which rows it
 * concerns, so that where a database is connected the rows can be counted and the reviewer told
 * how many ("drop column users.nickname deletes the values of 12 rows").
 *
 * @param change the step
 * @param kind what can go wrong
 * @param table the table whose rows are concerned, as the database names it before the upgrade
 *     (before any rename the upgrade makes), where its rows are counted
 * @param columns the columns concerned (empty for the whole row), named the same way
 * @param limit for {@link Kind#NARROWED}, the new length; for {@link Kind#ROUNDED}, the decimals or
 *     fractional-second digits the new type keeps, for {@link Kind#TEXT_ROUNDED} the same of a
 *     text (or a float's significant digits); otherwise 0
 * @param uncountable why the rows cannot be counted before the upgrade runs (a column the same
 *     upgrade adds), or empty
 */
public record Risk(Change change, Kind kind, String table, List<String> columns, int limit,
    Optional<String> uncountable) {

  public Risk {
    columns = List.copyOf(columns);
  }

  public Risk(Change change, Kind kind, String table, List<String> columns, int limit) {
    this(change, kind, table, columns, limit, Optional.empty());
  }

  /** What can go wrong, and how the rows concerned are told apart. */
  public enum Kind {
    /** The table goes, with every row. */
    DROPPED_TABLE("dropping it deletes every row", "rows"),
    /** The column goes, with its values. */
    DROPPED_COLUMN("dropping it deletes its values", "rows holding a value"),
    /** A shorter length: the values longer than that fail the revision. */
    NARROWED("values longer than the new length fail the revision", "rows too long"),
    /**
     * A timestamp with a time zone becoming one without, or the other way: nothing fails, each
     * value is read in the session's time zone, and the instants it stands for shift unless that
     * is the zone the values were written in.
     */
    TIME_ZONE("nothing fails: each value is converted in the session's time zone (TimeZone), and shifts unless"
        + " that is the zone its instants were written in", "rows holding a value"),
    /**
     * A number type with a smaller range (bigint to integer, numeric(10,2) to numeric(6,2), double
     * to real): a value outside it, once rounded to the new type, fails the revision.
     */
    OUT_OF_RANGE("a value outside the new type's range fails the revision", "rows out of range"),
    /**
     * A text becoming a whole number (a code kept as varchar, made an integer): the texts that do
     * not read as one, or fall outside the new type's range, fail the revision; those are counted,
     * not every row holding a value.
     */
    TEXT_TO_INTEGER("each text is read as a whole number; one that does not read as one, or is beyond the new"
        + " type's range, fails the revision", "rows that do not read as one"),
    /**
     * A text becoming a decimal (a price kept as varchar, made a numeric): the texts that do not
     * read as a number, or are beyond the new type's range once rounded, fail the revision; those
     * are counted, not every row holding a value. What the scale rounds is {@link #TEXT_ROUNDED}.
     */
    TEXT_TO_DECIMAL("each text is read as a number; one that does not read as one, or is beyond the new type's"
        + " range, fails the revision", "rows that do not read as one"),
    /**
     * A text becoming a value that may keep less than the text held, without an error: more
     * decimals than a numeric's scale ('9.995' becomes 10.00 in a numeric(10,2)), more digits than
     * a float holds, more fractional seconds than a time keeps, a time of day for a date
     * ('2024-01-01 13:45' becomes 2024-01-01). Without this warning the loss would be silent: the
     * conversion's own warning is of the texts that fail. The limit is the decimals, significant
     * digits or fractional-second digits kept.
     */
    TEXT_ROUNDED("a text holding more than the new type keeps (decimals, digits, fractional seconds, a time of day)"
        + " is rounded or cut without an error, and no downgrade brings it back", "rows whose value changes"),
    /**
     * A text that reads as a number written otherwise than the number reads back: leading zeros,
     * blanks, a plus sign, an exponent ('00100' becomes 100, ' 42' 42). Nothing fails for it, so
     * without this warning a postal code or an account number would lose its zeros silently (the
     * conversion's own warning counts the texts that fail), and a downgrade gives back the bare
     * number. Apart from what a scale rounds ({@link #TEXT_ROUNDED}).
     */
    TEXT_REWRITTEN("a text written otherwise than its number (leading zeros, blanks, a plus sign: '00100' becomes"
        + " 100) becomes the bare number without an error, and no downgrade brings the text back",
        "rows whose text changes"),
    /**
     * A text becoming a UUID or a boolean, which it holds exactly or not at all: the texts that do
     * not read as one fail the revision; those are counted, not every row holding a value.
     */
    TEXT_CONVERTED("each text is read as the new type; one that does not read as one fails the revision",
        "rows that do not read as one"),
    /**
     * Another type PostgreSQL has no conversion to ({@link NoConversion}: a number made a UUID): every
     * value fails the revision; only a column without values converts.
     */
    NOT_CONVERTIBLE("PostgreSQL has no conversion from the old type to the new one: the step fails on each value (and"
        + " but to a uuid, even on a column without values); fill a new column in a data migration instead",
        "rows holding a value"),
    /** Another type: each value is converted, and one that does not convert fails the revision. */
    CONVERTED("each value is converted; one that does not convert fails the revision", "rows holding a value"),
    /**
     * Another type that takes the values that fit but not all of each: numbers rounded to fewer
     * decimals, to whole numbers or to a float's precision, fewer fractional seconds, timestamps
     * cut to their date. Nothing fails for it, so without this warning the loss would be silent;
     * a value too large for the new type is an {@link #OUT_OF_RANGE} risk of the same step.
     */
    ROUNDED("each value is rounded or cut to the new type without an error, and no downgrade brings the old one"
        + " back", "rows whose value changes"),
    /** NOT NULL on a column: a null fails the revision. */
    NOT_NULL("a null fails the revision", "rows holding null"),
    /** A new NOT NULL column without a default: any row fails the revision. */
    NOT_NULL_WITHOUT_DEFAULT("any row fails the revision (give it a default, or fill it first)", "rows"),
    /** A new unique constraint: duplicates fail the revision. */
    UNIQUE("duplicates fail the revision", "rows holding a duplicated value"),
    /** A new foreign key: rows referencing nothing fail the revision. */
    FOREIGN_KEY("rows referencing nothing fail the revision", "rows referencing nothing"),
    /** A new check constraint: rows it rejects fail the revision. */
    CHECK("rows it rejects fail the revision", "rows violating it"),
    /**
     * The range check of an enum stored by position ({@code @Enumerated(ORDINAL)}) changes: its
     * constants were added or removed, and unless only at the end, the numbers the rows hold now
     * name other constants, without an error ({@link OrdinalRange}). The rows holding a value are
     * those whose meaning may shift.
     */
    ORDINALS_SHIFTED("the column stores the enum's constants by position (@Enumerated(ORDINAL)) and their number"
        + " changes: a constant added, removed or moved anywhere but at the end makes the rows' numbers name other"
        + " constants, without an error (add constants only at the end, or map the enum STRING)",
        "rows holding a value"),
    /**
     * An enum stored by position becomes stored by name ({@code @Enumerated(ORDINAL)} to {@code
     * STRING}): the type change keeps each row's number as text, which the new check of names
     * rejects, so the revision fails on every row holding a value, unless a data migration maps the
     * numbers to the names first (a user test was told the rows could not be counted).
     */
    ORDINALS_TO_NAMES("the column held the enum's constants by position (@Enumerated(ORDINAL)) and now holds their"
        + " names: each row keeps its number ('0', '1') as text, which the new check rejects, failing the revision;"
        + " map the numbers to the names first, in this migration before the check (op.execute(\"update ... set"
        + " ... = case ... when '0' then 'FIRST' ... end\"), the names in the order the check lists them)",
        "rows holding a value"),
    /** Values leave an enum type: a row holding one fails the revision's conversion of its column. */
    ENUM_VALUE_REMOVED("rows holding a removed value fail the revision", "rows holding a removed value");

    private final String consequence;
    private final String counted;

    Kind(String consequence, String counted) {
      this.consequence = consequence;
      this.counted = counted;
    }

    /**
     * Whether it takes data away without an error (a drop, a rounding), rather than failing the
     * revision on the rows it concerns: what a revision recorded with {@code stamp}, which never
     * ran here, must not do to the database on its way down.
     */
    public boolean destroysData() {
      return this == DROPPED_TABLE || this == DROPPED_COLUMN || this == ROUNDED || this == TEXT_ROUNDED
          || this == TEXT_REWRITTEN;
    }

    /**
     * Whether it takes or changes data without an error: what {@link #destroysData} takes, and
     * instants shifted by a time zone. What {@code upgrade} and {@code downgrade} count and say
     * before a revision runs.
     */
    public boolean changesDataWithoutError() {
      return destroysData() || this == TIME_ZONE;
    }

    /** What happens, as a reviewer reads it. */
    public String consequence() {
      return consequence;
    }

    /** What a count counts, as a noun: "rows holding null". */
    public String counted() {
      return counted;
    }
  }

  /** The type the step gives the column, for a risk of a type change; empty otherwise. */
  public Optional<SqlType> newType() {
    return change.operation() instanceof AlterColumn alter ? alter.newType() : Optional.empty();
  }

  /** {@code drop column users.nickname: dropping it deletes its values}. */
  public String describe() {
    return change.operation().describe() + ": " + kind.consequence();
  }
}
