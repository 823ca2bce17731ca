package dev.autogenerate.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A database schema as a value: tables, sequences and enum types, each keyed and iterated by name,
 * so that everything derived from a schema (diffs, generated files) comes out in the same order
 * every time. An inspected schema also has the database's views and (SQLite) triggers, which the
 * entities never map: the diff keeps them working around its changes, and never proposes them.
 */
public record Schema(Map<String, Table> tables, Map<String, Sequence> sequences, Map<String, EnumType> enumTypes,
    Map<String, View> views, Map<String, Trigger> triggers) {

  public static final Schema EMPTY = new Schema(Map.of(), Map.of(), Map.of());

  public Schema {
    tables = sorted(tables, Table::name, "table");
    sequences = sorted(sequences, Sequence::name, "sequence");
    enumTypes = sorted(enumTypes, EnumType::name, "enum type");
    views = sorted(views, View::name, "view");
    triggers = sorted(triggers, Trigger::name, "trigger");
  }

  /** A schema without views or triggers, as the entities map one. */
  public Schema(Map<String, Table> tables, Map<String, Sequence> sequences, Map<String, EnumType> enumTypes) {
    this(tables, sequences, enumTypes, Map.of(), Map.of());
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
    return new Schema(with(tables, table.name(), table), sequences, enumTypes, views, triggers);
  }

  /**
   * Without the table, and without its triggers and the sequences its columns own, which go with it
   * in every database.
   */
  public Schema withoutTable(String name) {
    Map<String, Trigger> kept = new TreeMap<>(triggers);
    kept.values().removeIf(trigger -> trigger.table().equals(name));
    return new Schema(without(tables, name, "table"), withoutOwned(name, null), enumTypes, views, kept);
  }

  /**
   * Without the sequences this column owns ({@link Sequence#ownedBy}), which the database drops with
   * the column, or with its serial default; all its columns' when {@code column} is null.
   */
  public Schema withoutSequencesOwnedBy(String table, String column) {
    return new Schema(tables, withoutOwned(table, column), enumTypes, views, triggers);
  }

  private Map<String, Sequence> withoutOwned(String table, String column) {
    Map<String, Sequence> kept = new TreeMap<>(sequences);
    kept.values().removeIf(sequence -> sequence.isOwnedBy(table, column));
    return kept;
  }

  /**
   * The sequences, those owned by a renamed table's or column's column owned under its new name,
   * and those feeding it feeding it under its new name.
   */
  private List<Sequence> sequencesOwnedAfterRenames(Map<String, String> tableNames,
      Map<String, Map<String, String>> columnNames) {
    UnaryOperator<String> renamedColumn = qualified -> {
      int dot = qualified.lastIndexOf('.');
      String table = qualified.substring(0, dot);
      String column = qualified.substring(dot + 1);
      return tableNames.getOrDefault(table, table) + "."
          + columnNames.getOrDefault(table, Map.of()).getOrDefault(column, column);
    };
    List<Sequence> renamed = new ArrayList<>(sequences.size());
    for (Sequence sequence : sequences.values()) {
      if (sequence.ownedBy() == null && sequence.feeds().isEmpty()) {
        renamed.add(sequence);
        continue;
      }
      renamed.add(sequence.withColumnsRenamed(renamedColumn));
    }
    return renamed;
  }

  /** This schema with these views and triggers instead of its own. */
  public Schema withViewsAndTriggers(Collection<View> newViews, Collection<Trigger> newTriggers) {
    return new Schema(tables, sequences, enumTypes, byName(newViews, View::name, "view"),
        byName(newTriggers, Trigger::name, "trigger"));
  }

  public Optional<View> view(String name) {
    return Optional.ofNullable(views.get(name));
  }

  public boolean hasView(String name) {
    return views.containsKey(name);
  }

  public Schema withView(View view) {
    return new Schema(tables, sequences, enumTypes, with(views, view.name(), view), triggers);
  }

  /** Without the view, and without its triggers ({@code instead of}), which go with it. */
  public Schema withoutView(String name) {
    Map<String, Trigger> kept = new TreeMap<>(triggers);
    kept.values().removeIf(trigger -> trigger.table().equals(name));
    return new Schema(tables, sequences, enumTypes, without(views, name, "view"), kept);
  }

  /**
   * The views among {@code relations} and those reading any of them, directly or through another
   * view, each after the views it reads: the order to create them in (to drop them, the reverse).
   * Should what the views read, found by name, say they read each other, the rest follow by name.
   */
  public List<View> viewsDependingOn(Collection<String> relations) {
    Set<String> affected = new LinkedHashSet<>(relations);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (View view : views.values()) {
        if (!affected.contains(view.name()) && view.relations().stream().anyMatch(affected::contains)) {
          affected.add(view.name());
          grew = true;
        }
      }
    }
    affected.removeIf(name -> !views.containsKey(name));
    List<View> ordered = new ArrayList<>();
    Set<String> placed = new TreeSet<>();
    while (placed.size() < affected.size()) {
      int before = placed.size();
      for (String name : affected) {
        boolean ready = views.get(name).relations().stream()
            .noneMatch(used -> !used.equals(name) && affected.contains(used) && !placed.contains(used));
        if (!placed.contains(name) && ready) {
          ordered.add(views.get(name));
          placed.add(name);
        }
      }
      if (placed.size() == before) {
        affected.stream().filter(name -> !placed.contains(name)).sorted().forEach(name -> {
          ordered.add(views.get(name));
          placed.add(name);
        });
      }
    }
    return ordered;
  }

  /** The triggers on this table or view, by name. */
  public List<Trigger> triggersOn(String relation) {
    return triggers.values().stream().filter(trigger -> trigger.table().equals(relation)).toList();
  }

  /**
   * The schema after {@code alter table from rename to to}: the table under its new name, and every
   * foreign key that referenced it (its own too) referencing the new name, as the database keeps
   * them. A rename stays within its schema.
   */
  public Schema withTableRenamed(String from, String to) {
    requireTable(from);
    if (hasTable(to)) {
      throw new IllegalArgumentException("table " + to + " already exists");
    }
    if (!Objects.equals(schemaOf(from), schemaOf(to))) {
      throw new IllegalArgumentException("a rename does not move table " + from + " to another schema (" + to + ")");
    }
    List<Table> renamed = new ArrayList<>();
    for (Table table : tables.values()) {
      Table named = table.name().equals(from) ? table.withName(to) : table;
      renamed.add(named.withForeignKeysChanged(key -> key.referencedTable().equals(from)
          ? key.withReference(to, key.referencedColumns()) : key));
    }
    return of(renamed, sequencesOwnedAfterRenames(Map.of(from, to), Map.of()), enumTypes.values())
        .withViewsAndTriggers(viewsAfterTableRename(views.values(), from, to), triggersAfterTableRename(triggers.values(), from, to));
  }

  private static List<View> viewsAfterTableRename(Collection<View> views, String from, String to) {
    return views.stream().map(view -> view.withRelationRenamed(from, to)).toList();
  }

  private static List<Trigger> triggersAfterTableRename(Collection<Trigger> triggers, String from, String to) {
    return triggers.stream()
        .map(trigger -> trigger.table().equals(from) || trigger.names(from) ? trigger.withNameRewritten(from, to) : trigger)
        .toList();
  }

  /**
   * The schema after {@code alter table table rename column from to to}: the column under its new
   * name in its table's keys, checks and indexes, and in every foreign key that references it.
   */
  public Schema withColumnRenamed(String table, String from, String to) {
    requireTable(table);
    List<Table> renamed = new ArrayList<>();
    for (Table each : tables.values()) {
      Table named = each.name().equals(table) ? each.withColumnRenamed(from, to) : each;
      renamed.add(named.withForeignKeysChanged(key -> key.referencedTable().equals(table)
          ? key.withReference(table, key.referencedColumns().stream().map(c -> c.equals(from) ? to : c).toList())
          : key));
    }
    return of(renamed, sequencesOwnedAfterRenames(Map.of(), Map.of(table, Map.of(from, to))), enumTypes.values())
        .withViewsAndTriggers(viewsAfterColumnRename(views.values(), table, from, to),
            triggersAfterColumnRename(triggers.values(), table, from, to));
  }

  private static List<View> viewsAfterColumnRename(Collection<View> views, String table, String from, String to) {
    return views.stream().map(view -> view.withColumnRenamed(table, from, to)).toList();
  }

  private static List<Trigger> triggersAfterColumnRename(Collection<Trigger> triggers, String table, String from,
      String to) {
    return triggers.stream()
        .map(trigger -> (trigger.table().equals(table) || trigger.names(table)) && trigger.names(from)
            ? new Trigger(trigger.name(), trigger.table(), trigger.withNameRewritten(from, to).sql(),
                trigger.functionBody()) : trigger)
        .toList();
  }

  /**
   * The schema after many tables and columns are renamed, as the same renames one at a time would
   * leave it ({@link #withColumnRenamed}, then {@link #withTableRenamed}), in one pass over the
   * tables rather than one per rename: for re-spelling a whole schema's names.
   *
   * @param tableNames each renamed table's new name by its name before; the new names are free
   * @param columnNames by the table's name before, each renamed column's new name by its name before
   */
  public Schema withNamesChanged(Map<String, String> tableNames, Map<String, Map<String, String>> columnNames) {
    List<Table> renamed = new ArrayList<>();
    for (Table table : tables.values()) {
      Map<String, String> columns = columnNames.getOrDefault(table.name(), Map.of());
      Table named = columns.isEmpty() ? table : table.withColumnsRenamed(columns);
      String newName = tableNames.get(table.name());
      named = newName == null ? named : named.withName(newName);
      renamed.add(named.withForeignKeysChanged(key -> {
        Map<String, String> referencedColumns = columnNames.getOrDefault(key.referencedTable(), Map.of());
        String referencedTable = tableNames.getOrDefault(key.referencedTable(), key.referencedTable());
        return referencedColumns.isEmpty() && referencedTable.equals(key.referencedTable()) ? key
            : key.withReference(referencedTable,
                key.referencedColumns().stream().map(column -> referencedColumns.getOrDefault(column, column)).toList());
      }));
    }
    List<View> renamedViews = List.copyOf(views.values());
    List<Trigger> renamedTriggers = List.copyOf(triggers.values());
    if (!renamedViews.isEmpty() || !renamedTriggers.isEmpty()) {
      for (Map.Entry<String, Map<String, String>> table : columnNames.entrySet()) {
        for (Map.Entry<String, String> column : table.getValue().entrySet()) {
          renamedViews = viewsAfterColumnRename(renamedViews, table.getKey(), column.getKey(), column.getValue());
          renamedTriggers = triggersAfterColumnRename(renamedTriggers, table.getKey(), column.getKey(), column.getValue());
        }
      }
      for (Map.Entry<String, String> table : tableNames.entrySet()) {
        renamedViews = viewsAfterTableRename(renamedViews, table.getKey(), table.getValue());
        renamedTriggers = triggersAfterTableRename(renamedTriggers, table.getKey(), table.getValue());
      }
    }
    return of(renamed, sequencesOwnedAfterRenames(tableNames, columnNames), enumTypes.values())
        .withViewsAndTriggers(renamedViews, renamedTriggers);
  }

  public Optional<Sequence> sequence(String name) {
    return Optional.ofNullable(sequences.get(name));
  }

  public Schema withSequence(Sequence sequence) {
    return new Schema(tables, with(sequences, sequence.name(), sequence), enumTypes, views, triggers);
  }

  public Schema withoutSequence(String name) {
    return new Schema(tables, without(sequences, name, "sequence"), enumTypes, views, triggers);
  }

  public Optional<EnumType> enumType(String name) {
    return Optional.ofNullable(enumTypes.get(name));
  }

  public Schema withEnumType(EnumType enumType) {
    return new Schema(tables, sequences, with(enumTypes, enumType.name(), enumType), views, triggers);
  }

  public Schema withoutEnumType(String name) {
    return new Schema(tables, sequences, without(enumTypes, name, "enum type"), views, triggers);
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

  /**
   * The schema a qualified name ({@code sales.orders}) is in, or null for an unqualified one, which
   * is in the connection's current schema.
   */
  public static String schemaOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? null : name.substring(0, dot);
  }

  /**
   * An object's name in a table's schema, as SQL finds it there: {@code sales.ix_orders} for index
   * {@code ix_orders} of {@code sales.orders} (an index is always in its table's schema).
   */
  public static String inSchemaOf(String table, String name) {
    String schema = schemaOf(table);
    return schema == null ? name : schema + "." + name;
  }

  /** A name without its schema: {@code orders} of {@code sales.orders}. */
  public static String unqualified(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }

  /** The schemas other than the current one that tables, sequences and views are in, sorted. */
  public Set<String> otherSchemas() {
    Set<String> schemas = new TreeSet<>();
    for (Table table : tables.values()) {
      addSchemaOf(schemas, table.name());
      table.foreignKeys().forEach(key -> addSchemaOf(schemas, key.referencedTable()));
    }
    sequences.keySet().forEach(name -> addSchemaOf(schemas, name));
    views.keySet().forEach(name -> addSchemaOf(schemas, name));
    return Collections.unmodifiableSet(schemas);
  }

  private static void addSchemaOf(Set<String> schemas, String name) {
    String schema = schemaOf(name);
    if (schema != null) {
      schemas.add(schema);
    }
  }

  /**
   * This schema as seen from a connection whose current schema is {@code currentSchema}: names
   * qualified by that schema ({@code public.orders}) lose the qualifier, so that
   * {@code @Table(schema = "public")} is the same table as no schema at all. Table names, the
   * tables foreign keys reference, sequence and view names alike; a null current schema changes nothing.
   */
  public Schema withDefaultSchema(String currentSchema) {
    if (currentSchema == null) {
      return this;
    }
    String prefix = currentSchema + ".";
    UnaryOperator<String> strip = name -> name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    List<Table> newTables = new ArrayList<>();
    for (Table table : tables.values()) {
      List<ForeignKey> keys = table.foreignKeys().stream()
          .map(key -> new ForeignKey(key.name(), key.columns(), strip.apply(key.referencedTable()),
              key.referencedColumns(), key.onDelete(), key.onUpdate()))
          .toList();
      newTables.add(new Table(strip.apply(table.name()), table.columns(), table.primaryKey(),
          table.uniqueConstraints(), keys, table.checks(), table.indexes(), table.comment()));
    }
    List<Sequence> newSequences = sequences.values().stream()
        .map(sequence -> sequence.withColumnsRenamed(strip).withName(strip.apply(sequence.name())))
        .toList();
    List<View> newViews = views.values().stream()
        .map(view -> new View(strip.apply(view.name()), view.definition(), view.uses(), view.materialized()))
        .toList();
    return of(newTables, newSequences, enumTypes.values()).withViewsAndTriggers(newViews, triggers.values());
  }

  /**
   * A sorted, unmodifiable copy, itself a {@link java.util.SortedMap}: {@link TreeMap} copies a
   * sorted map in linear time without comparing keys, so applying each of a thousand operations
   * to a schema of a thousand tables does not cost a thousand sorts.
   */
  private static <T> Map<String, T> sorted(Map<String, T> items, Function<T, String> name, String what) {
    items.forEach((key, item) -> {
      if (!key.equals(name.apply(item))) {
        throw new IllegalArgumentException(what + " " + name.apply(item) + " is filed under " + key);
      }
    });
    return Collections.unmodifiableSortedMap(new TreeMap<>(items));
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
