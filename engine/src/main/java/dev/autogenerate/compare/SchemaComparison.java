package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameSequence;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the schema a database has with the schema the entities map to, and plans the changes
 * that turn one into the other: one small comparator per kind of object, run in turn, each
 * recording what it finds in its place in a {@link PlanBuilder}, which orders them.
 *
 * <p>Renames come first ({@link RenameResolver}): a table or column the entities or the command
 * line say was called otherwise, and that the database has under the old name, is renamed, and
 * everything after compares the database as the renames leave it. A drop and an add that only
 * look like a rename are pointed out ({@link LookAlikes}), never guessed.
 *
 * <p>Things are matched by what they are, not by what they are called: columns by name; primary
 * keys and uniques by column set; foreign keys by columns and referenced columns; checks by
 * normalized expression; indexes by their columns and order. Names come from the naming
 * convention where the mapping gives none.
 *
 * <p>Every proposed change then passes the project's {@link dev.autogenerate.changes.CompareHook}.
 * Views are the database's own: an entity on a view's name is not a table to create
 * ({@link EntitiesOnViews}), and a view reading a column whose type changes is dropped and created
 * again around the change ({@link ViewRecreation}); only the views {@code @View} entities declare
 * are created, or created again when their query changed ({@link EntityViews}). A trigger naming
 * what the upgrade drops stops the comparison ({@link TriggerConflicts}).
 * The downgrade is derived, not compared: each upgrade operation is inverted against the schema
 * just before it, and the inverses run in reverse order.
 */
public final class SchemaComparison {

  private final ComparisonRules rules;
  private final DiffOptions options;
  private final List<SchemaElementComparator> schemaElements;
  private final List<TableElementComparator> tableElements;
  private final LeftToDatabase leftToDatabase;

  public SchemaComparison(ComparisonRules rules) {
    this(rules, DiffOptions.defaults());
  }

  public SchemaComparison(ComparisonRules rules, DiffOptions options) {
    this(rules, options, LeftToDatabase.NONE);
  }

  private SchemaComparison(ComparisonRules rules, DiffOptions options, LeftToDatabase leftToDatabase) {
    this.rules = rules;
    this.options = options;
    this.leftToDatabase = leftToDatabase;
    // Enum types before sequences before tables: a table may use both.
    this.schemaElements = List.of(new EnumTypeComparator(), new SequenceComparator(rules),
        new TableComparator(rules, options.dropUnmapped()));
    // Within a stage of a table, changes keep this order: keys, checks, indexes, columns, comment.
    this.tableElements = List.of(new ForeignKeyComparator(), new KeyComparator(), new CheckComparator(rules),
        new IndexComparator(options.dropUnmappedIndexes() || options.dropUnmapped()), new ColumnComparator(rules), new CommentComparator());
  }

  /**
   * This comparison, knowing what the applied migrations left to the database: it keeps those
   * objects, as any object only the database has, without a note.
   */
  public SchemaComparison knowing(LeftToDatabase left) {
    return new SchemaComparison(rules, options, left);
  }

  public MigrationPlan compare(Schema current, Schema target) {
    return compare(current, target, Optional.empty());
  }

  /**
   * @param recorded the schema the applied migrations recorded (replayed from the history), when
   *     known: a table, key, check or index they created and the entities no longer map is
   *     dropped; one they never created is someone else's, and is left alone, reported
   */
  public MigrationPlan compare(Schema current, Schema target, Optional<Schema> recorded) {
    return compare(current, target, recorded, Renames.NONE);
  }

