package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The views {@code @View} entities declare, which Hibernate's own DDL would create: one the
 * database lacks is created (after the tables it reads), and one whose query is no longer the
 * query the migrations created it with is dropped first and created again last. The query is
 * compared with what the migrations recorded, never with the catalog's text, which is the
 * database's rewriting of it ({@code pg_get_viewdef}); so a view of that name that no migration
 * created is the database's, and is left alone, as is a view an entity no longer declares:
 * nothing tells it from a hand-made one.
 *
 * @param first the drops of views whose query changed, before every other step
 * @param last the creations, after every other step
 * @param notices one line per entity view left alone, for the reviewer
 */
record EntityViews(List<Change> first, List<Change> last, List<String> notices) {

  EntityViews {
    first = List.copyOf(first);
    last = List.copyOf(last);
    notices = List.copyOf(notices);
  }

  /**
   * @param current the database's schema (with the renames made)
   * @param target the entities' schema, with their views
   * @param recorded what the applied migrations created, when known
   * @throws ViewConflict when another view reads a view whose query changed (it would block the drop)
   */
  static EntityViews in(Schema current, Schema target, Optional<Schema> recorded) {
    List<Change> first = new ArrayList<>();
    List<Change> last = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    for (View wanted : target.views().values()) {
      String name = wanted.name();
      Optional<View> existing = current.view(name);
      if (existing.isEmpty()) {
        if (current.hasTable(name)) {
          notices.add("view " + name + " of an @View entity is a table in the database: left alone");
        } else {
          last.add(Change.of(new CreateView(name, wanted.definition()), "view " + name + " of an @View entity"));
        }
        continue;
      }
      Optional<View> created = recorded.flatMap(schema -> schema.view(name));
      if (created.isEmpty() || created.get().definition().equals(wanted.definition())) {
        continue;
      }
      if (existing.get().materialized()) {
        notices.add("view " + name + " of an @View entity is a materialized view in the database: left alone");
        continue;
      }
      Optional<View> reader = current.views().values().stream().filter(view -> view.usesRelation(name)).findFirst();
      if (reader.isPresent()) {
        throw new ViewConflict("view " + reader.get().name() + " reads view " + name + ", whose @View query changed:"
            + " drop " + reader.get().name() + " in a migration of its own first (op.dropView(\""
            + reader.get().name() + "\")), upgrade, then run -m again");
      }
      first.add(Change.of(new DropView(name), "the @View query of " + name + " changed: dropped here, created again below"));
      last.add(Change.of(new CreateView(name, wanted.definition()), "view " + name + " with its @View entity's new query"));
    }
    return new EntityViews(first, last, notices);
  }
}
