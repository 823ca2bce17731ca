package dev.autogenerate.compare;

import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.Optional;

/**
 * Sequences: created when an entity needs one, dropped when none does. A changed increment
 * ({@code allocationSize}) is a warning: the database's current value must be considered by hand.
 */
final class SequenceComparator implements SchemaElementComparator {

  private final ComparisonRules rules;

  SequenceComparator(ComparisonRules rules) {
    this.rules = rules;
  }

  @Override
  public void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan) {
    for (Sequence sequence : wanted.sequences().values()) {
      Optional<Sequence> existing = current.sequence(sequence.name());
      if (existing.isEmpty()) {
        plan.first(new CreateSequence(sequence), null);
      } else if (rules.storesSequenceIncrement() && existing.get().incrementBy() != sequence.incrementBy()) {
        plan.warn("sequence " + sequence.name() + " increments by " + existing.get().incrementBy()
            + " in the database but by " + sequence.incrementBy() + " in the entities (allocationSize):"
            + " alter it by hand with op.execute(\"alter sequence " + sequence.name() + " increment by "
            + sequence.incrementBy() + "\")");
      }
    }
  }

  @Override
  public void compareDropped(Schema current, Schema wanted, PlanBuilder plan) {
    for (Sequence sequence : current.sequences().values()) {
      if (wanted.sequence(sequence.name()).isEmpty()) {
        plan.last(new DropSequence(sequence.name()),
            "sequence " + sequence.name() + " is in the database but no entity uses it");
      }
    }
  }
}
