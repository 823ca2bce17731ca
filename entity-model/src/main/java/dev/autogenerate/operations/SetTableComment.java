package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/** {@code comment on table}; a null comment removes it. */
public record SetTableComment(String table, String comment) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withComment(comment));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new SetTableComment(table, before.requireTable(table).comment()));
  }

  @Override
  public String describe() {
    return (comment == null ? "drop comment on table " : "comment on table ") + table;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.setTableComment(this);
  }
}
