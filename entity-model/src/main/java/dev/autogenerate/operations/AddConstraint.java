package dev.autogenerate.operations;

import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;

/**
 * {@code alter table ... add constraint}: a unique, foreign-key, check or primary-key constraint.
 * It must be named, so that its inverse can drop it by name.
 */
public record AddConstraint(String table, TableConstraint constraint) implements Operation {

  public AddConstraint {
    if (constraint.name() == null) {
      throw new IllegalArgumentException("a constraint added to " + table + " needs a name, so it can be dropped");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withConstraint(constraint));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropConstraint(table, constraint.name()));
  }

  @Override
  public String describe() {
    return "add " + kind(constraint) + " " + constraint.name() + " on " + table;
  }

  /** What kind of constraint it is, as messages name it: {@code unique constraint}. */
  public static String kind(TableConstraint constraint) {
    if (constraint instanceof PrimaryKey) {
      return "primary key";
    }
    if (constraint instanceof UniqueConstraint) {
      return "unique constraint";
    }
    if (constraint instanceof ForeignKey) {
      return "foreign key";
    }
    if (constraint instanceof CheckConstraint) {
      return "check constraint";
    }
    return "constraint";
  }

  @Override
  public List<String> namesUsed() {
    return constraint instanceof ForeignKey key ? List.of(table, key.referencedTable()) : List.of(table);
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.addConstraint(this);
  }
}
