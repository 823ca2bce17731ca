package dev.autogenerate.cli;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;

/**
 * The table (or sequence, or enum type) a step changes, and the column when it changes one: what
 * a report names, and where the entity source is looked up.
 *
 * @param subject as {@link Operation#subject()}; null for raw SQL
 * @param column null when the step is not about one column; a renamed one's new name
 */
record ChangeTarget(String subject, String column) {

  static ChangeTarget of(Operation operation) {
    String column = null;
    if (operation instanceof AddColumn add) {
      column = add.column().name();
    } else if (operation instanceof DropColumn drop) {
      column = drop.column();
    } else if (operation instanceof AlterColumn alter) {
      column = alter.column();
    } else if (operation instanceof RenameColumn rename) {
      // As the entities now name it: where a report points at the field, and what JSON readers key on.
      column = rename.to();
    }
    return new ChangeTarget(operation.subject(), column);
  }
}