  /**
   * @param renames the tables and columns the entities or the command line say were called
   *     otherwise: where the database has the old name, they are renamed first, keeping their
   *     data, and compared under the new name
   * @throws RenameConflict when a rename cannot be carried out as stated
   * @throws DependencyConflict when a view reads, or a trigger names, a column or table the upgrade would drop
   */
  public MigrationPlan compare(Schema current, Schema target, Optional<Schema> recorded, Renames renames) {
    EntitiesOnViews onViews = EntitiesOnViews.in(current, target);
    Schema wanted = options.naming().apply(onViews.target());
    RenameResolver.Resolved renaming = RenameResolver.resolve(current, wanted, renames);
    // Everything after the renames compares the database as the renames leave it.
    List<Change> renameChanges = new ArrayList<>(renaming.changes());
    Schema renamed = renaming.applyTo(current);
    // A sequence named after a renamed table follows it, keeping its value.
    for (Change sequence : SequenceRenames.following(renaming.changes(), renamed, wanted)) {
      renameChanges.add(sequence);
      renamed = sequence.operation().applyTo(renamed);
    }
    // So does a collection table named after it (person_addresses, keyed by person_id).
    for (Change table : CollectionTableRenames.following(renaming.changes(), renamed, wanted)) {
      renameChanges.add(table);
      renamed = table.operation().applyTo(renamed);
    }
    Optional<Schema> recordedRenamed = recorded.map(schema -> renamedWhereRecorded(schema, renameChanges));
    LeftToDatabase leftFollowingRenames =
        leftToDatabase.following(renameChanges.stream().map(Change::operation).toList());
    PlanBuilder plan = new PlanBuilder();
    renameChanges.forEach(plan::renamed);
    for (SchemaElementComparator comparator : schemaElements) {
      comparator.compareNewAndChanged(renamed, wanted, plan, recordedRenamed);
    }
    // Copied once: each table's changes keep it, and a copy per table made 1,000 tables quadratic.
    Set<String> wantedTables = Set.copyOf(wanted.tables().keySet());
    Set<String> numberedFromOwnSequence = numberedFromOwnSequence(renamed, wanted);
    SequencesPastRows sequencesPastRows = SequencesPastRows.in(renamed, wanted, recordedRenamed,
        rules.integerKeysNumberThemselves());
    for (Table table : wanted.tables().values()) {
      Optional<Table> existing = renamed.table(table.name());
      if (existing.isPresent()) {
        TableChanges changes = plan.keptTable(table.name(), recordedRenamed, options.dropUnmapped(), wantedTables,
            numberedFromOwnSequence, sequencesPastRows, leftFollowingRenames);
        tableElements.forEach(comparator -> comparator.compare(existing.get(), table, changes));
      }
    }
    // After the tables' changes: the identity the sequence takes over from is dropped by then.
    sequencesPastRows.changes().forEach(change -> plan.last(change.operation(), change.reason()));
    // What is gone goes in the opposite order: tables, then the sequences and types they used.
    List<SchemaElementComparator> droppingOrder = new ArrayList<>(schemaElements);
    Collections.reverse(droppingOrder);
    for (SchemaElementComparator comparator : droppingOrder) {
      comparator.compareDropped(renamed, wanted, plan, recordedRenamed);
    }
    List<Change> reviewed =
        NamesFreedFirst.in(renamed, reviewed(plan.ordered(rules.foreignKeysMayReferenceLaterTables())));
    LookAlikes.Found lookAlikes = LookAlikes.in(current, reviewed, rules);
    EntityViews entityViews = EntityViews.in(renamed, wanted, recordedRenamed);
    // Views of @View entities last: after the tables they read, and after the views kept working
    // around the changes (which are created again with their entity's query, new or not).
    List<Change> upgrade;
    try {
      upgrade = ViewRecreation.around(current, lookAlikes.upgrade(), wanted, entityViews.requeried(),
          reviewed(entityViews.created()));
      TriggerConflicts.check(current, upgrade, rules.triggerStatementsHoldTheirBodies());
      KeysInTheWay.check(renamed, upgrade);
    } catch (DependencyConflict conflict) {
      // A drop a view or trigger stands in the way of may be a rename, which keeps what it reads:
      // the look-alikes of what the conflict names (the column, or the table) say how.
      List<String> renameHints = lookAlikes.about(conflict.getMessage());
      throw renameHints.isEmpty() ? conflict
          : new DependencyConflict(conflict.getMessage() + "; " + String.join("; ", renameHints));
    }
    List<String> warnings = new ArrayList<>(renaming.warnings());
    warnings.addAll(plan.warnings());
    warnings.addAll(lookAlikes.warnings());
    warnings.addAll(viewsOfThisDatabaseOnly(upgrade, current, wanted, recordedRenamed));
    List<String> notices = new ArrayList<>(onViews.notices());
    notices.addAll(entityViews.notices());
    notices.addAll(plan.notices());
    // What the downgrade puts back reads as the migrations wrote it, not as PostgreSQL rewrote it.
    List<Change> downgrade = withIndexesOnlyThisDatabaseHadMarked(
        downgradeOf(RecordedSpellings.in(current, recorded, rules), upgrade), upgrade, recorded, leftFollowingRenames);
    return new MigrationPlan(ChangeGroup.consecutive(upgrade), ChangeGroup.consecutive(downgrade),
        warnings, notices, Risks.of(current, upgrade));
  }

