package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.ViewUses;
import java.util.List;

/**
 * {@code create view name as definition}. The diff writes it only to bring back a view it had to
 * drop around a change to a column the view reads, with the query the catalog gave.
 *
 * @param definition the query, as the database gave it back ({@code SELECT ...})
 */
public record CreateView(String name, String definition) implements Operation {

  public CreateView {
    if (definition == null || definition.isBlank()) {
      throw new IllegalArgumentException("view " + name + " needs a definition");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    if (before.hasView(name) || before.hasTable(name)) {
      throw new IllegalArgumentException("a table or view " + name + " already exists");
    }
    return before.withView(ViewUses.of(name, definition, before));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropView(name));
  }

  @Override
  public String describe() {
    return "create view " + name;
  }

  @Override
  public String subject() {
    return name;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.createView(this);
  }
}
