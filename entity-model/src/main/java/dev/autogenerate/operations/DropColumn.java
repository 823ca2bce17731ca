package dev.autogenerate.operations;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;

/** {@code alter table ... drop column}. Its inverse adds the column back as it was defined. */
public record DropColumn(String table, String column) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withoutColumn(column));
  }

  @Override
  public Operation inverse(Schema before) {
    Column definition = before.requireTable(table).column(column)
        .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no column " + column));
    return new AddColumn(table, definition);
  }

  @Override
  public String describe() {
    return "drop column " + table + "." + column;
  }
}
