package dev.autogenerate.compare;

import dev.autogenerate.operations.LeaveToDatabase;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The objects the applied migrations left to the database ({@code op.leaveIndexToDatabase}, as a
 * baseline writes for a DBA's index, check, default or comment on a mapped table). The comparison
 * leaves them alone as any object only the database has, and says nothing of them: a reviewed
 * migration acknowledged them, where an object no migration names (a DBA's since) is noted, and
 * fails {@code check --strict}. Asked for once, when the comparison first keeps such an object:
 * finding them replays the history (or reads its cache). One per comparison, on its thread.
 */
public final class LeftToDatabase {

  /** None known: every object only the database has is noted. */
  public static final LeftToDatabase NONE = new LeftToDatabase(List::of);

  private final Supplier<List<LeaveToDatabase>> marks;
  private List<LeaveToDatabase> found;

  private LeftToDatabase(Supplier<List<LeaveToDatabase>> marks) {
    this.marks = marks;
  }

  /** The marks in force after the applied revisions, read when first needed. */
  public static LeftToDatabase readWhenNeeded(Supplier<List<LeaveToDatabase>> marks) {
    return new LeftToDatabase(marks);
  }

  /**
   * The same marks as the plan's renames leave them (a table renamed takes its marks along, a
   * column its default's and comment's), for a comparison made under the new names: a pending
   * rename made every mark look like an object no migration created (this session's review).
   */
  LeftToDatabase following(List<Operation> renames) {
    if (renames.isEmpty() || this == NONE) {
      return this;
    }
    return new LeftToDatabase(() -> {
      List<LeaveToDatabase> renamed = new ArrayList<>(marks.get());
      for (Operation operation : renames) {
        if (operation instanceof RenameTable rename) {
          renamed.replaceAll(mark -> mark.table().equalsIgnoreCase(rename.from())
              ? new LeaveToDatabase(rename.to(), mark.kind(), mark.name()) : mark);
        } else if (operation instanceof RenameColumn rename) {
          renamed.replaceAll(mark -> mark.table().equalsIgnoreCase(rename.table())
              && (mark.kind() == Kind.DEFAULT || mark.kind() == Kind.COMMENT) && rename.from().equals(mark.name())
              ? new LeaveToDatabase(mark.table(), mark.kind(), rename.to()) : mark);
        }
      }
      return renamed;
    });
  }

  /**
   * Whether a migration left this object to the database.
   *
   * @param name the index's or constraint's name, the column of a default or comment, or
   *     {@code null} for a table's comment
   */
  boolean holds(String table, Kind kind, String name) {
    if (found == null) {
      found = List.copyOf(marks.get());
    }
    // In any case, as the comparison matches names (SQLite keeps a name as it was written).
    return found.stream().anyMatch(mark -> mark.kind() == kind && mark.table().equalsIgnoreCase(table)
        && (name == null ? mark.name() == null : mark.name() != null && mark.name().equalsIgnoreCase(name)));
  }
}
