package dev.autogenerate.compare;

import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.schema.Column;
import java.util.Optional;

/** A column's type, as the database tells types apart ({@link ComparisonRules#sameType}). */
final class TypeComparator {

  private final ComparisonRules rules;

  TypeComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  Optional<ColumnDifference> compare(Column was, Column wanted) {
    if (rules.sameType(was.type(), wanted.type(), wanted.identity() && was.identity())) {
      return Optional.empty();
    }
    return Optional.of(new ColumnDifference(ColumnChange.type(wanted.type()), "type " + was.type() + " -> " + wanted.type()));
  }
}
