package dev.autogenerate.compare;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Foreign keys, matched by their columns and what they reference. One whose actions ({@code on
 * delete}, {@code on update}) change is dropped and added again, as SQL has no way to alter it.
 * One the entities do not map is dropped if the migrations created it, else kept and reported.
 */
final class ForeignKeyComparator implements TableElementComparator {

  @Override
  public void compare(Table existing, Table wanted, TableChanges changes) {
    for (ForeignKey key : existing.foreignKeys()) {
      Optional<ForeignKey> match = find(wanted.foreignKeys(), key);
      if (match.isPresent() && !sameActions(match.get(), key)) {
        Matching.drop(key, wanted.name(), changes).ifPresent(drop -> changes.dropForeignKey(drop,
            "foreign key " + key.name() + ": " + actionsChange(key, match.get())
                + ", so it is dropped and added again"));
      } else if (match.isEmpty() && changes.mayDrop(table -> find(table.foreignKeys(), key).isPresent())) {
        Matching.drop(key, wanted.name(), changes).ifPresent(drop -> changes.dropForeignKey(drop, null));
      } else if (match.isEmpty() && changes.dropsTable(key.referencedTable())) {
        // Kept, it would stop its table from being dropped; it cannot outlive it.
        Matching.drop(key, wanted.name(), changes).ifPresent(drop -> changes.dropForeignKey(drop,
            "foreign key " + key.name() + " (no migration created it) references " + key.referencedTable()
                + ", which is dropped"));
      } else if (match.isEmpty()) {
        changes.keep(Kind.CONSTRAINT, key.name(),
            "foreign key " + key.name() + " on " + wanted.name() + " " + key.columns() + " -> " + key.referencedTable());
      }
    }
    for (ForeignKey key : wanted.foreignKeys()) {
      Optional<ForeignKey> match = find(existing.foreignKeys(), key);
      if (match.isEmpty() || !sameActions(match.get(), key)) {
        changes.addForeignKey(new AddConstraint(wanted.name(), key), null);
      }
    }
  }

  /**
   * What changes, in SQL's words: {@code on delete cascade -> no action}. A cascade that goes
   * makes deleting a parent fail where it deleted its children; the reviewer must see which.
   */
  static String actionsChange(ForeignKey was, ForeignKey wanted) {
    List<String> changed = new ArrayList<>();
    if (was.onDelete() != wanted.onDelete()) {
      changed.add("on delete " + was.onDelete().sql() + " -> " + wanted.onDelete().sql());
    }
    if (was.onUpdate() != wanted.onUpdate()) {
      changed.add("on update " + was.onUpdate().sql() + " -> " + wanted.onUpdate().sql());
    }
    return String.join(", ", changed);
  }

  private static Optional<ForeignKey> find(List<ForeignKey> keys, ForeignKey key) {
    return keys.stream().filter(each -> Matching.sameReference(each, key)).findFirst();
  }

  private static boolean sameActions(ForeignKey one, ForeignKey other) {
    return one.onDelete() == other.onDelete() && one.onUpdate() == other.onUpdate();
  }
}
