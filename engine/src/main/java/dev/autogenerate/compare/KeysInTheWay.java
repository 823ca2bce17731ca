package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A foreign key of another table, that the upgrade keeps, referencing a column the upgrade drops:
 * a key the entities do not map (a DBA's table referencing the column), which PostgreSQL refuses
 * to let go ("other objects depend on it"), so the revision failed when applied, where a view or
 * trigger in the way stops {@code -m} (found by the review of this session's fixes). It stops
 * {@code -m} too, naming the key and the fix.
 */
final class KeysInTheWay {

  private KeysInTheWay() {}

  /** @throws DependencyConflict for the first such key */
  static void check(Schema current, List<Change> upgrade) {
    Set<String> droppedTables = new HashSet<>();
    Set<String> droppedKeys = new HashSet<>();
    for (Change change : upgrade) {
      Operation operation = change.operation();
      if (operation instanceof DropTable drop) {
        droppedTables.add(drop.table());
      } else if (operation instanceof DropConstraint drop) {
        droppedKeys.add(drop.table() + "\u0000" + drop.name().toLowerCase(Locale.ROOT));
      }
    }
    for (Change change : upgrade) {
      if (!(change.operation() instanceof DropColumn drop) || droppedTables.contains(drop.table())) {
        continue;
      }
      for (Table table : current.tables().values()) {
        if (table.name().equals(drop.table()) || droppedTables.contains(table.name())) {
          continue;
        }
        for (ForeignKey key : table.foreignKeys()) {
          boolean kept = key.name() == null
              || !droppedKeys.contains(table.name() + "\u0000" + key.name().toLowerCase(Locale.ROOT));
          if (kept && key.referencedTable().equals(drop.table()) && key.referencedColumns().contains(drop.column())) {
            throw new DependencyConflict("foreign key " + key.name() + " of " + table.name() + " references "
                + drop.table() + "." + drop.column() + ", which this migration drops (PostgreSQL refuses while the key"
                + " depends on it): drop or change the key first, in a migration of its own (op.dropConstraint(\""
                + table.name() + "\", \"" + key.name() + "\")), upgrade, then run -m again");
          }
        }
      }
    }
  }
}
