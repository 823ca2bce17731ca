package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;

/** {@code create table}, with its columns and primary key. */
public record CreateTable(Table table) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    if (before.hasTable(table.name())) {
      throw new IllegalArgumentException("table " + table.name() + " already exists");
    }
    return before.withTable(table);
  }

  @Override
  public Operation inverse(Schema before) {
    return new DropTable(table.name());
  }

  @Override
  public String describe() {
    return "create table " + table.name();
  }
}
