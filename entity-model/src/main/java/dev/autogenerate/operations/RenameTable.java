package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;
import java.util.Objects;

/**
 * {@code alter table from rename to to}: the table keeps its rows, columns, constraints and
 * indexes, and the foreign keys of other tables that reference it follow it, as both databases
 * carry them over. Names are as elsewhere ({@code sales.orders}); a rename stays in its schema.
 */
public record RenameTable(String from, String to) implements Operation {

  public RenameTable {
    if (from == null || from.isBlank() || to == null || to.isBlank()) {
      throw new IllegalArgumentException("rename table needs the old and the new name");
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("rename table " + from + " to itself");
    }
    if (!Objects.equals(Schema.schemaOf(from), Schema.schemaOf(to))) {
      throw new IllegalArgumentException("rename table " + from + " to " + to
          + ": a rename does not move a table to another schema");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    return before.withTableRenamed(from, to);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new RenameTable(to, from));
  }

  @Override
  public String describe() {
    return "rename table " + from + " to " + to;
  }

  /**
   * The new name: the steps that follow a rename name the table so, and run with it as one group
   * (a SQLite rebuild after the rename rebuilds the renamed table).
   */
  @Override
  public String subject() {
    return to;
  }

  @Override
  public List<String> namesUsed() {
    return List.of(from, to);
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.renameTable(this);
  }
}
