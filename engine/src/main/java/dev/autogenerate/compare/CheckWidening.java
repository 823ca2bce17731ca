package dev.autogenerate.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a check admits every row another admitted: the enum check Hibernate writes gaining a
 * value ({@code status in ('NEW','PAID')} becoming {@code status in ('NEW','PAID','SHIPPED')}), or
 * an ordinal's range growing, is dropped and added again, and the new one cannot reject a row the
 * old one let in. Compared by meaning ({@link SqlExpressions#normalize}), so PostgreSQL's rewrite
 * of the old one ({@code = ANY (ARRAY[...])}) reads as the list it is; any other shape is not
 * known to widen.
 */
final class CheckWidening {

  private static final Pattern IN_LIST = Pattern.compile("(\\S+) in (.+)");
  /** A list of one value, as the normal form writes it. */
  private static final Pattern EQUALS = Pattern.compile("([^\\s=<>!]+)=(.+)");
  private static final Pattern RANGE = Pattern.compile("(\\S+)>=(-?\\d+(?:\\.\\d+)?) and (\\S+)<=(-?\\d+(?:\\.\\d+)?)");

  private CheckWidening() {}

  /** Whether every row {@code before} admits, {@code after} admits too. */
  static boolean admitsAll(String before, String after) {
    String was = SqlExpressions.normalize(before);
    String now = SqlExpressions.normalize(after);
    if (was.equals(now)) {
      return true;
    }
    Optional<List<String>> wasValues = values(was);
    Optional<List<String>> nowValues = values(now);
    if (wasValues.isPresent() && nowValues.isPresent()) {
      return column(was).equals(column(now)) && new HashSet<>(nowValues.get()).containsAll(wasValues.get());
    }
    Matcher wasRange = RANGE.matcher(was);
    Matcher nowRange = RANGE.matcher(now);
    return wasRange.matches() && nowRange.matches() && wasRange.group(1).equals(wasRange.group(3))
        && nowRange.group(1).equals(nowRange.group(3)) && wasRange.group(1).equals(nowRange.group(1))
        && Double.parseDouble(nowRange.group(2)) <= Double.parseDouble(wasRange.group(2))
        && Double.parseDouble(nowRange.group(4)) >= Double.parseDouble(wasRange.group(4));
  }

  /**
   * The column of a check that lists the values it admits ({@code status in ('NEW','PAID')}, as
   * Hibernate checks an enum stored by name), read by meaning; empty for any other check.
   */
  static Optional<String> listedColumn(String expression) {
    String normalized = SqlExpressions.normalize(expression);
    return values(normalized).isPresent() ? Optional.of(column(normalized)) : Optional.empty();
  }

  private static String column(String normalized) {
    Matcher list = IN_LIST.matcher(normalized);
    if (list.matches()) {
      return list.group(1);
    }
    Matcher one = EQUALS.matcher(normalized);
    return one.matches() ? one.group(1) : "";
  }

  /** The values of {@code column in a,b,c} (or {@code column=a}), each a literal; empty for any other shape. */
  private static Optional<List<String>> values(String normalized) {
    Matcher one = EQUALS.matcher(normalized);
    if (one.matches()) {
      return SqlExpressions.isLiteral(one.group(2)) ? Optional.of(List.of(one.group(2))) : Optional.empty();
    }
    Matcher list = IN_LIST.matcher(normalized);
    if (!list.matches()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean inString = false;
    for (char c : list.group(2).toCharArray()) {
      if (c == '\'') {
        inString = !inString;
      }
      if (c == ',' && !inString) {
        values.add(value.toString());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    values.add(value.toString());
    return values.stream().allMatch(SqlExpressions::isLiteral) ? Optional.of(values) : Optional.empty();
  }
}
