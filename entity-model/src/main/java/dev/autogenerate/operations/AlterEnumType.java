package dev.autogenerate.operations;

import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * Changes an enum type's values to a new list. Where the change only inserts values, PostgreSQL
 * adds them in place ({@code alter type ... add value}). Where it removes or reorders values,
 * the dialect uses the safe recipe instead of {@code drop ... cascade}: rename the old type, create
 * the new one, convert each column through text, drop the old type. That fails, and rolls back,
 * if a row still holds a removed value, so no data is lost silently.
 */
public record AlterEnumType(String name, List<String> values) implements Operation {

  public AlterEnumType {
    values = new EnumType(name, values).values();
  }

  @Override
  public Schema applyTo(Schema before) {
    before.enumType(name).orElseThrow(() -> new IllegalArgumentException("no enum type " + name));
    return before.withEnumType(new EnumType(name, values));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new AlterEnumType(name, before.enumType(name)
        .orElseThrow(() -> new IllegalArgumentException("no enum type " + name)).values()));
  }

  /** Whether going from {@code before} to these values only inserts values, keeping the order of the rest. */
  public boolean onlyAddsValuesTo(List<String> before) {
    return values.containsAll(before) && values.stream().filter(before::contains).toList().equals(before);
  }

  @Override
  public String describe() {
    return "alter enum type " + name;
  }

  @Override
  public String subject() {
    return name;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.alterEnumType(this);
  }
}
