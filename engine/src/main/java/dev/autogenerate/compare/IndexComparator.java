package dev.autogenerate.compare;

import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.Set;

/**
 * Indexes, matched by columns, order and uniqueness. An index the mapping names but with other
 * columns is dropped and created again. An index only the database has is dropped when the
 * applied migrations created it, and otherwise reported, not dropped (a DBA may have added it),
 * unless the options say to drop such indexes; partial and expression indexes, which no mapping
 * expresses, are never touched. A plain unique index and a unique constraint on the same columns
 * stand in for each other; a unique index of the database in any order stands in for a unique
 * constraint the entities want, as the keys take it to. An index PostgreSQL marks INVALID (a
 * concurrent build that failed left it: no query uses it, and a unique one holds the duplicates it
 * failed on) is dropped and built again where the entities want it, as an index or a unique key.
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
      if (!index.valid() && index.isManaged() && wantedHere(index, wanted)) {
        if (createdByMigrations(index, changes)) {
          changes.beforeColumns(new DropIndex(table, index.name()), "index " + index.name() + " is INVALID (a"
              + " concurrent build of it failed, and no query uses it): dropped, and built again below");
        } else {
          // No database built from the migrations has it: a migration dropping it would fail there.
          changes.warn("index " + index.name() + " on " + table + " is INVALID (a concurrent build of it failed, and no"
              + " query uses it), and no migration created it: drop it in this database by hand (drop index"
              + " concurrently " + Schema.inSchemaOf(table, index.name()) + ") before applying the migration that builds"
              + " what the entities want");
        }
        continue;
      }
      boolean sameAsWanted = wanted.indexes().stream().anyMatch(want -> Matching.sameIndex(index, want));
      if (!index.isManaged() && !sameAsWanted) {
        // Said only of one no migration created: one a baseline created (adopting a database) is
        // the migrations', and was said at every check for ever, which check --strict then failed.
        if (!createdByMigrations(index, changes)) {
          changes.notice("index " + index.name() + " on " + table
              + " is partial or on expressions, which no mapping expresses: left alone");
        }
        continue;
      }
      // A unique index that makes a wanted unique constraint's columns unique is that constraint
      // here, whatever its order: the keys add no constraint for it, so it must not go.
      boolean mapped = sameAsWanted
          || wanted.uniqueConstraints().stream().anyMatch(unique -> Matching.enforcesUnique(index, unique.columns()));
      // An index on a column that goes away goes with it, and comes back with it in the downgrade.
      boolean onDroppedColumn = index.columnNames().stream().anyMatch(column -> !wanted.hasColumn(column));
      if (mapped || onDroppedColumn) {
        continue;
      }
      if (wanted.indexes().stream().anyMatch(want -> sameName(want, index))) {
        changes.beforeColumns(new DropIndex(table, index.name()), "index " + index.name()
            + " changes from " + index.columnNames() + ": dropped and created again");
      } else if (createdByMigrations(index, changes)) {
        changes.beforeColumns(new DropIndex(table, index.name()),
            "index " + index.name() + " was created by a migration and is no longer mapped");
      } else if (dropUnmapped) {
        changes.beforeColumns(new DropIndex(table, index.name()), "index " + index.name() + " is not in the mapping");
      } else if (!changes.leftByMigration(Kind.INDEX, index.name())) {
        changes.notice("index " + index.name() + " on " + table + " " + index.columnNames()
            + (index.valid() ? "" : " (INVALID: a concurrent build of it failed, and no query uses it)")
            + " exists only in the database, and is its own (no migration created it): left alone"
            + " (set compare.drop-unmapped-indexes=true to drop such indexes)");
      }
    }
    for (Index index : wanted.indexes()) {
      boolean present = existing.indexes().stream().anyMatch(have -> have.valid() && Matching.sameIndex(have, index))
          || (Matching.isPlainUniqueIndex(index) && Matching.hasUnique(existing.uniqueConstraints(), index.columnNames()));
      if (!present) {
        changes.afterColumns(new CreateIndex(table, index), null);
        if (existing.indexes().stream().anyMatch(have -> sameName(have, index)
            || !have.valid() && Matching.sameIndex(have, index))) {
          // Changed here, not missing: dropped above, and made as the entities say (a user test
          // was told an index it had reordered by hand was missing, and to make it again).
          continue;
        }
        changes.warnIfOnlyThisDatabaseLacks("index " + index.name() + " on " + table,
            recorded -> recorded.indexes().stream().anyMatch(made -> Matching.sameIndex(made, index)),
            "the migration's own create index, run by hand");
      }
    }
  }

  /** Whether the entities want this index, by its name or its columns, as an index or a unique key. */
  private static boolean wantedHere(Index index, Table wanted) {
    return wanted.indexes().stream().anyMatch(want -> sameName(want, index) || Matching.sameIndex(index, want))
        || index.unique() && wanted.uniqueConstraints().stream().anyMatch(unique -> index.name().equalsIgnoreCase(
            unique.name()) || Set.copyOf(unique.columns()).equals(Set.copyOf(index.columnNames())));
  }

  private static boolean sameName(Index one, Index other) {
    return one.name() != null && one.name().equalsIgnoreCase(other.name());
  }

  /** Whether the applied migrations created this index: then the tool owns it, and may drop it. */
  private static boolean createdByMigrations(Index index, TableChanges changes) {
    return changes.recorded().map(table -> table.indexes().stream().anyMatch(created -> sameName(created, index)))
        .orElse(false);
  }
}
