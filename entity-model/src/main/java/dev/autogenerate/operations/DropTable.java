package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;

/** {@code drop table}. Its inverse recreates the table as it stood before. */
public record DropTable(String table) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withoutTable(table);
  }

  @Override
  public Operation inverse(Schema before) {
    return new CreateTable(before.requireTable(table));
  }

  @Override
  public String describe() {
    return "drop table " + table;
  }
}
