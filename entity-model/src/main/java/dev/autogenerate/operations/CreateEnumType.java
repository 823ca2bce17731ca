package dev.autogenerate.operations;

import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Schema;
import java.util.List;

/** {@code create type ... as enum (...)} (PostgreSQL). */
public record CreateEnumType(EnumType enumType) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    if (before.enumType(enumType.name()).isPresent()) {
      throw new IllegalArgumentException("enum type " + enumType.name() + " already exists");
    }
    return before.withEnumType(enumType);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropEnumType(enumType.name()));
  }

  @Override
  public String describe() {
    return "create enum type " + enumType.name();
  }

  @Override
  public String subject() {
    return enumType.name();
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.createEnumType(this);
  }
}
