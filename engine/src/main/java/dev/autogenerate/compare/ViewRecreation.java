package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the database's views working around the upgrade. A view reading a column whose type
 * changes (or whose enum type loses or reorders a value, which converts the column) blocks the
 * change on PostgreSQL ("cannot alter type of a column used by a view"): such
 * a view, and every view reading it, is dropped before the revision's first step and created
 * again after its last, with the query the catalog gave, as steps the reviewer sees. Renames need
 * nothing (both databases carry them into the view). A view reading a column or table the upgrade
 * drops cannot be created again as it was: that is a {@link DependencyConflict}, never a silent
 * {@code cascade}. A materialized view is never dropped and created again (its rows are stored):
 * a change that needs it is a conflict too. Views are otherwise left alone: the diff never
 * proposes to create or drop one for its own sake.
 */
final class ViewRecreation {

  private ViewRecreation() {}

  /**
   * The upgrade with the drops and creations of the views it needs gone while it runs.
   *
   * @param current the database's schema, with its views
   * @param target the entities' schema: a view it declares ({@code @View}) is created again with
   *     its query there, not the catalog's rewriting of it
   * @param requeried views of {@code @View} entities whose query changed: dropped, with the views
   *     reading them, and created again with the new query
   * @param created views of {@code @View} entities the database lacks: created last, in order
   *     with those created again
   * @throws DependencyConflict when a view reads a column or table the upgrade drops, or one it
   *     both renames and changes
   */
  static List<Change> around(Schema current, List<Change> upgrade, Schema target, Set<String> requeried,
      List<Change> created) {
    List<Change> alone = new ArrayList<>(upgrade);
    alone.addAll(EntityViews.ordered(created));
    if (current.views().isEmpty()) {
      return alone;
    }
    Map<String, String> blocked = new LinkedHashMap<>();
    // Each new name with the old one it had, which the view's query names.
    Map<String, String> renamedTables = new LinkedHashMap<>();
    Map<String, Map<String, String>> renamedColumns = new LinkedHashMap<>();
    Schema schema = current;
    for (Change change : upgrade) {
      Operation operation = change.operation();
      if (operation instanceof AlterColumn alter && alter.newType().isPresent()) {
        for (View view : schema.views().values()) {
          if (view.usesColumn(alter.table(), alter.column())) {
            blocked.putIfAbsent(view.name(), alter.table() + "." + alter.column());
          }
        }
      } else if (operation instanceof AlterEnumType alter && schema.enumType(alter.name())
          .map(existing -> !alter.onlyAddsValuesTo(existing.values())).orElse(false)) {
        // The safe recipe converts every column of the type to the new one: a type change to each.
        SqlType enumType = SqlType.sqlType(alter.name());
        for (Table table : schema.tables().values()) {
          for (Column column : table.columns()) {
            if (column.type().equals(enumType)) {
              for (View view : schema.views().values()) {
                if (view.usesColumn(table.name(), column.name())) {
                  blocked.putIfAbsent(view.name(), table.name() + "." + column.name());
                }
              }
            }
          }
        }
      } else if (operation instanceof DropColumn drop) {
        Optional<View> reader = schema.views().values().stream()
            .filter(view -> view.usesColumn(drop.table(), drop.column())).findFirst();
        if (reader.isPresent()) {
          throw new DependencyConflict(conflict(reader.get(), "column " + drop.table() + "." + drop.column(),
              "drops"));
        }
      } else if (operation instanceof DropTable drop) {
        Optional<View> reader = schema.views().values().stream()
            .filter(view -> view.usesRelation(drop.table())).findFirst();
        if (reader.isPresent()) {
          throw new DependencyConflict(conflict(reader.get(), "table " + drop.table(), "drops"));
        }
      } else if (operation instanceof RenameTable rename) {
        renamedTables.put(rename.to(), rename.from());
      } else if (operation instanceof RenameColumn rename) {
        renamedColumns.computeIfAbsent(rename.table(), t -> new LinkedHashMap<>()).put(rename.to(), rename.from());
      }
      schema = operation.applyTo(schema);
    }
    if (blocked.isEmpty() && requeried.isEmpty()) {
      return alone;
    }
    Set<String> dropped = new LinkedHashSet<>(requeried);
    dropped.addAll(blocked.keySet());
    List<View> views = current.viewsDependingOn(dropped);
    for (View view : views) {
      if (view.materialized()) {
        // Its rows are stored: creating it again recomputes them all (and loses its indexes),
        // which is the project's to decide, not a step the tool slips into an upgrade.
        String reads = blocked.containsKey(view.name()) ? blocked.get(view.name()) + ", whose type changes"
            : "a view that must be dropped and created again";
        throw new DependencyConflict("materialized view " + view.name() + " reads " + reads + ":"
            + " drop it in a migration of its own first (op.dropMaterializedView(\"" + view.name()
            + "\")), upgrade, run -m again, and create it again by hand after");
      }
    }
    for (View view : views) {
      if (target.hasView(view.name())) {
        // Created again with its entity's query, which names things as they will be.
        continue;
      }
      // The view is dropped before the renames and created after them with the query it had: a
      // query naming what was renamed would no longer run.
      String renamed = renamedIn(view, schema, renamedTables, renamedColumns);
      if (renamed != null) {
        throw new DependencyConflict("view " + view.name() + " reads " + renamed + ", which this migration renames, and"
            + " also " + blocked.getOrDefault(view.name(), "a view") + ", whose type changes: generate the rename"
            + " alone first (one revision), upgrade, then generate the type change");
      }
    }
    List<Change> wrapped = new ArrayList<>();
    for (int i = views.size() - 1; i >= 0; i--) {
      View view = views.get(i);
      wrapped.add(Change.of(new DropView(view.name()), dropReason(view, blocked, requeried)));
    }
    wrapped.addAll(upgrade);
    List<Change> creations = new ArrayList<>();
    for (View view : views) {
      Optional<View> declared = target.view(view.name());
      if (declared.isPresent()) {
        creations.add(Change.of(new CreateView(view.name(), declared.get().definition()),
            requeried.contains(view.name()) ? "view " + view.name() + " with its @View entity's new query"
                : "view " + view.name() + " with its @View entity's query"));
      } else {
        creations.add(Change.of(new CreateView(view.name(), view.definition()),
            "view " + view.name() + " as it was, with the query the database had"));
      }
    }
    // The views created again and the new ones of @View entities, each after those its query
    // reads: a new query may read a new view, or one that comes back after it.
    creations.addAll(created);
    wrapped.addAll(EntityViews.ordered(creations));
    return wrapped;
  }

