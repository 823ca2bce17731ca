package dev.autogenerate.compare;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check Hibernate gives a column of an enum mapped {@code @Enumerated(EnumType.ORDINAL)}:
 * {@code status between 0 and 3}, the positions of its constants. The numbers stored mean the
 * constants by position, so a range that changes says the constants changed, and unless only
 * added at the end, the rows' numbers now name other constants, without an error: a step the
 * reviewer cannot see in the migration, only in the enum's source.
 *
 * @param column the column the range is of, as the expression names it
 * @param last the position of the last constant
 */
record OrdinalRange(String column, long last) {

  /** {@code column>=0 and column<=N}, as {@link SqlExpressions#normalize} writes a range from 0. */
  private static final Pattern RANGE = Pattern.compile("(\\S+)>=0 and (\\S+)<=(\\d{1,9})");

  /** The range the check is, read by meaning; empty for any other check. */
  static Optional<OrdinalRange> of(String checkExpression) {
    Matcher range = RANGE.matcher(SqlExpressions.normalize(checkExpression));
    if (!range.matches() || !range.group(1).equals(range.group(2))) {
      return Optional.empty();
    }
    return Optional.of(new OrdinalRange(range.group(1), Long.parseLong(range.group(3))));
  }

  /** Whether both are of one column and end at another position: constants were added or removed. */
  boolean changedFrom(OrdinalRange before) {
    return column.equals(before.column) && last != before.last;
  }
}
