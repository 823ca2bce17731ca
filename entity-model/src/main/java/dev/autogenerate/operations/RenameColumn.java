package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * {@code alter table table rename column from to to}: the column keeps its values, and the keys,
 * checks and indexes that use it, and the foreign keys of any table that reference it, name the
 * new name, as both databases carry them over.
 */
public record RenameColumn(String table, String from, String to) implements Operation {

  public RenameColumn {
    if (table == null || table.isBlank() || from == null || from.isBlank() || to == null || to.isBlank()) {
      throw new IllegalArgumentException("rename column needs the table, the old and the new name");
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("rename column " + table + "." + from + " to itself");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    return before.withColumnRenamed(table, from, to);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new RenameColumn(table, to, from));
  }

  @Override
  public String describe() {
    return "rename column " + table + "." + from + " to " + to;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.renameColumn(this);
  }
}
