package dev.autogenerate.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A database schema as a value: tables, sequences and enum types, each keyed and iterated by name,
 * so that everything derived from a schema (diffs, generated files) comes out in the same order
 * every time.
 */
public record Schema(Map<String, Table> tables, Map<String, Sequence> sequences, Map<String, EnumType> enumTypes) {

  public static final Schema EMPTY = new Schema(Map.of(), Map.of(), Map.of());

  public Schema {
    tables = sorted(tables, Table::name, "table");
    sequences = sorted(sequences, Sequence::name, "sequence");
    enumTypes = sorted(enumTypes, EnumType::name, "enum type");
  }

  /** A schema of tables only. */
  public Schema(Map<String, Table> tables) {
    this(tables, Map.of(), Map.of());
  }

  public static Schema of(Collection<Table> tables) {
    return of(tables, List.of(), List.of());
  }

  public static Schema of(Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enumTypes) {
    return new Schema(byName(tables, Table::name, "table"), byName(sequences, Sequence::name, "sequence"),
        byName(enumTypes, EnumType::name, "enum type"));
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
    return new Schema(with(tables, table.name(), table), sequences, enumTypes);
  }

  public Schema withoutTable(String name) {
    return new Schema(without(tables, name, "table"), sequences, enumTypes);
  }

  public Optional<Sequence> sequence(String name) {
    return Optional.ofNullable(sequences.get(name));
  }

  public Schema withSequence(Sequence sequence) {
    return new Schema(tables, with(sequences, sequence.name(), sequence), enumTypes);
  }

  public Schema withoutSequence(String name) {
    return new Schema(tables, without(sequences, name, "sequence"), enumTypes);
  }

  public Optional<EnumType> enumType(String name) {
    return Optional.ofNullable(enumTypes.get(name));
  }

  public Schema withEnumType(EnumType enumType) {
    return new Schema(tables, sequences, with(enumTypes, enumType.name(), enumType));
  }

  public Schema withoutEnumType(String name) {
    return new Schema(tables, sequences, without(enumTypes, name, "enum type"));
  }

  private static <T> Map<String, T> with(Map<String, T> items, String name, T item) {
    Map<String, T> copy = new TreeMap<>(items);
    copy.put(name, item);
    return copy;
  }

  private static <T> Map<String, T> without(Map<String, T> items, String name, String what) {
    if (!items.containsKey(name)) {
      throw new IllegalArgumentException("no " + what + " " + name);
    }
    Map<String, T> copy = new TreeMap<>(items);
    copy.remove(name);
    return copy;
  }

  private static <T> Map<String, T> sorted(Map<String, T> items, Function<T, String> name, String what) {
    items.forEach((key, item) -> {
      if (!key.equals(name.apply(item))) {
        throw new IllegalArgumentException(what + " " + name.apply(item) + " is filed under " + key);
      }
    });
    return Collections.unmodifiableMap(new TreeMap<>(items));
  }

  private static <T> Map<String, T> byName(Collection<T> items, Function<T, String> name, String what) {
    Map<String, T> byName = new TreeMap<>();
    for (T item : items) {
      if (byName.put(name.apply(item), item) != null) {
        throw new IllegalArgumentException(what + " " + name.apply(item) + " appears twice");
      }
    }
    return byName;
  }
}
