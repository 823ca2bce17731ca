package dev.autogenerate.compare;

import dev.autogenerate.operations.AlterSequence;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.Table;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Sequences: created when an entity needs one, dropped when none does, and given the increment
 * the mapping's {@code allocationSize} says (Hibernate checks it at start-up). Where the database
 * does not store the increment (SQLite's sequence tables), the one the applied migrations gave it
 * is compared, and none where they did not create it. A sequence a column owns (a PostgreSQL
 * serial's) is neither created nor dropped: its column makes it and takes it along.
 */
final class SequenceComparator implements SchemaElementComparator {

  private final ComparisonRules rules;

  SequenceComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  @Override
  public void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    for (Sequence sequence : wanted.sequences().values()) {
      if (sequence.ownedBy() != null) {
        // A serial's sequence (a database adopted by baseline): its column's identity makes it.
        continue;
      }
      // One a column owns (an adopted serial's) is there already: the entity takes its ids from it.
      Optional<Sequence> existing = current.sequence(sequence.name());
      // Where the database keeps no increment, the one the migrations gave it (filled in from
      // them) is compared: a changed allocationSize must reach PostgreSQL's sequence too.
      boolean incrementKnown = rules.storesSequenceIncrement()
          || recorded.flatMap(schema -> schema.sequence(sequence.name())).isPresent();
      if (existing.isEmpty() && takesOverFromAnIdentity(sequence, current, wanted, recorded)) {
        plan.last(new CreateSequence(sequence.withoutFeeds()), "sequence " + sequence.name() + " takes over "
            + String.join(", ", sequence.feeds()) + " from the identity dropped above, whose own sequence may"
            + " bear this name until then");
      } else if (existing.isEmpty()) {
        plan.first(new CreateSequence(sequence.withoutFeeds()), null);
      } else if (incrementKnown && existing.get().incrementBy() != sequence.incrementBy()) {
        plan.first(new AlterSequence(sequence.name(), sequence.incrementBy()), "sequence " + sequence.name()
            + ": allocationSize " + existing.get().incrementBy() + " -> " + sequence.incrementBy()
            + " (Hibernate refuses to start while the increment differs)");
      }
    }
  }

  @Override
  public void compareDropped(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    for (Sequence sequence : current.sequences().values()) {
      // A column's own sequence goes with the column, or with its identity.
      if (sequence.ownedBy() == null && wanted.sequence(sequence.name()).isEmpty()) {
        // A column this plan drops (or whose table it drops) uses it no longer by its last steps.
        Optional<String> user = columnDefaultUsing(current, sequence.name(), plan::drops);
        if (user.isPresent()) {
          // A DBA's numbering (nextval() as a column's default): dropping it fails while the
          // default uses it, and the column numbers the rows still. Said only of one no migration
          // created: one a baseline adopted with its table is in every database the migrations
          // built, and check --strict failed on it for ever after.
          if (recorded.flatMap(schema -> schema.sequence(sequence.name())).isEmpty()) {
            plan.notice("sequence " + sequence.name() + " is used by the default of " + user.get() + ": left alone");
          }
        } else {
          plan.last(new DropSequence(sequence.name()),
              "sequence " + sequence.name() + " is in the database but no entity uses it");
        }
      }
    }
  }

  /**
   * Whether the sequence takes a column's ids over from its identity, which the plan drops: then it
   * is created after the tables' changes, not before them, since the identity's own sequence may
   * have the very name ({@code orders_id_seq}, as PostgreSQL names it) until the identity goes. The
   * inspection leaves a {@code generated always} identity's sequence to its column, unread. Not
   * where a column's default the entities want draws on the sequence: that default is set among
   * the tables' changes.
   */
  private boolean takesOverFromAnIdentity(Sequence sequence, Schema current, Schema wanted,
      Optional<Schema> recorded) {
    if (columnDefaultUsing(wanted, sequence.name(), (table, column) -> false).isPresent()) {
      return false;
    }
    for (String fed : sequence.feeds()) {
      String table = fed.substring(0, fed.lastIndexOf('.'));
      String columnName = fed.substring(fed.lastIndexOf('.') + 1);
      boolean identityNow = ColumnComparator.numberedByIdentity(rules.integerKeysNumberThemselves(), current,
          recorded, table, columnName);
      boolean identityWanted = wanted.table(table).flatMap(each -> each.column(columnName)).map(Column::identity)
          .orElse(true);
      if (identityNow && !identityWanted) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first column, as {@code table.column}, whose default takes values from the sequence,
   * leaving out those {@code dropped} says go ({@code (table, column)}).
   */
  private static Optional<String> columnDefaultUsing(Schema schema, String sequence,
      BiPredicate<String, String> dropped) {
    for (Table table : schema.tables().values()) {
      for (Column column : table.columns()) {
        if (column.defaultDrawsOn(sequence) && !dropped.test(table.name(), column.name())) {
          return Optional.of(table.name() + "." + column.name());
        }
      }
    }
    return Optional.empty();
  }
}
