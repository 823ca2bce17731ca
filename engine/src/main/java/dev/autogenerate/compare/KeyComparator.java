package dev.autogenerate.compare;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.Optional;
import java.util.Set;

/**
 * Primary keys and unique constraints, matched by column set. A unique index and a unique
 * constraint on the same columns stand in for each other, as both databases treat them. A changed
 * primary key is dropped before the columns change and added after.
 */
final class KeyComparator implements TableElementComparator {

  @Override
  public void compare(Table existing, Table wanted, TableChanges changes) {
    boolean primaryKeyChanges = dropPrimaryKeyIfChanged(existing, wanted, changes);
    for (UniqueConstraint unique : existing.uniqueConstraints()) {
      boolean mapped = Matching.hasUnique(wanted.uniqueConstraints(), unique.columns())
          || wanted.indexes().stream().anyMatch(index -> Matching.enforcesUnique(index, unique.columns())
              && Matching.allAscending(index));
      if (!mapped && changes.mayDrop(table -> Matching.hasUnique(table.uniqueConstraints(), unique.columns()))) {
        Matching.drop(unique, wanted.name(), changes).ifPresent(drop -> changes.beforeColumns(drop, null));
      } else if (!mapped) {
        changes.keep(Kind.CONSTRAINT, unique.name(),
            "unique constraint " + unique.name() + " on " + wanted.name() + " " + unique.columns());
      }
    }
    if (primaryKeyChanges) {
      wanted.primaryKey().ifPresent(key -> changes.afterColumns(new AddConstraint(wanted.name(), key), null));
    }
    for (UniqueConstraint unique : wanted.uniqueConstraints()) {
      boolean present = Matching.hasUnique(existing.uniqueConstraints(), unique.columns())
          || existing.indexes().stream().anyMatch(index -> Matching.enforcesUnique(index, unique.columns()));
      if (!present) {
        changes.afterColumns(new AddConstraint(wanted.name(), unique), null);
      }
    }
  }

  /**
   * Drops a primary key that changed; a key the database reports without a name cannot be
   * dropped by one, so that is a warning instead.
   *
   * @return whether the new key is to be added
   */
  private static boolean dropPrimaryKeyIfChanged(Table existing, Table wanted, TableChanges changes) {
    Set<String> have = existing.primaryKey().map(key -> Set.copyOf(key.columns())).orElse(Set.of());
    Set<String> want = wanted.primaryKey().map(key -> Set.copyOf(key.columns())).orElse(Set.of());
    if (have.equals(want)) {
      return false;
    }
    String table = wanted.name();
    boolean droppable = existing.primaryKey().map(key -> key.name() != null).orElse(true);
    if (!droppable) {
      changes.warn("primary key of " + table + " differs: the database has " + columnsOf(existing.primaryKey())
          + ", the entities map " + columnsOf(wanted.primaryKey()) + "; change it by hand");
      return false;
    }
    existing.primaryKey().ifPresent(key -> changes.beforeColumns(new DropConstraint(table, key.name()),
        "primary key of " + table + " changes from " + key.columns() + " to " + columnsOf(wanted.primaryKey())));
    return true;
  }

  private static String columnsOf(Optional<PrimaryKey> key) {
    return key.map(each -> "(" + String.join(", ", each.columns()) + ")").orElse("no primary key");
  }
}
