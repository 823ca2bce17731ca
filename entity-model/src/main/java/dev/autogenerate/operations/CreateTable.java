package dev.autogenerate.operations;

import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code create table}, with its columns and constraints. Indexes and the table comment are
 * operations of their own ({@link CreateIndex}, {@link SetTableComment}), as in SQL.
 */
public record CreateTable(Table table) implements Operation {

  public CreateTable {
    if (!table.indexes().isEmpty() || table.comment() != null) {
      throw new IllegalArgumentException("create table " + table.name()
          + " takes columns and constraints; create its indexes and comment with their own operations");
    }
  }

  /** The operations that create a table as given, indexes and comment included. */
  public static List<Operation> recreating(Table table) {
    List<Operation> operations = new ArrayList<>();
    operations.add(new CreateTable(table.withComment(null).withoutIndexes()));
    for (Index index : table.indexes()) {
      operations.add(new CreateIndex(table.name(), index));
    }
    if (table.comment() != null) {
      operations.add(new SetTableComment(table.name(), table.comment()));
    }
    return operations;
  }

  @Override
  public Schema applyTo(Schema before) {
    if (before.hasTable(table.name())) {
      throw new IllegalArgumentException("table " + table.name() + " already exists");
    }
    return before.withTable(table);
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropTable(table.name()));
  }

  @Override
  public String describe() {
    return "create table " + table.name();
  }

  @Override
  public List<String> namesUsed() {
    List<String> names = new ArrayList<>();
    names.add(table.name());
    table.foreignKeys().forEach(key -> names.add(key.referencedTable()));
    return names;
  }

  @Override
  public String subject() {
    return table.name();
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.createTable(this);
  }
}
