package dev.autogenerate.operations;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code alter table ... alter column}: a new type, nullability, identity, default or comment, in any
 * combination. What the column was is read from the schema before, which is what makes the
 * change reversible.
 *
 * @param changes at most one change of each kind, kept in a fixed order (type, nullability,
 *     identity, default, comment) so that equal alterations are equal values
 */
public record AlterColumn(String table, String column, List<ColumnChange> changes) implements Operation {

  private static final List<Class<? extends ColumnChange>> ORDER = List.of(
      ColumnChange.SetType.class, ColumnChange.SetNullable.class, ColumnChange.SetIdentity.class,
      ColumnChange.SetDefault.class, ColumnChange.SetComment.class);

  public AlterColumn {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("alter column " + table + "." + column + " changes nothing");
    }
    List<ColumnChange> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingInt(change -> ORDER.indexOf(change.getClass())));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).getClass() == sorted.get(i - 1).getClass()) {
        throw new IllegalArgumentException("alter column " + table + "." + column
            + " sets the same property twice: " + sorted.get(i).getClass().getSimpleName());
      }
    }
    changes = List.copyOf(sorted);
  }

  public static AlterColumn of(String table, String column, List<ColumnChange> changes) {
    return new AlterColumn(table, column, changes);
  }

  public Optional<SqlType> newType() {
    return find(ColumnChange.SetType.class).map(ColumnChange.SetType::type);
  }

  public Optional<Boolean> newNullable() {
    return find(ColumnChange.SetNullable.class).map(ColumnChange.SetNullable::nullable);
  }

  public Optional<Boolean> newIdentity() {
    return find(ColumnChange.SetIdentity.class).map(ColumnChange.SetIdentity::identity);
  }

  public Optional<ColumnChange.SetDefault> newDefault() {
    return find(ColumnChange.SetDefault.class);
  }

  public Optional<ColumnChange.SetComment> newComment() {
    return find(ColumnChange.SetComment.class);
  }

  public Column applyTo(Column before) {
    Column after = before;
    for (ColumnChange change : changes) {
      after = change.applyTo(after);
    }
    return after;
  }

  @Override
  public Schema applyTo(Schema before) {
    Schema after = before.withTable(before.requireTable(table).withColumnReplaced(column, this::applyTo));
    // A serial's sequence goes with the identity it made (PostgreSQL's statement drops it).
    boolean identityDropped = changes.stream()
        .anyMatch(change -> change instanceof ColumnChange.SetIdentity set && !set.identity());
    return identityDropped ? after.withoutSequencesOwnedBy(table, column) : after;
  }

  @Override
  public List<Operation> inverse(Schema before) {
    Column was = before.requireTable(table).column(column)
        .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no column " + column));
    return List.of(new AlterColumn(table, column, changes.stream().map(change -> change.inverse(was)).toList()));
  }

  @Override
  public String describe() {
    return "alter column " + table + "." + column + ": "
        + changes.stream().map(ColumnChange::describe).collect(Collectors.joining(", "));
  }

  private <T extends ColumnChange> Optional<T> find(Class<T> kind) {
    return changes.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.alterColumn(this);
  }
}
