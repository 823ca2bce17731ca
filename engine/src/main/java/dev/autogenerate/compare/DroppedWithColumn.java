package dev.autogenerate.compare;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the database drops with a column, unasked: the indexes, uniques, checks and foreign keys of
 * its table that use it (PostgreSQL drops them with the column; SQLite's rebuild leaves them out).
 * One made by hand (a DBA's index, a check another tool added) was "left alone" until its column
 * went, and then went without a word; the drop's note names them, and its downgrade creates them
 * again with the column.
 */
final class DroppedWithColumn {

  private DroppedWithColumn() {}

  /**
   * The objects of {@code existing} using {@code column} ({@link Table#constraintsUsing},
   * {@link Table#indexesUsing}), as a reader names them ({@code index ix_title}), but those the plan
   * drops by a step of their own ({@code dropped}, by name).
   */
  static List<String> in(Table existing, String column, Predicate<String> dropped) {
    List<String> found = new ArrayList<>();
    for (TableConstraint constraint : existing.constraintsUsing(column)) {
      if (!dropped.test(constraint.name())) {
        found.add((constraint instanceof UniqueConstraint ? "unique " : constraint instanceof CheckConstraint ? "check "
            : "foreign key ") + constraint.name());
      }
    }
    for (Index index : existing.indexesUsing(column)) {
      if (!dropped.test(index.name())) {
        found.add("index " + index.name());
      }
    }
    return found;
  }
}
