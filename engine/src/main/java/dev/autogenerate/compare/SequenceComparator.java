package dev.autogenerate.compare;

import dev.autogenerate.operations.AlterSequence;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.Optional;

/**
 * Sequences: created when an entity needs one, dropped when none does, and given the increment
 * the mapping's {@code allocationSize} says (Hibernate checks it at start-up). Where the database
 * does not store the increment (SQLite's sequence tables), the one the applied migrations gave it
 * is compared, and none where they did not create it.
 */
final class SequenceComparator implements SchemaElementComparator {

  private final ComparisonRules rules;

  SequenceComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  @Override
  public void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded) {
    for (Sequence sequence : wanted.sequences().values()) {
      Optional<Sequence> existing = current.sequence(sequence.name());
      // Where the database keeps no increment, the one the migrations gave it (filled in from
      // them) is compared: a changed allocationSize must reach PostgreSQL's sequence too.
      boolean incrementKnown = rules.storesSequenceIncrement()
          || recorded.flatMap(schema -> schema.sequence(sequence.name())).isPresent();
      if (existing.isEmpty()) {
        plan.first(new CreateSequence(sequence), null);
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
      if (wanted.sequence(sequence.name()).isEmpty()) {
        plan.last(new DropSequence(sequence.name()),
            "sequence " + sequence.name() + " is in the database but no entity uses it");
      }
    }
  }
}
