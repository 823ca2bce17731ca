package dev.autogenerate.compare;

import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.SqlType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A column's server default, compared by normal form. A default by which the database fills an
 * id ({@code nextval(...)}) is not a default the mapping states; where one side is an expression
 * the normal form cannot decide, this warns rather than rewrite a default that may well be the
 * same (unless the migrations gave it the entities' very text, whatever the database made of it,
 * save a plain constant of another value: that one was set by hand);
 * and a default the entities do not state is dropped only if a migration set it (one a
 * person added by hand stays, noted).
 */
final class DefaultComparator {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private final ComparisonRules rules;

  DefaultComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  Optional<ColumnDifference> compare(String table, Column was, Column wanted, TableChanges changes) {
    String want = rules.normalForm(wanted.defaultSql());
    if (want != null && want.equals(rules.normalForm(was.defaultSql()))) {
      // The same on both sides, an id's nextval() too: a later baseline's target (the migrations'
      // schema with what it adopts) carries the one the first recorded, and set it again at every
      // baseline (a user test adopting a database).
      return Optional.empty();
    }
    String have = was.identity() || rules.isGeneratedDefault(was.defaultSql()) ? null : rules.normalForm(was.defaultSql());
    if (Objects.equals(have, want)) {
      return Optional.empty();
    }
    if (have != null && want != null && writtenAsWanted(wanted, changes)
        && !differentConstants(wanted.type(), have, want)) {
      // The migrations gave the column the entities' very default: what the database reads back
      // (now() + '1 day'::interval for now() + interval '1 day') is its spelling of it. Unless
      // both are constants of different values: then someone set another one by hand.
      return Optional.empty();
    }
    if (have != null && want != null && !(SqlExpressions.isLiteral(have) && SqlExpressions.isLiteral(want))) {
      changes.warn("default of " + table + "." + wanted.name() + ": the database has " + was.defaultSql()
          + ", the entities say " + wanted.defaultSql() + "; if they differ, write op.alterColumn(\"" + table + "\", \""
          + wanted.name() + "\", setDefault(...)) by hand");
      return Optional.empty();
    }
    boolean madeByMigrations = changes.mayDropOfColumn(wanted.name(), column -> column.defaultSql() != null);
    if (want == null && !madeByMigrations) {
      changes.keep(Kind.DEFAULT, wanted.name(), "default " + was.defaultSql() + " of " + table + "." + wanted.name());
      return Optional.empty();
    }
    return Optional.of(new ColumnDifference(new ColumnChange.SetDefault(wanted.defaultSql()),
        want == null ? "default " + was.defaultSql() + " dropped" : "default " + wanted.defaultSql()));
  }

  /**
   * Whether two defaults in normal form are plain constants of different values for a column of
   * this type, not two spellings of one. PostgreSQL reads a character string, a number and a
   * boolean back as they were given, up to what the normal form takes away (a cast, quotes round a
   * number), so two different ones are two values ({@code 'DE'} and {@code 'AT'}; {@code 1} and
   * {@code 1.0} are one number, {@code 't'} and {@code true} one boolean). A date, a time, a uuid
   * or any other type given as a string it reads back in that type's own spelling ({@code
   * '2020-01-01'} for a timestamp as {@code '2020-01-01 00:00:00'}): there the text the
   * migrations wrote decides.
   */
  private static boolean differentConstants(SqlType type, String have, String want) {
    if (!SqlExpressions.isLiteral(have) || !SqlExpressions.isLiteral(want)) {
      return false;
    }
    return switch (type.kind()) {
      case CHAR, VARCHAR, TEXT -> !have.equals(want);
      case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE ->
          NUMBER.matcher(have).matches() && NUMBER.matcher(want).matches()
              && new BigDecimal(have).compareTo(new BigDecimal(want)) != 0;
      case BOOLEAN -> booleanValue(have).isPresent() && booleanValue(want).isPresent()
          && !booleanValue(have).equals(booleanValue(want));
      default -> false;
    };
  }

  /** A boolean constant as PostgreSQL reads its spellings ({@code true}, {@code 't'}, {@code 'yes'}, {@code 1}). */
  private static Optional<Boolean> booleanValue(String constant) {
    String text = constant.replaceAll("^'(.*)'$", "$1").trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "t", "yes", "y", "on", "1" -> Optional.of(true);
      case "false", "f", "no", "n", "off", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** Whether the applied migrations left the column with the default the entities state, in their words. */
  private boolean writtenAsWanted(Column wanted, TableChanges changes) {
    return changes.recorded().flatMap(table -> table.column(wanted.name())).map(Column::defaultSql)
        .filter(written -> Objects.equals(rules.normalForm(written), rules.normalForm(wanted.defaultSql())))
        .isPresent();
  }
}
