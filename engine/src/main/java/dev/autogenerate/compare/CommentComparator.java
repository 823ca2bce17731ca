package dev.autogenerate.compare;

import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Table;
import java.util.Objects;
import java.util.Optional;

/**
 * Comments on tables and columns, compared exactly. A comment the entities do not state, which no
 * migration set (a DBA's, on a database adopted with -m), is the database's own and kept, as an
 * unmapped default or index is.
 */
final class CommentComparator implements TableElementComparator {

  /** The table's comment, set after everything else about the table. */
  @Override
  public void compare(Table existing, Table wanted, TableChanges changes) {
    if (Objects.equals(existing.comment(), wanted.comment())) {
      return;
    }
    if (wanted.comment() == null && !changes.mayDrop(recorded -> recorded.comment() != null)) {
      changes.keep(Kind.COMMENT, null, "comment on table " + wanted.name());
      return;
    }
    changes.afterColumns(new SetTableComment(wanted.name(), wanted.comment()), null);
  }

  /** A column's comment, set with the column's other changes. */
  Optional<ColumnDifference> compare(String table, Column was, Column wanted, TableChanges changes) {
    if (Objects.equals(was.comment(), wanted.comment())) {
      return Optional.empty();
    }
    if (wanted.comment() == null && !changes.mayDropOfColumn(wanted.name(), column -> column.comment() != null)) {
      changes.keep(Kind.COMMENT, wanted.name(), "comment on column " + table + "." + wanted.name());
      return Optional.empty();
    }
    return Optional.of(new ColumnDifference(new ColumnChange.SetComment(wanted.comment()),
        wanted.comment() == null ? "comment removed" : "comment changed"));
  }
}
