package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.List;

/** {@code create sequence}. */
public record CreateSequence(Sequence sequence) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    if (before.sequence(sequence.name()).isPresent()) {
      throw new IllegalArgumentException("sequence " + sequence.name() + " already exists");
    }
    return before.withSequence(sequence);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropSequence(sequence.name()));
  }

  @Override
  public String describe() {
    return "create sequence " + sequence.name();
  }

  @Override
  public String subject() {
    return sequence.name();
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.createSequence(this);
  }
}
