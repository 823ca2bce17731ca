package dev.autogenerate.compare;

import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Table;

/**
 * Indexes, matched by columns, order and uniqueness. An index only the database has is reported,
 * not dropped (a DBA may have added it), unless the options say to drop such indexes; partial and
 * expression indexes, which no mapping expresses, are never touched. A plain unique index and a
 * unique constraint on the same columns stand in for each other; a unique index of the database
 * in any order stands in for a unique constraint the entities want, as the keys take it to.
 */
final class IndexComparator implements TableElementComparator {

  private final boolean dropUnmapped;

  IndexComparator(boolean dropUnmapped) {
    this.dropUnmapped = dropUnmapped;
  }

  @Override
  public void compare(Table existing, Table wanted, TableChanges changes) {
    String table = wanted.name();
    for (Index index : existing.indexes()) {
      boolean sameAsWanted = wanted.indexes().stream().anyMatch(want -> Matching.sameIndex(index, want));
      if (!index.isManaged() && !sameAsWanted) {
        changes.notice("index " + index.name() + " on " + table
            + " is partial or on expressions, which no mapping expresses: left alone");
        continue;
      }
      // A unique index that makes a wanted unique constraint's columns unique is that constraint
      // here, whatever its order: the keys add no constraint for it, so it must not go.
      boolean mapped = sameAsWanted
          || wanted.uniqueConstraints().stream().anyMatch(unique -> Matching.enforcesUnique(index, unique.columns()));
      if (mapped) {
        continue;
      }
      if (dropUnmapped) {
        changes.beforeColumns(new DropIndex(table, index.name()), "index " + index.name() + " is not in the mapping");
      } else {
        changes.notice("index " + index.name() + " on " + table + " " + index.columnNames()
            + " exists only in the database: left alone (set compare.drop-unmapped-indexes=true to drop such indexes)");
      }
    }
    for (Index index : wanted.indexes()) {
      boolean present = existing.indexes().stream().anyMatch(have -> Matching.sameIndex(have, index))
          || (Matching.isPlainUniqueIndex(index) && Matching.hasUnique(existing.uniqueConstraints(), index.columnNames()));
      if (!present) {
        changes.afterColumns(new CreateIndex(table, index), null);
      }
    }
  }
}
