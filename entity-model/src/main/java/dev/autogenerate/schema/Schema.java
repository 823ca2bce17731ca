package dev.autogenerate.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A database schema as a value: the tables, keyed and iterated by name so that everything derived
 * from a schema (diffs, generated files) comes out in the same order every time.
 */
public record Schema(Map<String, Table> tables) {

  public static final Schema EMPTY = new Schema(Map.of());

  public Schema {
    tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    tables.forEach((name, table) -> {
      if (!name.equals(table.name())) {
        throw new IllegalArgumentException("table " + table.name() + " is filed under " + name);
      }
    });
  }

  public static Schema of(Collection<Table> tables) {
    Map<String, Table> byName = new TreeMap<>();
    for (Table table : tables) {
      if (byName.put(table.name(), table) != null) {
        throw new IllegalArgumentException("table " + table.name() + " appears twice");
      }
    }
    return new Schema(byName);
  }

  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  public Table requireTable(String name) {
    return table(name).orElseThrow(() -> new IllegalArgumentException("no table " + name));
  }

  public boolean hasTable(String name) {
    return tables.containsKey(name);
  }

  public Schema withTable(Table table) {
    Map<String, Table> copy = new TreeMap<>(tables);
    copy.put(table.name(), table);
    return new Schema(copy);
  }

  public Schema withoutTable(String name) {
    requireTable(name);
    Map<String, Table> copy = new TreeMap<>(tables);
    copy.remove(name);
    return new Schema(copy);
  }
}
