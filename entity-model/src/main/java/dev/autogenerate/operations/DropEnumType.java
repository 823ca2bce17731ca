package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/** {@code drop type} of an enum no column uses any more. Never with {@code cascade}. */
public record DropEnumType(String name) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withoutEnumType(name);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new CreateEnumType(before.enumType(name)
        .orElseThrow(() -> new IllegalArgumentException("no enum type " + name))));
  }

  @Override
  public String describe() {
    return "drop enum type " + name;
  }

  @Override
  public String subject() {
    return name;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.dropEnumType(this);
  }
}
