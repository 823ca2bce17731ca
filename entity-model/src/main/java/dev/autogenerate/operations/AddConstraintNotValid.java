package dev.autogenerate.operations;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.TableConstraint;
import java.util.List;

/**
 * {@code alter table ... add constraint ... not valid}: a foreign key or check that new and
 * changed rows must satisfy at once, while the rows already there are checked later by a {@link
 * ValidateConstraint}. PostgreSQL then holds its strong lock on the table only for an instant
 * instead of for a scan of every row. Until validated, the constraint is in the schema as any
 * other. On SQLite, which has no such locks, it is an ordinary {@link AddConstraint}: the rows are
 * checked as the table is rebuilt.
 */
public record AddConstraintNotValid(String table, TableConstraint constraint) implements Operation {

  public AddConstraintNotValid {
    if (constraint.name() == null) {
      throw new IllegalArgumentException("a constraint added to " + table + " needs a name, so it can be validated and dropped");
    }
    if (!(constraint instanceof ForeignKey) && !(constraint instanceof CheckConstraint)) {
      throw new IllegalArgumentException(AddConstraint.kind(constraint) + " " + constraint.name()
          + " cannot be added not valid: only foreign keys and checks can (use addConstraint)");
    }
  }

  /** The same constraint added and checked at once: to the schema, the two are the same step. */
  private AddConstraint validated() {
    return new AddConstraint(table, constraint);
  }

  @Override
  public Schema applyTo(Schema before) {
    return validated().applyTo(before);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return validated().inverse(before);
  }

  @Override
  public String describe() {
    return "add " + AddConstraint.kind(constraint) + " " + constraint.name() + " on " + table + " not valid";
  }

  @Override
  public List<String> namesUsed() {
    return validated().namesUsed();
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.addConstraintNotValid(this);
  }
}
