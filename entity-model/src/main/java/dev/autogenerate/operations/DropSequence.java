package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/** {@code drop sequence}. Its inverse creates it again with its start and increment. */
public record DropSequence(String name) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withoutSequence(name);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new CreateSequence(before.sequence(name)
        .orElseThrow(() -> new IllegalArgumentException("no sequence " + name))));
  }

  @Override
  public String describe() {
    return "drop sequence " + name;
  }

  @Override
  public String subject() {
    return name;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.dropSequence(this);
  }
}
