package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.util.List;

/**
 * {@code drop view}. Its inverse creates the view again with the query it had.
 *
 * <p>The view is usually one a person made, which the history never recorded: replaying the
 * history onto a schema without it drops nothing (the database, which has it, is the judge), so
 * that a history dropping and re-creating a hand-made view still replays.
 */
public record DropView(String name) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.hasView(name) ? before.withoutView(name) : before;
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
