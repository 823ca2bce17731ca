package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * {@code alter table ... validate constraint}: checks the rows already in the table against a
 * constraint added {@linkplain AddConstraintNotValid not valid}. PostgreSQL scans the table under
 * a lock that lets reads and writes go on; a row that breaks the constraint fails the revision.
 * Nothing changes in the schema, so there is nothing to undo. SQLite checked the rows when it added
 * the constraint: nothing runs there.
 */
public record ValidateConstraint(String table, String name) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    before.requireTable(table).constraint(name)
        .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no constraint " + name));
    return before;
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of();
  }

  @Override
  public String describe() {
    return "validate constraint " + name + " on " + table;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.validateConstraint(this);
  }
}
