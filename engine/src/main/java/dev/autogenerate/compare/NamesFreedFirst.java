package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An index or unique constraint a new table gives a name that one of a table dropped later in the
 * same migration holds: index names are one per schema on both databases (and a PostgreSQL unique
 * constraint is an index), so a table replaced by another under a new name, its named
 * {@code @Index} kept, failed at the new index ("already exists"), the old table being dropped
 * after the new one is created. The old one's is dropped first, right before the step that takes
 * the name; the old table's drop and its downgrade are unchanged (the downgrade creates it, then
 * its index again).
 */
final class NamesFreedFirst {

  private NamesFreedFirst() {}

  static List<Change> in(Schema current, List<Change> upgrade) {
    Set<String> droppedTables = new HashSet<>();
    for (Change change : upgrade) {
      if (change.operation() instanceof DropTable drop) {
        droppedTables.add(drop.table());
      }
    }
    if (droppedTables.isEmpty()) {
      return upgrade;
    }
    // Each name a dropped table's index or unique holds, with the step that frees it.
    Map<String, Operation> held = new HashMap<>();
    for (String dropped : droppedTables) {
      Table table = current.table(dropped).orElse(null);
      if (table == null) {
        continue;
      }
      for (Index index : table.indexes()) {
        if (index.name() != null) {
          held.putIfAbsent(key(index.name()), new DropIndex(dropped, index.name()));
        }
      }
      for (UniqueConstraint unique : table.uniqueConstraints()) {
        if (unique.name() != null) {
          held.putIfAbsent(key(unique.name()), new DropConstraint(dropped, unique.name()));
        }
      }
    }
    List<Change> freed = new ArrayList<>();
    for (Change change : upgrade) {
      for (String name : namesTaken(change.operation())) {
        Operation frees = held.remove(key(name));
        if (frees != null) {
          freed.add(Change.of(frees, describe(frees) + " goes first: a new one takes its name, and its table is"
              + " dropped below"));
        }
      }
      freed.add(change);
    }
    return freed;
  }

  private static List<String> namesTaken(Operation operation) {
    List<String> names = new ArrayList<>();
    if (operation instanceof CreateIndex create) {
      names.add(create.index().name());
    } else if (operation instanceof CreateTable create) {
      create.table().uniqueConstraints().forEach(unique -> names.add(unique.name()));
      create.table().indexes().forEach(index -> names.add(index.name()));
    } else if (operation instanceof AddConstraint add && add.constraint() instanceof UniqueConstraint unique) {
      names.add(unique.name());
    }
    names.removeIf(Objects::isNull);
    return names;
  }

  private static String describe(Operation frees) {
    return frees instanceof DropIndex index ? "index " + index.name() + " of " + index.table()
        : "unique " + ((DropConstraint) frees).name() + " of " + ((DropConstraint) frees).table();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
