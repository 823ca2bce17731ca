package dev.autogenerate.operations;

import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * {@code drop index}. Its inverse creates the index again as it was, but built: one PostgreSQL
 * marked INVALID (a failed concurrent build) is created valid, as a create statement makes it.
 */
public record DropIndex(String table, String name) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withoutIndex(name));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    Index index = before.requireTable(table).index(name)
        .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no index " + name));
    return List.of(new CreateIndex(table, index));
  }

  @Override
  public String describe() {
    return "drop index " + name + " on " + table;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.dropIndex(this);
  }
}
