package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects what the comparators find, each in its place, and puts it in an order that works:
 * renames first (every later step names tables and columns by their new names); enum types and
 * sequences; new tables in foreign-key order; then each kept table's changes; dropped tables;
 * dropped sequences and enum types last. A dropped table's foreign key to a key that a kept table
 * loses goes before the kept tables change.
 *
 * <p>Where foreign keys may only reference what exists ({@link
 * ComparisonRules#foreignKeysMayReferenceLaterTables()} false: PostgreSQL), every kept table's
 * changed foreign keys are dropped before any table changes and added after all of them, so a key
 * they reference is never missing. Where they may reference anything until the revision commits
 * (SQLite), each table's changes, foreign keys included, stay together, so the table is rebuilt
 * once.
 */
final class PlanBuilder {

  private final List<Change> renames = new ArrayList<>();
  private final List<Change> first = new ArrayList<>();
  private final List<Change> newTables = new ArrayList<>();
  private final List<Change> newTablesForeignKeys = new ArrayList<>();
  private final List<Change> droppedTablesForeignKeys = new ArrayList<>();
  private final Map<String, TableChanges> keptTables = new LinkedHashMap<>();
  private final List<Change> droppedTables = new ArrayList<>();
  private final List<Change> last = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();
  private final Set<String> created = new LinkedHashSet<>();

  /** Renames a table or column, before anything else: the other steps use the new names. */
  void renamed(Change change) {
    renames.add(change);
  }

  /** Creates or changes an enum type or sequence, before any table that may use it. */
  void first(Operation operation, String reason) {
    first.add(new Change(operation, reason));
  }

  /** A step of creating a new table (its creation, indexes and comment). */
  void newTable(Operation operation, String reason) {
    newTables.add(new Change(operation, reason));
  }

  /** A foreign key of a new table that must wait for the table, or the key, it references. */
  void newTableForeignKey(Operation operation, String reason) {
    newTablesForeignKeys.add(new Change(operation, reason));
  }

  /**
   * Drops a foreign key of a table about to be dropped, before the kept tables change: it
   * references a key that a kept table loses, which the database would not drop under it.
   */
  void droppedTableForeignKey(Operation operation, String reason) {
    droppedTablesForeignKeys.add(new Change(operation, reason));
  }

  /** Drops a table (or a foreign key that keeps dropped tables from being dropped). */
  void droppedTable(Operation operation, String reason) {
    droppedTables.add(new Change(operation, reason));
  }

  /** Drops an enum type or sequence, once no table uses it. */
  void last(Operation operation, String reason) {
    last.add(new Change(operation, reason));
  }

  /** The changes to a table both sides have; the arguments as {@link TableChanges} takes them. */
  TableChanges keptTable(String table, Optional<Schema> recorded, boolean dropUnmapped, Set<String> wantedTables,
      Set<String> numberedFromOwnSequence, SequencesPastRows sequencesPastRows, LeftToDatabase leftToDatabase) {
    return keptTables.computeIfAbsent(table, name -> new TableChanges(name, recorded, dropUnmapped, wantedTables,
        numberedFromOwnSequence, sequencesPastRows, leftToDatabase));
  }

  /** Whether the plan drops the column, or the whole table, before its last steps. */
  boolean drops(String table, String column) {
    if (droppedTables.stream().anyMatch(change -> change.operation() instanceof DropTable drop
        && drop.table().equals(table))) {
      return true;
    }
    TableChanges changes = keptTables.get(table);
    return changes != null && changes.together().stream().anyMatch(change -> change.operation() instanceof DropColumn drop
        && drop.column().equals(column));
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  void notice(String notice) {
    notices.add(notice);
  }

  /** Records that a table is created earlier in this plan. */
  void created(String table) {
    created.add(table);
  }

  boolean isCreated(String table) {
    return created.contains(table);
  }

  /** The warnings: those about enum types and sequences, then each table's. */
  List<String> warnings() {
    List<String> all = new ArrayList<>(warnings);
    keptTables.values().forEach(table -> all.addAll(table.warnings()));
    return all;
  }

  List<String> notices() {
    List<String> all = new ArrayList<>(notices);
    keptTables.values().forEach(table -> all.addAll(table.notices()));
    return all;
  }

  /** Every change, in the order described above. */
  List<Change> ordered(boolean foreignKeysTogether) {
    List<Change> ordered = new ArrayList<>(renames);
    ordered.addAll(first);
    ordered.addAll(newTables);
    ordered.addAll(droppedTablesForeignKeys);
    if (foreignKeysTogether) {
      ordered.addAll(newTablesForeignKeys);
      keptTables.values().forEach(table -> ordered.addAll(table.together()));
    } else {
      keptTables.values().forEach(table -> ordered.addAll(table.foreignKeyDrops()));
      keptTables.values().forEach(table -> ordered.addAll(table.withoutForeignKeys()));
      ordered.addAll(newTablesForeignKeys);
      keptTables.values().forEach(table -> ordered.addAll(table.foreignKeyAdds()));
    }
    ordered.addAll(droppedTables);
    ordered.addAll(last);
    return ordered;
  }
}
