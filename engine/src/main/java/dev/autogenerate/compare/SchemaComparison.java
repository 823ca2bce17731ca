package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Compares the schema a database has with the schema the entities map to, and plans the changes
 * that turn one into the other: one small comparator per kind of object, run in turn, each
 * recording what it finds in its place in a {@link PlanBuilder}, which orders them.
 *
 * <p>Things are matched by what they are, not by what they are called: columns by name; primary
 * keys and uniques by column set; foreign keys by columns and referenced columns; checks by
 * normalized expression; indexes by their columns and order. Names come from the naming
 * convention where the mapping gives none.
 *
 * <p>Every proposed change then passes the project's {@link dev.autogenerate.changes.CompareHook}.
 * The downgrade is derived, not compared: each upgrade operation is inverted against the schema
 * just before it, and the inverses run in reverse order.
 */
public final class SchemaComparison {

  private final ComparisonRules rules;
  private final DiffOptions options;
  private final List<SchemaElementComparator> schemaElements;
  private final List<TableElementComparator> tableElements;

  public SchemaComparison(ComparisonRules rules) {
    this(rules, DiffOptions.defaults());
  }

  public SchemaComparison(ComparisonRules rules, DiffOptions options) {
    this.rules = rules;
    this.options = options;
    // Enum types before sequences before tables: a table may use both.
    this.schemaElements = List.of(new EnumTypeComparator(), new SequenceComparator(rules),
        new TableComparator(rules, options.dropUnmapped()));
    // Within a stage of a table, changes keep this order: keys, checks, indexes, columns, comment.
    this.tableElements = List.of(new ForeignKeyComparator(), new KeyComparator(), new CheckComparator(rules),
        new IndexComparator(options.dropUnmappedIndexes() || options.dropUnmapped()), new ColumnComparator(rules), new CommentComparator());
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
    Schema wanted = options.naming().apply(target);
    PlanBuilder plan = new PlanBuilder();
    for (SchemaElementComparator comparator : schemaElements) {
      comparator.compareNewAndChanged(current, wanted, plan);
    }
    for (Table table : wanted.tables().values()) {
      Optional<Table> existing = current.table(table.name());
      if (existing.isPresent()) {
        TableChanges changes = plan.keptTable(table.name(), recorded, options.dropUnmapped(), wanted.tables().keySet());
        tableElements.forEach(comparator -> comparator.compare(existing.get(), table, changes));
      }
    }
    // What is gone goes in the opposite order: tables, then the sequences and types they used.
    List<SchemaElementComparator> droppingOrder = new ArrayList<>(schemaElements);
    Collections.reverse(droppingOrder);
    for (SchemaElementComparator comparator : droppingOrder) {
      comparator.compareDropped(current, wanted, plan, recorded);
    }
    List<Change> upgrade = reviewed(plan.ordered(rules.foreignKeysMayReferenceLaterTables()));
    return new MigrationPlan(ChangeGroup.consecutive(upgrade), ChangeGroup.consecutive(downgradeOf(current, upgrade)),
        plan.warnings(), plan.notices(), Risks.of(current, upgrade));
  }

  private List<Change> reviewed(List<Change> proposed) {
    List<Change> kept = new ArrayList<>();
    for (Change change : proposed) {
      options.hook().review(change).ifPresent(kept::add);
    }
    return kept;
  }

  private static List<Change> downgradeOf(Schema current, List<Change> upgrade) {
    List<Change> downgrade = new ArrayList<>();
    Schema before = current;
    for (Change change : upgrade) {
      Operation operation = change.operation();
      List<Operation> inverse = new ArrayList<>(operation.inverse(before));
      Collections.reverse(inverse);
      inverse.forEach(undo -> downgrade.add(Change.of(undo)));
      before = operation.applyTo(before);
    }
    Collections.reverse(downgrade);
    return downgrade;
  }
}