  /** The columns, as {@code table.column}, whose own sequence (a serial's) the entities take ids from. */
  private static Set<String> numberedFromOwnSequence(Schema current, Schema wanted) {
    Set<String> columns = new HashSet<>();
    for (Sequence sequence : current.sequences().values()) {
      if (sequence.ownedBy() != null && wanted.sequence(sequence.name()).isPresent()) {
        columns.add(sequence.ownedBy());
      }
    }
    return columns;
  }

  /**
   * The views dropped and created again around a change that no migration created and no entity
   * maps: a DBA's or a developer's own, made by hand in this database. The migration carries them
   * all the same, and fails where they are not ("view does not exist"), or makes them where they
   * were never wanted; the reviewer is told.
   */
  private static List<String> viewsOfThisDatabaseOnly(List<Change> upgrade, Schema current, Schema wanted,
      Optional<Schema> recorded) {
    if (recorded.isEmpty()) {
      return List.of();
    }
    List<String> warnings = new ArrayList<>();
    for (Change change : upgrade) {
      if (change.operation() instanceof DropView drop && current.hasView(drop.name()) && !wanted.hasView(drop.name())
          && !recorded.get().hasView(drop.name())) {
        warnings.add("view " + drop.name() + " is dropped and created again around this change, but no migration"
            + " created it by op.createView (made by hand in this database, or by an op.execute the tool does not"
            + " read): on a database without it the migration fails at its drop;"
            + " create it in a migration of its own first (op.createView), or take its two steps out and redo the view"
            + " by hand where it exists");
      }
    }
    return warnings;
  }

  /**
   * The recorded schema with the renames it has the old names for: what the migrations created
   * under the old name, they created under the new one too. A table or column they never created
   * (a person's) stays unknown to them.
   */
  private static Schema renamedWhereRecorded(Schema recorded, List<Change> renames) {
    Schema schema = recorded;
    for (Change change : renames) {
      Operation operation = change.operation();
      boolean recordedThere = operation instanceof RenameTable table
          ? schema.hasTable(table.from()) && !schema.hasTable(table.to())
          : operation instanceof RenameSequence sequence
              ? schema.sequence(sequence.from()).isPresent() && schema.sequence(sequence.to()).isEmpty()
          : operation instanceof RenameColumn column && schema.table(column.table())
              .map(each -> each.hasColumn(column.from()) && !each.hasColumn(column.to())).orElse(false);
      if (recordedThere) {
        schema = operation.applyTo(schema);
      }
    }
    return schema;
  }

  private List<Change> reviewed(List<Change> proposed) {
    List<Change> kept = new ArrayList<>();
    for (Change change : proposed) {
      options.hook().review(change).ifPresent(kept::add);
    }
    return kept;
  }

