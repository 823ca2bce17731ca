package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.util.List;

/**
 * {@code drop view}, or {@code drop materialized view} (PostgreSQL). Its inverse creates a plain
 * view again with the query it had; a materialized one, whose rows are stored, has no inverse.
 *
 * <p>The view is usually one a person made, which the history never recorded: replaying the
 * history onto a schema without it drops nothing (the database, which has it, is the judge), so
 * that a history dropping and re-creating a hand-made view still replays. For the same reason
 * the operation says itself which kind of view it drops: the SQL script written offline for a
 * DBA, from the replayed history, must drop it as the upgrade would.
 *
 * @param materialized whether the view is a materialized one
 */
public record DropView(String name, boolean materialized) implements Operation {

  /** {@code drop view}: a plain view. */
  public DropView(String name) {
    this(name, false);
  }

  @Override
  public Schema applyTo(Schema before) {
    return before.hasView(name) ? before.withoutView(name) : before;
  }

  @Override
  public List<Operation> inverse(Schema before) {
    View view = before.view(name).orElseThrow(() -> new IllegalArgumentException("no view " + name));
    if (materialized || view.materialized()) {
      throw new IllegalArgumentException("materialized view " + name + " cannot be created again from the"
          + " schema (its rows are stored): write the downgrade by hand");
    }
    return List.of(new CreateView(name, view.definition()));
  }

  @Override
  public String describe() {
    return (materialized ? "drop materialized view " : "drop view ") + name;
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
