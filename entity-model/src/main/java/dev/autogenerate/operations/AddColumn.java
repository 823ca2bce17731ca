package dev.autogenerate.operations;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import java.util.List;

/** {@code alter table ... add column}. */
public record AddColumn(String table, Column column) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withColumn(column));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropColumn(table, column.name()));
  }

  @Override
  public String describe() {
    return "add column " + table + "." + column.name();
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.addColumn(this);
  }
}
