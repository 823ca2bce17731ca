package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.List;

/**
 * {@code alter sequence ... increment by}: what an {@code allocationSize} change needs, since
 * Hibernate refuses to start when the sequence's increment differs from the mapping's.
 */
public record AlterSequence(String name, long incrementBy) implements Operation {

  public AlterSequence {
    if (incrementBy == 0) {
      throw new IllegalArgumentException("sequence " + name + " needs a non-zero increment");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    Sequence sequence = requireSequence(before);
    return before.withSequence(sequence.withIncrement(incrementBy));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new AlterSequence(name, requireSequence(before).incrementBy()));
  }

  @Override
  public String describe() {
    return "alter sequence " + name + ": increment by " + incrementBy;
  }

  @Override
  public String subject() {
    return name;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.alterSequence(this);
  }

  private Sequence requireSequence(Schema schema) {
    return schema.sequence(name).orElseThrow(() -> new IllegalArgumentException("no sequence " + name));
  }
}
