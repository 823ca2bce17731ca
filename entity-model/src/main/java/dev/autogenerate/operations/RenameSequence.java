package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.List;

/**
 * {@code alter sequence ... rename to}: the sequence keeps its current value, so the ids it hands
 * out next do not collide with the rows already there, as a drop and a create starting again at 1
 * would. What a table rename needs when its sequence is named after it ({@code users_seq} ->
 * {@code people_seq}). The new name is in the old one's schema. Its subject is the new name.
 */
public record RenameSequence(String from, String to) implements Operation {

  public RenameSequence {
    if (from.equals(to)) {
      throw new IllegalArgumentException("sequence " + from + " renamed to its own name");
    }
    if (!java.util.Objects.equals(Schema.schemaOf(from), Schema.schemaOf(to))) {
      throw new IllegalArgumentException("sequence " + from + " cannot move to another schema (" + to + ")");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    Sequence sequence = before.sequence(from).orElseThrow(() -> new IllegalArgumentException("no sequence " + from));
    if (before.sequence(to).isPresent()) {
      throw new IllegalArgumentException("sequence " + to + " already exists");
    }
    return before.withoutSequence(from).withSequence(sequence.withName(to));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new RenameSequence(to, from));
  }

  @Override
  public String describe() {
    return "rename sequence " + from + " to " + to;
  }

  @Override
  public String subject() {
    return to;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.renameSequence(this);
  }
}
