package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/** {@code drop table}. Its inverse recreates the table as it stood before, indexes included. */
public record DropTable(String table) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withoutTable(table);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return CreateTable.recreating(before.requireTable(table));
  }

  @Override
  public String describe() {
    return "drop table " + table;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.dropTable(this);
  }
}
