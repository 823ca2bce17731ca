package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.TableConstraint;
import java.util.List;

/** {@code alter table ... drop constraint}. Its inverse adds the constraint back as it was. */
public record DropConstraint(String table, String name) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withoutConstraint(name));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new AddConstraint(table, definition(before)));
  }

  /** The constraint as it stands in {@code before}. */
  public TableConstraint definition(Schema before) {
    return before.requireTable(table).constraint(name)
        .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no constraint " + name));
  }

  @Override
  public String describe() {
    return "drop constraint " + name + " on " + table;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.dropConstraint(this);
  }
}
