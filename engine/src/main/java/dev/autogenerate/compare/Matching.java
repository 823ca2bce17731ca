package dev.autogenerate.compare;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How two sides' objects are recognised as the same: by what they are, never by name. */
final class Matching {

  private Matching() {}

  /** Foreign keys match by their columns and what they reference; actions are compared apart. */
  static boolean sameReference(ForeignKey one, ForeignKey other) {
    return one.columns().equals(other.columns()) && one.referencedTable().equals(other.referencedTable())
        && one.referencedColumns().equals(other.referencedColumns());
  }

  /** Whether a unique constraint covers exactly these columns, in any order. */
  static boolean hasUnique(List<UniqueConstraint> uniques, List<String> columns) {
    Set<String> wanted = Set.copyOf(columns);
    return uniques.stream().anyMatch(unique -> Set.copyOf(unique.columns()).equals(wanted));
  }

  /** Whether an ordinary unique index makes these columns unique, as a unique constraint would. */
  static boolean enforcesUnique(Index index, List<String> columns) {
    // Not an INVALID one: a concurrent build that failed on a duplicate left it, over the rows it failed on.
    return index.isManaged() && index.valid() && index.unique()
        && Set.copyOf(index.columnNames()).equals(Set.copyOf(columns));
  }

  /**
   * Ordinary indexes match by columns, order and uniqueness. An index on expressions, which the
   * mapping can declare ({@code columnList = "(lower(email))"}) and the database reports as its
   * own definition, can only match by name: the two texts are never spelled alike.
   */
  static boolean sameIndex(Index one, Index other) {
    if (!one.isManaged() || !other.isManaged()) {
      return one.name() != null && one.name().equalsIgnoreCase(other.name());
    }
    return one.unique() == other.unique() && one.columns().equals(other.columns());
  }

  static boolean allAscending(Index index) {
    return index.columns().stream().noneMatch(column -> column.descending());
  }

  /** A unique index that a unique constraint on its columns stands in for, or back. */
  static boolean isPlainUniqueIndex(Index index) {
    return index.unique() && allAscending(index);
  }

  /**
   * The drop of a constraint of the database, by its name. A constraint known without a name (a
   * schema built from hand-written operations, Hibernate's inline {@code unique}) cannot be
   * dropped by any statement: that is a warning naming it and the fix, never a crash.
   */
  static Optional<DropConstraint> drop(TableConstraint constraint, String table, TableChanges changes) {
    if (constraint.name() == null) {
      changes.warn(AddConstraint.kind(constraint) + " on " + table + " " + constraint.columns()
          + (constraint instanceof CheckConstraint check ? " (" + check.expression() + ")" : "")
          + " has no name, so no migration can drop it: drop it by hand, or name it in the database");
      return Optional.empty();
    }
    return Optional.of(new DropConstraint(table, constraint.name()));
  }
}
