package dev.autogenerate.compare;

import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Table;
import java.util.Objects;
import java.util.Optional;

/** Comments on tables and columns, compared exactly. */
final class CommentComparator implements TableElementComparator {

  /** The table's comment, set after everything else about the table. */
  @Override
  public void compare(Table existing, Table wanted, TableChanges changes) {
    if (!Objects.equals(existing.comment(), wanted.comment())) {
      changes.afterColumns(new SetTableComment(wanted.name(), wanted.comment()), null);
    }
  }

  /** A column's comment, set with the column's other changes. */
  Optional<ColumnDifference> compare(Column was, Column wanted) {
    if (Objects.equals(was.comment(), wanted.comment())) {
      return Optional.empty();
    }
    return Optional.of(new ColumnDifference(new ColumnChange.SetComment(wanted.comment()),
        wanted.comment() == null ? "comment removed" : "comment changed"));
  }
}
