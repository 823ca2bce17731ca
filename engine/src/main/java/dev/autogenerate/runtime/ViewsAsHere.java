package dev.autogenerate.runtime;

import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The views a revision drops and creates again, as the database it runs on has them. A migration
 * carries each view it must drop around a change to what the view reads with the query of the
 * database it was made against (a developer's); where the database it runs on has another query
 * under that name (a view production's DBA wrote, found by a user test), creating the migration's
 * would replace it without a word. A view the revision means to keep as it was (its other
 * direction creates it with the same query) is created again with this database's own query; one
 * it means to change (an {@code @View} entity's new query) is the migration's, said loudly where
 * this database's differed from the one the migration was made from.
 *
 * @param operations the revision's operations, to run here
 * @param warnings what the reviewer of the run must know
 */
record ViewsAsHere(List<Operation> operations, List<String> warnings) {

  ViewsAsHere {
    operations = List.copyOf(operations);
    warnings = List.copyOf(warnings);
  }

  /**
   * @param operations the revision's operations in the direction it runs
   * @param otherDirection its operations in the other: what it creates there is what the view was
   *     where the migration was made
   * @param here the schema of the database it runs on, before the revision
   */
  static ViewsAsHere in(List<Operation> operations, Supplier<List<Operation>> otherDirection, Schema here) {
    if (operations.stream().noneMatch(CreateView.class::isInstance)) {
      return new ViewsAsHere(operations, List.of());
    }
    List<Operation> other = otherDirection.get();
    List<Operation> adjusted = new ArrayList<>(operations.size());
    List<String> warnings = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    for (Operation operation : operations) {
      if (operation instanceof DropView drop) {
        dropped.add(drop.name());
      }
      if (!(operation instanceof CreateView create) || !dropped.contains(create.name())) {
        adjusted.add(operation);
        continue;
      }
      Optional<View> own = here.view(create.name()).filter(view -> !view.materialized());
      Optional<String> madeFrom = lastCreated(other, create.name());
      if (own.isEmpty() || madeFrom.isEmpty() || sameQuery(own.get().definition(), create.definition())) {
        adjusted.add(operation);
      } else if (sameQuery(madeFrom.get(), create.definition()) && readsNothingGone(own.get(), operations)) {
        adjusted.add(new CreateView(create.name(), own.get().definition()));
        warnings.add("note: view " + create.name() + " is created again as this database has it: its query here is"
            + " not the one of the database the migration was made from");
      } else if (sameQuery(madeFrom.get(), create.definition())) {
        // This database's query reads what the revision drops or renames (found by this session's
        // review: PostgreSQL refused it, SQLite kept a broken view): the migration's, said loudly.
        adjusted.add(operation);
        warnings.add("warning: view " + create.name() + " here is not the one the migration was made from, and its"
            + " query reads what this revision drops or renames: it is created with the migration's query instead"
            + " (it was: " + oneLine(own.get().definition()) + ")");
      } else {
        // A new query (an @View entity's): said only where this database's was not the one the
        // migration was made from, which the new query then replaces.
        adjusted.add(operation);
        if (!sameQuery(own.get().definition(), madeFrom.get())) {
          warnings.add("warning: view " + create.name() + " here is not the one the migration was made from, and the"
              + " migration gives it a new query: this database's own query is replaced (it was: "
              + oneLine(own.get().definition()) + ")");
        }
      }
    }
    return new ViewsAsHere(adjusted, warnings);
  }

  /** Whether the view reads no table or column these operations drop or rename. */
  private static boolean readsNothingGone(View view, List<Operation> operations) {
    for (Operation operation : operations) {
      boolean gone = operation instanceof DropColumn drop && reads(view, drop.table(), drop.column())
          || operation instanceof RenameColumn rename && reads(view, rename.table(), rename.from())
          || operation instanceof DropTable drop && view.usesRelation(drop.table())
          || operation instanceof RenameTable rename && view.usesRelation(rename.from());
      if (gone) {
        return false;
      }
    }
    return true;
  }

  /** {@link View#usesColumn}, in any case: the migration's spelling may not be the catalog's. */
  private static boolean reads(View view, String table, String column) {
    return view.uses().getOrDefault(table, Collections.emptySortedSet()).stream()
        .anyMatch(used -> used.equalsIgnoreCase(column));
  }

  private static Optional<String> lastCreated(List<Operation> operations, String view) {
    String query = null;
    for (Operation operation : operations) {
      if (operation instanceof CreateView create && create.name().equals(view)) {
        query = create.definition();
      }
    }
    return Optional.ofNullable(query);
  }

  /** Alike but for blanks and case, as two servers print one query. */
  private static boolean sameQuery(String one, String other) {
    return oneLine(one).equalsIgnoreCase(oneLine(other));
  }

  private static String oneLine(String query) {
    String line = query.strip().replaceAll("\\s+", " ");
    return line.endsWith(";") ? line.substring(0, line.length() - 1).strip() : line;
  }
}
