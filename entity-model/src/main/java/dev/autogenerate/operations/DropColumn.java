package dev.autogenerate.operations;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code alter table ... drop column}. Its inverse adds the column back as it was defined, with
 * the constraints and indexes that went with it.
 */
public record DropColumn(String table, String column) implements Operation {

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withoutColumn(column)).withoutSequencesOwnedBy(table, column);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    Table was = before.requireTable(table);
    Column definition = was.column(column)
        .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no column " + column));
    // Dropping a column drops the constraints and indexes on it; undoing it restores them too.
    List<Operation> operations = new ArrayList<>();
    operations.add(new AddColumn(table, definition));
    Table without = was.withoutColumn(column);
    for (TableConstraint constraint : was.constraints()) {
      if (!without.constraints().contains(constraint)) {
        operations.add(new AddConstraint(table, constraint));
      }
    }
    for (Index index : was.indexes()) {
      if (!without.indexes().contains(index)) {
        operations.add(new CreateIndex(table, index));
      }
    }
    return operations;
  }

  @Override
  public String describe() {
    return "drop column " + table + "." + column;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.dropColumn(this);
  }
}
