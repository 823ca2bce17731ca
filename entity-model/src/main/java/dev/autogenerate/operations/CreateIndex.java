package dev.autogenerate.operations;

import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import java.util.List;

/** {@code create [unique] index ... on table (...)}. */
public record CreateIndex(String table, Index index) implements Operation {

  public CreateIndex {
    if (index.name() == null) {
      throw new IllegalArgumentException("an index created on " + table + " needs a name, so it can be dropped");
    }
    index = index.withValid(true);
  }

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withIndex(index));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropIndex(table, index.name()));
  }

  @Override
  public String describe() {
    return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.createIndex(this);
  }
}
