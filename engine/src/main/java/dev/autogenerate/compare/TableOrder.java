package dev.autogenerate.compare;

import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables by their foreign keys: a referenced table is created before the tables that
 * reference it, and dropped after them. Cycles are broken by name order; their foreign keys are
 * added after, or dropped before, the tables.
 */
final class TableOrder {

  private TableOrder() {}

  /** A foreign key and the table it belongs to. */
  record ForeignKeyRef(String table, ForeignKey key) {}

  /** Tables in the order to drop them, and the foreign keys to drop first to break cycles. */
  record Dropping(List<Table> tables, List<ForeignKeyRef> foreignKeysToDropFirst) {}

  /** Referenced tables (among the given ones) before referencing tables; ties by name. */
  static List<Table> creationOrder(List<Table> tables) {
    Map<String, Table> byName = new LinkedHashMap<>();
    tables.forEach(table -> byName.put(table.name(), table));
    List<Table> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (Table table : byName.values()) {
      visit(table, byName, done, visiting, ordered);
    }
    return ordered;
  }

  static Dropping droppingOrder(List<Table> tables) {
    List<Table> creation = creationOrder(tables);
    List<Table> reversed = new ArrayList<>(creation);
    Collections.reverse(reversed);
    // A foreign key that points at a table later in creation order closes a cycle: drop it first.
    Map<String, Integer> position = new LinkedHashMap<>();
    for (int i = 0; i < creation.size(); i++) {
      position.put(creation.get(i).name(), i);
    }
    List<ForeignKeyRef> cyclic = new ArrayList<>();
    for (Table table : creation) {
      for (ForeignKey key : table.foreignKeys()) {
        Integer referenced = position.get(key.referencedTable());
        if (referenced != null && referenced > position.get(table.name()) && key.name() != null) {
          cyclic.add(new ForeignKeyRef(table.name(), key));
        }
      }
    }
    return new Dropping(reversed, cyclic);
  }

  private static void visit(Table table, Map<String, Table> byName, Set<String> done, Set<String> visiting,
      List<Table> ordered) {
    if (done.contains(table.name()) || !visiting.add(table.name())) {
      return;
    }
    for (ForeignKey key : table.foreignKeys()) {
      Table referenced = byName.get(key.referencedTable());
      if (referenced != null && !referenced.name().equals(table.name())) {
        visit(referenced, byName, done, visiting, ordered);
      }
    }
    visiting.remove(table.name());
    done.add(table.name());
    ordered.add(table);
  }
}
