package dev.autogenerate.compare;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Table;
import java.util.List;
import java.util.Objects;

/**
 * Check constraints, matched by their expression in normal form, so the database's rewriting of
 * a check ({@code in (...)} read back as {@code = ANY (ARRAY[...])}) is not a change.
 */
final class CheckComparator implements TableElementComparator {

  private final ComparisonRules rules;

  CheckComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  @Override
  public void compare(Table existing, Table wanted, TableChanges changes) {
    for (CheckConstraint check : existing.checks()) {
      if (contains(wanted.checks(), check)) {
        continue;
      }
      if (changes.mayDrop(table -> contains(table.checks(), check))) {
        Matching.drop(check, wanted.name(), changes).ifPresent(drop -> changes.beforeColumns(drop, null));
      } else {
        changes.keep("check " + check.name() + " on " + wanted.name() + " (" + check.expression() + ")");
      }
    }
    for (CheckConstraint check : wanted.checks()) {
      if (!contains(existing.checks(), check)) {
        changes.afterColumns(new AddConstraint(wanted.name(), check), null);
      }
    }
  }

  private boolean contains(List<CheckConstraint> checks, CheckConstraint check) {
    String key = rules.normalForm(check.expression());
    return checks.stream().anyMatch(each -> Objects.equals(rules.normalForm(each.expression()), key));
  }
}
