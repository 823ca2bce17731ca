package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * Moves a sequence past the ids a table's rows hold, so that the ids it hands out next are new:
 * what a table with rows needs when its entity starts taking ids from a sequence made for it (an
 * id switched from IDENTITY to SEQUENCE), which would start at 1. The next value becomes the
 * column's largest plus {@code allocationSize}: Hibernate's pooled optimizer takes the block of
 * ids below each value it fetches, and a block must not reach the rows. A sequence already past
 * them, or a table without rows, is left as it is.
 *
 * <p>The schema does not change, and a downgrade has nothing to undo: a sequence further on
 * collides with nothing.
 *
 * @param allocationSize the ids the entity takes from one value ({@code allocationSize}, the
 *     sequence's increment), at least 1
 */
public record AdvanceSequence(String sequence, String table, String column, long allocationSize)
    implements Operation {

  public AdvanceSequence {
    if (allocationSize < 1) {
      throw new IllegalArgumentException("sequence " + sequence + " advanced with an allocation size of "
          + allocationSize + ": give the entity's allocationSize, 1 or more");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    if (before.sequence(sequence).isEmpty()) {
      throw new IllegalArgumentException("no sequence " + sequence);
    }
    if (before.requireTable(table).column(column).isEmpty()) {
      throw new IllegalArgumentException("table " + table + " has no column " + column);
    }
    return before;
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of();
  }

  @Override
  public String describe() {
    return "advance sequence " + sequence + " past " + table + "." + column;
  }

  @Override
  public String subject() {
    return sequence;
  }

  @Override
  public List<String> namesUsed() {
    return List.of(sequence, table);
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.advanceSequence(this);
  }
}
