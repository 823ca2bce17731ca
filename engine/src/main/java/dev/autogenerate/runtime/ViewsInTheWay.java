package dev.autogenerate.runtime;

import dev.autogenerate.database.Ddl;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.util.Optional;

/**
 * A step that drops a table or column a view of the database reads. PostgreSQL refuses it (no
 * {@code cascade} is ever written); SQLite lets it through and leaves the view broken, and every
 * later rebuild of a table fails on it ("error in view ...", found by a user test after a
 * {@code downgrade base}). {@code -m} stops on such a step before writing it; a downgrade, a
 * hand-written revision or a view made after the migration was written meet it when they run, and
 * are stopped the same way on both databases, before anything of the revision runs.
 */
final class ViewsInTheWay {

  private ViewsInTheWay() {}

  /** Why the step cannot run as the database's views stand, if it cannot. */
  static Optional<String> of(Operation operation, Schema schema) {
    for (View view : schema.views().values()) {
      if (operation instanceof DropTable drop && view.usesRelation(drop.table())) {
        return Optional.of(reason(view, "table " + drop.table()));
      }
      if (operation instanceof DropColumn drop && view.usesColumn(drop.table(), drop.column())) {
        return Optional.of(reason(view, "column " + drop.table() + "." + drop.column()));
      }
    }
    return Optional.empty();
  }

  private static String reason(View view, String object) {
    return (view.materialized() ? "materialized view " : "view ") + view.name() + " reads " + object + " (PostgreSQL"
        + " refuses the drop, SQLite would leave the view broken): drop or change the view first, in this migration"
        + " (op.execute(\"drop " + (view.materialized() ? "materialized " : "") + "view if exists "
        + Ddl.qualifiedName(view.name()).replace("\"", "\\\"") + "\")) or one of its own";
  }
}
