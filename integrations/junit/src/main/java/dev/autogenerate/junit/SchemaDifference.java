package dev.autogenerate.junit;

import dev.autogenerate.compare.DependencyConflict;
import dev.autogenerate.compare.DiffOptions;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.NamingConvention;
import dev.autogenerate.compare.RenameConflict;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.schema.Schema;
import java.util.Optional;

/**
 * Whether two inspections of one database hold the same schema, as the comparison sees schemas:
 * what it matches by meaning (a constraint under another name, columns in another order) is the
 * same; anything else, including an index or table only one side has, is a difference.
 */
final class SchemaDifference {

  /** Everything only one side has is a difference, whoever created it. */
  static final DiffOptions EVERYTHING =
      new DiffOptions(NamingConvention.defaults(), true, true, DiffOptions.KEEP_ALL);

  private SchemaDifference() {}

  /** What it takes to turn {@code actual} into {@code expected}, as indented lines; empty when they are the same. */
  static Optional<String> between(Database database, Schema actual, Schema expected) {
    MigrationPlan plan;
    try {
      plan = new SchemaComparison(database.comparisonRules(), EVERYTHING).compare(actual, expected);
    } catch (DependencyConflict | RenameConflict e) {
      // A difference the comparison cannot turn into steps (a column a view reads is gone) is a
      // difference all the same: said as one, not thrown at the test as the comparison's error.
      return Optional.of("  " + e.getMessage());
    }
    if (plan.isEmpty() && plan.warnings().isEmpty() && plan.notices().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Differences.render(plan));
  }
}
