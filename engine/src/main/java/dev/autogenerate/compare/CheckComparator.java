package dev.autogenerate.compare;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Check constraints, matched by their expression in normal form, so the database's rewriting of
 * a check ({@code in (...)} read back as {@code = ANY (ARRAY[...])}) is not a change; and by name
 * where the applied migrations created the check with the entities' very text, whatever the
 * database made of it ({@code like} read back as {@code ~~}, and rewrites the normal form does
 * not know). A check of the entities' name the database has and keeps is never added twice.
 */
final class CheckComparator implements TableElementComparator {

  private final ComparisonRules rules;

  CheckComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  @Override
  public void compare(Table existing, Table wanted, TableChanges changes) {
    Optional<Table> recorded = changes.recorded();
    List<CheckConstraint> kept = new ArrayList<>();
    for (CheckConstraint check : existing.checks()) {
      if (wanted.checks().stream().anyMatch(each -> same(check, each, recorded))) {
        continue;
      }
      if (changes.mayDrop(table -> contains(table.checks(), check) || named(table.checks(), check.name()))) {
        Matching.drop(check, wanted.name(), changes).ifPresent(drop -> changes.beforeColumns(drop, null));
      } else {
        if (!named(wanted.checks(), check.name())) {
          // One of the entities' name gets its own note below.
          changes.keep(Kind.CONSTRAINT, check.name(),
              "check " + check.name() + " on " + wanted.name() + " (" + check.expression() + ")");
        }
        kept.add(check);
      }
    }
    for (CheckConstraint check : wanted.checks()) {
      if (existing.checks().stream().anyMatch(each -> same(each, check, recorded))) {
        continue;
      }
      if (named(kept, check.name())) {
        // Not the migrations' (a baseline's, a person's): its text may be a rewrite the normal
        // form does not know, and the name can hold one check only.
        changes.notice("check " + check.name() + " on " + wanted.name() + ": the database's reads otherwise than the"
            + " entities' (" + check.expression() + "), and is taken for it by its name; compare them by hand");
        continue;
      }
      changes.afterColumns(new AddConstraint(wanted.name(), check), null);
    }
  }

  /**
   * Whether the database's check is the entities' one: the same in normal form, or of the same name
   * where the migrations created it with the entities' text.
   */
  private boolean same(CheckConstraint database, CheckConstraint entities, Optional<Table> recorded) {
    if (Objects.equals(rules.normalForm(database.expression()), rules.normalForm(entities.expression()))) {
      return true;
    }
    return entities.name() != null && entities.name().equals(database.name()) && recorded
        .flatMap(table -> table.checks().stream().filter(each -> entities.name().equals(each.name())).findFirst())
        .filter(written -> Objects.equals(rules.normalForm(written.expression()), rules.normalForm(entities.expression())))
        .isPresent();
  }

  private boolean contains(List<CheckConstraint> checks, CheckConstraint check) {
    String key = rules.normalForm(check.expression());
    return checks.stream().anyMatch(each -> Objects.equals(rules.normalForm(each.expression()), key));
  }

  private static boolean named(List<CheckConstraint> checks, String name) {
    return name != null && checks.stream().anyMatch(each -> name.equals(each.name()));
  }
}
