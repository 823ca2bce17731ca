package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.util.List;

/** {@code drop view}. Its inverse creates the view again with the query it had. */
public record DropView(String name) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    if (!before.hasView(name)) {
      throw new IllegalArgumentException("no view " + name);
    }
    return before.withoutView(name);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    View view = before.view(name).orElseThrow(() -> new IllegalArgumentException("no view " + name));
    return List.of(new CreateView(name, view.definition()));
  }

  @Override
  public String describe() {
    return "drop view " + name;
  }

  @Override
  public String subject() {
    return name;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.dropView(this);
  }
}
