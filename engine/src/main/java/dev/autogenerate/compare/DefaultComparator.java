package dev.autogenerate.compare;

import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.schema.Column;
import java.util.Objects;
import java.util.Optional;

/**
 * A column's server default, compared by normal form. A default by which the database fills an
 * id ({@code nextval(...)}) is not a default the mapping states; where one side is an expression
 * the normal form cannot decide, this warns rather than rewrite a default that may well be the
 * same (unless the migrations gave it the entities' very text, whatever the database made of it);
 * and a default the entities do not state is dropped only if a migration set it (one a
 * person added by hand stays, noted).
 */
final class DefaultComparator {

  private final ComparisonRules rules;

  DefaultComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  Optional<ColumnDifference> compare(String table, Column was, Column wanted, TableChanges changes) {
    String have = was.identity() || rules.isGeneratedDefault(was.defaultSql()) ? null : rules.normalForm(was.defaultSql());
    String want = rules.normalForm(wanted.defaultSql());
    if (Objects.equals(have, want)) {
      return Optional.empty();
    }
    if (have != null && want != null && writtenAsWanted(wanted, changes)) {
      // The migrations gave the column the entities' very default: what the database reads back
      // (now() + '1 day'::interval for now() + interval '1 day') is its spelling of it.
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
      changes.keep("default " + was.defaultSql() + " of " + table + "." + wanted.name());
      return Optional.empty();
    }
    return Optional.of(new ColumnDifference(new ColumnChange.SetDefault(wanted.defaultSql()),
        want == null ? "default " + was.defaultSql() + " dropped" : "default " + wanted.defaultSql()));
  }

  /** Whether the applied migrations left the column with the default the entities state, in their words. */
  private boolean writtenAsWanted(Column wanted, TableChanges changes) {
    return changes.recorded().flatMap(table -> table.column(wanted.name())).map(Column::defaultSql)
        .filter(written -> Objects.equals(rules.normalForm(written), rules.normalForm(wanted.defaultSql())))
        .isPresent();
  }
}
