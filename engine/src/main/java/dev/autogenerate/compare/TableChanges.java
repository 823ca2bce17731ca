package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The changes to one table that both sides have, by stage: what must go before its columns
 * change (dropped keys, checks and indexes, which may use a column about to change or go), the
 * column changes, and what comes after (new keys, checks, indexes and the comment). Foreign keys
 * are kept apart, as the database decides where they go ({@link PlanBuilder}).
 */
final class TableChanges {

  private final String table;
  private final Optional<Schema> recorded;
  private final boolean dropUnmapped;
  private final Set<String> wantedTables;
  private final Set<String> numberedFromOwnSequence;
  private final SequencesPastRows sequencesPastRows;
  private final LeftToDatabase leftToDatabase;
  private final List<Change> foreignKeyDrops = new ArrayList<>();
  private final List<Change> beforeColumns = new ArrayList<>();
  private final List<Change> columns = new ArrayList<>();
  private final List<Change> afterColumns = new ArrayList<>();
  private final List<Change> foreignKeyAdds = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();

  TableChanges(String table) {
    this(table, Optional.empty(), false, Set.of(table));
  }

  /**
   * @param recorded the schema the applied migrations left (replayed from the history), when
   *     known: what the migrations created, the tool may drop; what they did not, a person or
   *     another tool added, and it is kept
   * @param dropUnmapped whether to drop what the entities do not map even so
   * @param wantedTables the tables the entities map: a key referencing any other cannot stay
   */
  TableChanges(String table, Optional<Schema> recorded, boolean dropUnmapped, Set<String> wantedTables) {
    this(table, recorded, dropUnmapped, wantedTables, Set.of(), SequencesPastRows.NONE, LeftToDatabase.NONE);
  }

  /**
   * @param numberedFromOwnSequence the columns, as {@code table.column}, whose own sequence (a
   *     serial's) the entities take their ids from
   * @param sequencesPastRows the sequences the plan moves past the ids of the rows they now number
   * @param leftToDatabase what the applied migrations left to the database: kept without a note
   */
  TableChanges(String table, Optional<Schema> recorded, boolean dropUnmapped, Set<String> wantedTables,
      Set<String> numberedFromOwnSequence, SequencesPastRows sequencesPastRows, LeftToDatabase leftToDatabase) {
    this.table = table;
    this.recorded = recorded;
    this.dropUnmapped = dropUnmapped;
    this.wantedTables = Set.copyOf(wantedTables);
    this.numberedFromOwnSequence = numberedFromOwnSequence;
    this.sequencesPastRows = sequencesPastRows;
    this.leftToDatabase = leftToDatabase;
  }

  /**
   * Whether the entities take this column's ids from the sequence the column owns: an adopted
   * serial id mapped {@code @SequenceGenerator(sequenceName = "orders_id_seq")}. Hibernate then
   * assigns the ids itself, from the same sequence the serial's default draws on, so the two agree
   * and the serial stays as it is.
   */
  boolean numbersFromOwnSequence(String column) {
    return numberedFromOwnSequence.contains(table + "." + column);
  }

  /** Whether the plan moves the sequence this column now takes its ids from past the rows' ids. */
  boolean numbersFromSequencePastRows(String column) {
    return sequencesPastRows.advances(table, column);
  }

  /** Whether the entities map this table, so that it stays (or is created). */
  boolean isWanted(String tableName) {
    return wantedTables.contains(tableName);
  }

  /**
   * Whether the plan drops this other table, as {@link TableComparator} decides: the entities do
   * not map it, and the migrations created it (or the options say to drop such tables). One no
   * migration created is left alone, and so is a key to it (it was dropped as if its table went).
   */
  boolean dropsTable(String tableName) {
    return !isWanted(tableName) && (dropUnmapped || recorded.map(schema -> schema.hasTable(tableName)).orElse(true));
  }

  String table() {
    return table;
  }

  /** The table as the applied migrations left it, when the history is known and has it. */
  Optional<Table> recorded() {
    return recorded.flatMap(schema -> schema.table(table));
  }

