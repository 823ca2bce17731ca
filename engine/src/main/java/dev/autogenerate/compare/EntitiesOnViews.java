package dev.autogenerate.compare;

import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Entities mapped onto a view of the database, materialized or not ({@code @Immutable} on a view's name, typically;
 * {@code @View} and {@code @Subselect} entities never reach the schema): the view is the
 * database's, so the entity is not a table to create, nor its foreign keys keys to add, and the
 * table comparator never sees it (a view is never a table to drop either). Foreign keys other
 * entities have to it are left out too, as no database lets a key reference a view.
 *
 * @param target the entities' schema without the tables that are views
 * @param notices one line per entity left alone, for the reviewer
 */
record EntitiesOnViews(Schema target, List<String> notices) {

  EntitiesOnViews {
    notices = List.copyOf(notices);
  }

  static EntitiesOnViews in(Schema current, Schema target) {
    List<String> onViews = target.tables().keySet().stream().filter(current::hasView).toList();
    if (onViews.isEmpty()) {
      return new EntitiesOnViews(target, List.of());
    }
    Schema kept = target;
    List<String> notices = new ArrayList<>();
    for (String name : onViews) {
      kept = kept.withoutTable(name);
      String kind = current.view(name).filter(View::materialized).isPresent() ? "a materialized view" : "a view";
      notices.add("table " + name + " is " + kind + " in the database: the entity mapped onto it is not created as a table");
    }
    for (Table table : kept.tables().values()) {
      List<ForeignKey> toViews = table.foreignKeys().stream()
          .filter(key -> onViews.contains(key.referencedTable())).toList();
      if (!toViews.isEmpty()) {
        kept = kept.withTable(new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(),
            table.foreignKeys().stream().filter(key -> !toViews.contains(key)).toList(), table.checks(),
            table.indexes(), table.comment()));
        for (ForeignKey key : toViews) {
          notices.add("foreign key of " + table.name() + " (" + String.join(", ", key.columns()) + ") references view "
              + key.referencedTable() + ": left out, as a key cannot reference a view");
        }
      }
    }
    return new EntitiesOnViews(kept, notices);
  }
}
