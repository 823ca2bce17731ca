package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Trigger;
import java.util.List;

/**
 * The database's triggers (SQLite's: the only ones a schema carries) that the upgrade would
 * break: a trigger naming a column or a table the upgrade drops. SQLite refuses to drop a column
 * that a trigger on its table names ("error in trigger ... after drop column"), so the revision
 * would fail when applied; a trigger on another table it lets keep the name, and creates a
 * trigger naming what does not exist, so the statement that fires it would fail in the
 * application instead, long after the review. The diff cannot rewrite a trigger's body: it
 * stops before writing the migration with a {@link DependencyConflict} naming the trigger and
 * the fix. A trigger is read by name, as a view's query is ({@code ViewUses}): a word that is
 * the name of something else counts too, which errs on the side of stopping.
 */
final class TriggerConflicts {

  private TriggerConflicts() {}

  /** @throws DependencyConflict for the first trigger naming what a step of {@code upgrade} drops */
  static void check(Schema current, List<Change> upgrade) {
    if (current.triggers().isEmpty()) {
      return;
    }
    Schema schema = current;
    for (Change change : upgrade) {
      Operation operation = change.operation();
      if (operation instanceof DropColumn drop) {
        for (Trigger trigger : schema.triggers().values()) {
          // On its own table a trigger names the columns bare (new.name); elsewhere with the table.
          boolean readsTable = trigger.table().equalsIgnoreCase(drop.table()) || trigger.names(drop.table());
          if (readsTable && trigger.names(drop.column())) {
            throw conflict(trigger, "column " + drop.table() + "." + drop.column());
          }
        }
      } else if (operation instanceof DropTable drop) {
        // The table's own triggers go with it.
        for (Trigger trigger : schema.triggers().values()) {
          if (!trigger.table().equalsIgnoreCase(drop.table()) && trigger.names(drop.table())) {
            throw conflict(trigger, "table " + drop.table());
          }
        }
      }
      schema = operation.applyTo(schema);
    }
  }

  private static DependencyConflict conflict(Trigger trigger, String what) {
    return new DependencyConflict("trigger " + trigger.name() + " names " + what + ", which this migration drops:"
        + " change or drop the trigger first (a migration with op.execute(\"drop trigger " + trigger.name()
        + "\") and, if it is still wanted, its new create trigger), upgrade, then run -m again");
  }
}