  private static String conflict(View view, String what, String verb) {
    String drop = view.materialized() ? "op.dropMaterializedView(\"" + view.name() + "\")"
        : "op.dropView(\"" + view.name() + "\") or op.execute(...)";
    return (view.materialized() ? "materialized view " : "view ") + view.name() + " reads " + what + ", which this"
        + " migration " + verb + ": change or drop the view first (a migration with " + drop + "), upgrade, then run -m again";
  }

  private static String dropReason(View view, Map<String, String> blocked, Set<String> requeried) {
    String column = blocked.get(view.name());
    String why = requeried.contains(view.name()) ? "has a new @View query"
        : column != null ? "reads " + column + ", whose type changes"
        : "reads a view that must be dropped first";
    return "view " + view.name() + " " + why + ": dropped here, created again below";
  }

  /** What of the renamed tables and columns the view reads, or null. */
  private static String renamedIn(View view, Schema after, Map<String, String> renamedTables,
      Map<String, Map<String, String>> renamedColumns) {
    // The view as the schema after the upgrade has it: its uses follow the renames.
    View renamed = after.view(view.name()).orElse(view);
    for (Map.Entry<String, String> table : renamedTables.entrySet()) {
      if (renamed.usesRelation(table.getKey())) {
        return "table " + table.getValue() + " (renamed " + table.getKey() + ")";
      }
    }
    for (Map.Entry<String, Map<String, String>> entry : renamedColumns.entrySet()) {
      for (Map.Entry<String, String> column : entry.getValue().entrySet()) {
        if (renamed.usesColumn(entry.getKey(), column.getKey())) {
          return "column " + entry.getKey() + "." + column.getValue() + " (renamed " + column.getKey() + ")";
        }
      }
    }
    return null;
  }
}