  /**
   * Warns that an object this plan creates is one the applied migrations made already, missing from
   * this database only (a DBA dropped an index by hand, say): creating it again mends this database
   * and fails on every database built from the migrations, where it is there (a user test). Made
   * again in this database instead, by hand, the migrations and the database agree again.
   *
   * @param object as the warning names it, {@code index ix_orders_placed on orders}
   * @param madeByMigrations whether the recorded table has it
   * @param recreate the SQL that makes it again in this database, or a description of it
   */
  void warnIfOnlyThisDatabaseLacks(String object, Predicate<Table> madeByMigrations, String recreate) {
    if (recorded().map(madeByMigrations::test).orElse(false)) {
      // Raw SQL of a later migration may have dropped it, which the recorded schema cannot see (a
      // review): then the migration is right, so this is said as what it may be.
      warn(object + " is missing from this database, though the applied migrations created it: if it was dropped"
          + " here by hand (not by raw SQL of a migration), a migration creating it again fails on every database"
          + " built from them; then make it again in this database instead (" + recreate + "), and leave it out of"
          + " the migration");
    }
  }

  /**
   * Whether the tool may drop an object of this table that the entities do not map: when the
   * applied migrations created it ({@code createdByMigrations} of the recorded table), when told
   * to drop unmapped objects, or when the history is unknown (none was given), as before the
   * tool read the history.
   */
  boolean mayDrop(Predicate<Table> createdByMigrations) {
    return dropUnmapped || recorded.isEmpty() || recorded().map(createdByMigrations::test).orElse(false);
  }

  /**
   * The same for a property of a column (its default, its comment): whether the applied
   * migrations gave the column one ({@code given} of the recorded column), or the rest of
   * {@link #mayDrop(Predicate)} holds.
   */
  boolean mayDropOfColumn(String column, Predicate<Column> given) {
    return mayDrop(recorded -> recorded.column(column).map(given::test).orElse(false));
  }

  /**
   * Says that an object only the database has is kept, and how to have such objects dropped;
   * nothing where a migration left it to the database ({@link #leftByMigration}).
   *
   * @param kind what it is, as a migration leaves it ({@code null} for what none can, a column)
   * @param name its name, or its column's for a default or comment ({@code null} for the table's)
   */
  void keep(Kind kind, String name, String object) {
    if (kind != null && leftByMigration(kind, name)) {
      return;
    }
    notice(object + " exists only in the database, and is its own (no migration created it): left alone"
        + " (set compare.drop-unmapped=true to drop such objects)");
  }

  /** Whether an applied migration left this object of the table to the database, acknowledging it. */
  boolean leftByMigration(Kind kind, String name) {
    return leftToDatabase.holds(table, kind, name);
  }

  /** Whether a step found so far drops the constraint or index of this name. */
  boolean dropsByName(String name) {
    List<Change> drops = new ArrayList<>(beforeColumns);
    drops.addAll(foreignKeyDrops);
    for (Change change : drops) {
      String dropped = change.operation() instanceof DropConstraint constraint ? constraint.name()
          : change.operation() instanceof DropIndex index ? index.name() : null;
      if (dropped != null && dropped.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  void dropForeignKey(Operation operation, String reason) {
    foreignKeyDrops.add(new Change(operation, reason));
  }

  void addForeignKey(Operation operation, String reason) {
    foreignKeyAdds.add(new Change(operation, reason));
  }

  void beforeColumns(Operation operation, String reason) {
    beforeColumns.add(new Change(operation, reason));
  }

  void column(Operation operation, String reason) {
    columns.add(new Change(operation, reason));
  }

  void afterColumns(Operation operation, String reason) {
    afterColumns.add(new Change(operation, reason));
  }

  /** A difference found that the comparison will not resolve by itself; {@code check} fails on it. */
  void warn(String warning) {
    warnings.add(warning);
  }

  /** Something left alone on purpose, said so the user knows. */
  void notice(String notice) {
    notices.add(notice);
  }

  List<String> warnings() {
    return warnings;
  }

  List<String> notices() {
    return notices;
  }

  List<Change> foreignKeyDrops() {
    return foreignKeyDrops;
  }

  List<Change> foreignKeyAdds() {
    return foreignKeyAdds;
  }

  /** Every change but the foreign keys, in stage order. */
  List<Change> withoutForeignKeys() {
    List<Change> all = new ArrayList<>(beforeColumns);
    all.addAll(columns);
    all.addAll(afterColumns);
    return all;
  }

  /** Every change, foreign keys included: dropped first, added last. */
  List<Change> together() {
    List<Change> all = new ArrayList<>(foreignKeyDrops);
    all.addAll(withoutForeignKeys());
    all.addAll(foreignKeyAdds);
    return all;
  }
}
