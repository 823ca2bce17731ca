package dev.autogenerate.operations;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code alter table ... alter column}: a new type, a new nullability, or both. What the column
 * was is read from the schema before, which is what makes the change reversible.
 */
public record AlterColumn(String table, String column, Optional<SqlType> type, Optional<Boolean> nullable)
    implements Operation {

  public AlterColumn {
    if (type.isEmpty() && nullable.isEmpty()) {
      throw new IllegalArgumentException("alter column " + table + "." + column + " changes nothing");
    }
  }

  public static AlterColumn of(String table, String column, List<ColumnChange> changes) {
    Optional<SqlType> type = Optional.empty();
    Optional<Boolean> nullable = Optional.empty();
    for (ColumnChange change : changes) {
      if (change instanceof ColumnChange.SetType setType) {
        type = Optional.of(setType.type());
      } else if (change instanceof ColumnChange.SetNullable setNullable) {
        nullable = Optional.of(setNullable.nullable());
      }
    }
    return new AlterColumn(table, column, type, nullable);
  }

  /** The changes in the order a migration lists them: type, then nullability. */
  public List<ColumnChange> changes() {
    List<ColumnChange> changes = new ArrayList<>(2);
    type.ifPresent(newType -> changes.add(new ColumnChange.SetType(newType)));
    nullable.ifPresent(newNullable -> changes.add(new ColumnChange.SetNullable(newNullable)));
    return changes;
  }

  public Column applyTo(Column before) {
    Column after = before;
    if (type.isPresent()) {
      after = after.withType(type.get());
    }
    if (nullable.isPresent()) {
      after = after.withNullable(nullable.get());
    }
    return after;
  }

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withColumnReplaced(column, this::applyTo));
  }

  @Override
  public Operation inverse(Schema before) {
    Column was = before.requireTable(table).column(column)
        .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no column " + column));
    return new AlterColumn(
        table,
        column,
        type.map(ignored -> was.type()),
        nullable.map(ignored -> was.nullable()));
  }

  @Override
  public String describe() {
    return "alter column " + table + "." + column;
  }
}
