package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AdvanceSequence;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sequences a table with rows starts taking its ids from in this plan, moved past those ids:
 * a sequence the plan creates for a table it keeps (an id switched from IDENTITY or assigned ids
 * to SEQUENCE, or to a sequence of a new name), or one the database has for an id that was an
 * identity until now. Created, a sequence starts at 1, and the first insert would collide with the
 * rows. A table the plan creates has no rows; a serial's own sequence is past them already.
 */
final class SequencesPastRows {

  private final List<Change> changes;

  private SequencesPastRows(List<Change> changes) {
    this.changes = changes;
  }

  /**
   * @param current the database, as the plan's renames leave it
   * @param wanted the entities' schema, whose sequences say which ids they feed
   * @param recorded the schema the applied migrations left, when known
   * @param integerKeysNumberThemselves whether an integer primary key reads as an identity
   *     whatever the migrations made ({@link ComparisonRules#integerKeysNumberThemselves}): then
   *     one the migrations made no identity was never one, and its sequence has numbered it
   */
  static SequencesPastRows in(Schema current, Schema wanted, Optional<Schema> recorded,
      boolean integerKeysNumberThemselves) {
    List<Change> changes = new ArrayList<>();
    for (Sequence sequence : wanted.sequences().values()) {
      if (sequence.ownedBy() != null || sequence.incrementBy() < 0) {
        continue;
      }
      Optional<Sequence> existing = current.sequence(sequence.name());
      for (String fed : sequence.feeds()) {
        int dot = fed.lastIndexOf('.');
        String table = fed.substring(0, dot);
        String columnName = fed.substring(dot + 1);
        Optional<Column> column = current.table(table).flatMap(kept -> kept.column(columnName));
        // A serial reads as an identity; its own sequence numbered the rows.
        boolean ownSequence = existing.isPresent() && existing.get().isOwnedBy(table, columnName);
        boolean identity = ColumnComparator.numberedByIdentity(integerKeysNumberThemselves, current, recorded, table,
            columnName);
        if (column.isPresent() && !ownSequence && (existing.isEmpty() || identity)) {
          changes.add(Change.of(new AdvanceSequence(sequence.name(), table, columnName, sequence.incrementBy()),
              fed + " takes its ids from " + sequence.name() + " now: moved past the rows' ids, or inserts collide"));
        }
      }
    }
    return new SequencesPastRows(changes);
  }

  /** The steps, each after everything else the plan does to its table and sequence. */
  List<Change> changes() {
    return changes;
  }

  /**
   * The downgrade of an id made IDENTITY, which drops the identity and creates the sequence again,
   * with the step that moves that sequence past the rows too, where the sequence is the one
   * Hibernate names after the table ({@code orders_seq} for {@code orders}): the database does not
   * say which table a sequence fed, and that name does. Each such step follows the later of the
   * two it depends on.
   */
  static List<Change> withDowngradesPastRows(List<Change> downgrade) {
    List<Change> steps = new ArrayList<>(downgrade);
    for (int i = 0; i < steps.size(); i++) {
      if (!(steps.get(i).operation() instanceof CreateSequence created) || created.sequence().incrementBy() < 0) {
        continue;
      }
      Sequence sequence = created.sequence();
      for (int j = 0; j < steps.size(); j++) {
        if (steps.get(j).operation() instanceof AlterColumn alter && dropsIdentity(alter)
            && namedAfter(sequence.name(), alter.table())) {
          steps.set(i, Change.of(created, "sequence " + sequence.name() + ", which the upgrade dropped"));
          int after = Math.max(i, j) + 1;
          steps.add(after, Change.of(new AdvanceSequence(sequence.name(), alter.table(), alter.column(),
                  sequence.incrementBy()),
              alter.table() + "." + alter.column() + " takes its ids from " + sequence.name()
                  + " again (named after its table): moved past the rows' ids"));
          break;
        }
      }
    }
    return steps;
  }

  private static boolean dropsIdentity(AlterColumn alter) {
    return alter.changes().stream()
        .anyMatch(change -> change instanceof ColumnChange.SetIdentity identity && !identity.identity());
  }

  private static boolean namedAfter(String sequence, String table) {
    return Objects.equals(Schema.schemaOf(sequence), Schema.schemaOf(table))
        && Schema.unqualified(sequence).equalsIgnoreCase(Schema.unqualified(table) + "_seq");
  }

  static final SequencesPastRows NONE = new SequencesPastRows(List.of());

  /** Whether this column's new sequence is moved past its rows. */
  boolean advances(String table, String column) {
    return changes.stream().map(change -> (AdvanceSequence) change.operation())
        .anyMatch(advance -> advance.table().equals(table) && advance.column().equals(column));
  }
}