  /**
   * The downgrade, its steps that make again an index only this database had said to be so: an
   * index made here by hand on a column the upgrade drops goes with the column, and the downgrade
   * gives it back (two user tests lost theirs), but the downgrade runs on every database the
   * migrations built, which never had it (a third's SQLite index reached production so). The
   * reviewer, who knows whose it was, keeps the step or deletes it. Not one a migration left to
   * the database (a baseline's): that migration created it on every database it built.
   */
  private static List<Change> withIndexesOnlyThisDatabaseHadMarked(List<Change> downgrade, List<Change> upgrade,
      Optional<Schema> recorded, LeftToDatabase left) {
    if (recorded.isEmpty()) {
      return downgrade;
    }
    Set<String> droppedBySteps = new HashSet<>();
    upgrade.stream().map(Change::operation).filter(DropIndex.class::isInstance).map(DropIndex.class::cast)
        .forEach(drop -> droppedBySteps.add(drop.table() + "." + drop.name()));
    List<Change> marked = new ArrayList<>(downgrade.size());
    for (Change change : downgrade) {
      if (change.operation() instanceof CreateIndex create && create.index().name() != null
          && !droppedBySteps.contains(create.table() + "." + create.index().name())
          && !left.holds(create.table(), Kind.INDEX, create.index().name())
          && recorded.get().table(create.table()).filter(made -> made.indexes().stream()
              .noneMatch(index -> Matching.sameIndex(index, create.index())
                  || create.index().name().equalsIgnoreCase(index.name()))).isPresent()) {
        marked.add(Change.of(create, "index " + create.index().name() + " was made by hand in the database this"
            + " migration was made from (no migration created it): this step makes it on every database the"
            + " downgrade runs on, which may never have had it; delete the step if it was that database's alone"));
      } else {
        marked.add(change);
      }
    }
    return marked;
  }

  /** The changes that undo {@code upgrade}, given the schema before it: each step inverted, last first. */
  static List<Change> downgradeOf(Schema current, List<Change> upgrade) {
    List<Change> downgrade = new ArrayList<>();
    Set<String> viewsDropped = new HashSet<>();
    Schema before = current;
    for (Change change : upgrade) {
      Operation operation = change.operation();
      List<Operation> inverse = new ArrayList<>(operation.inverse(before));
      Collections.reverse(inverse);
      // A view the upgrade drops and creates again is one kept working; one it only creates is new.
      boolean recreated = operation instanceof CreateView create && viewsDropped.contains(create.name());
      inverse.forEach(undo -> downgrade.add(runnable(undo, recreated)));
      if (operation instanceof DropView drop) {
        viewsDropped.add(drop.name());
      }
      before = operation.applyTo(before);
    }
    Collections.reverse(downgrade);
    return SequencesPastRows.withDowngradesPastRows(downgrade);
  }

  /**
   * An undo that runs on a table with rows. A dropped NOT NULL column without a default cannot
   * come back as it was: its values are gone, and NOT NULL would fail on every row. It comes back
   * nullable and empty, and the file says so.
   */
  private static Change runnable(Operation undo, boolean undoesARecreation) {
    if (undo instanceof DropView drop) {
      return Change.of(drop, undoesARecreation
          ? "view " + drop.name() + " is dropped here and created again below, as it was before the upgrade"
          : "view " + drop.name() + ", which the upgrade created");
    }
    if (undo instanceof CreateView create) {
      return Change.of(create, "view " + create.name() + " as it was before the upgrade");
    }
    if (undo instanceof CreateSequence create) {
      // The upgrade dropped it, and its value with it: ids it handed out are above its start.
      return Change.of(create, "sequence " + create.sequence().name() + " comes back at its start value, below the"
          + " ids it handed out before the upgrade: where a table's ids come from it again, move it past them"
          + " (op.advanceSequence(\"" + create.sequence().name() + "\", \"TABLE\", \"id\", "
          + create.sequence().incrementBy() + "))");
    }
    if (undo instanceof AddColumn add && !add.column().nullable() && add.column().defaultSql() == null
        && !add.column().identity()) {
      return Change.of(new AddColumn(add.table(), add.column().withNullable(true)),
          add.table() + "." + add.column().name() + " comes back nullable and empty: a downgrade cannot restore its"
              + " values, and NOT NULL would fail on the rows the table has; fill it and set it NOT NULL by hand if needed");
    }
    return Change.of(undo);
  }
}
