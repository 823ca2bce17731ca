package dev.autogenerate.operations;

import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.List;

/**
 * {@code alter table ... add constraint ... unique using index ...}: makes a unique index built
 * beforehand (concurrently, in a revision of its own) the index of a new unique constraint.
 * PostgreSQL then holds its strong lock on the table for an instant, where adding the constraint
 * outright would hold it while the index is built from every row. The index has the constraint's
 * name and columns, ascending; it becomes the constraint's. On SQLite the table is rebuilt with
 * the constraint, and the index goes with the old table.
 */
public record AddUniqueUsingIndex(String table, UniqueConstraint constraint) implements Operation {

  public AddUniqueUsingIndex {
    if (constraint.name() == null) {
      throw new IllegalArgumentException("a unique constraint added to " + table + " using an index needs a name:"
          + " the index's");
    }
  }

  /** The index the constraint takes over, as the revision before built it. */
  public Index index() {
    return Index.uniqueIndex(constraint.name(), constraint.columns().stream().map(IndexColumn::asc)
        .toArray(IndexColumn[]::new));
  }

  @Override
  public Schema applyTo(Schema before) {
    Index existing = before.requireTable(table).index(constraint.name())
        .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no index " + constraint.name()
            + " for the unique constraint to use"));
    if (!existing.equals(index())) {
      throw new IllegalArgumentException("index " + constraint.name() + " on " + table + " is not a unique index on "
          + String.join(", ", constraint.columns()) + ", ascending: a unique constraint cannot use it");
    }
    return new AddConstraint(table, constraint).applyTo(new DropIndex(table, constraint.name()).applyTo(before));
  }

  /** The constraint goes, and its index with it: the index is built again. */
  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropConstraint(table, constraint.name()), new CreateIndex(table, index()));
  }

  @Override
  public String describe() {
    return "add unique constraint " + constraint.name() + " on " + table + " using its index";
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.addUniqueUsingIndex(this);
  }
}
