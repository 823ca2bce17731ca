package dev.autogenerate.project;

import dev.autogenerate.changes.Change;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.LeaveToDatabase;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The objects of an adopted database's mapped tables that the entities do not map (a DBA's
 * partial index, a check, a default, a comment), as {@code baseline} leaves them to the database:
 * its migration creates them, so that a database built from the migrations equals the adopted
 * one, and marks them the database's own, so that the next {@code -m} does not propose to drop
 * them for having been created by a migration. They are what a comparison would drop were the
 * migrations to own every object of the database, and would not were they to own none.
 */
final class AdoptedButUnmapped {

  static final String WHY = "the database's own, which no entity maps: created above, left alone by later comparisons";

  private AdoptedButUnmapped() {}

  /**
   * @param ownedByMigrations the comparison of the adopted schema with the entities as if the
   *     migrations had created all of it
   * @param ownedByNone the same as if they had created none of it (as before the baseline): what
   *     it drops too is changed, not unmapped (a key whose actions differ, dropped and added again)
   * @param entities the entities' schema: only their tables' objects are left (a table no entity
   *     maps is adopted whole, and proposed for dropping)
   */
  static List<Change> of(MigrationPlan ownedByMigrations, MigrationPlan ownedByNone, Schema entities) {
    Set<LeaveToDatabase> changed = new HashSet<>(dropped(ownedByNone, entities));
    List<LeaveToDatabase> left = new ArrayList<>(dropped(ownedByMigrations, entities));
    left.removeIf(changed::contains);
    left.sort(Comparator.comparing(LeaveToDatabase::table).thenComparing(LeaveToDatabase::kind)
        .thenComparing(leave -> String.valueOf(leave.name())));
    List<Change> marks = new ArrayList<>();
    String table = null;
    for (LeaveToDatabase leave : left) {
      marks.add(new Change(leave, leave.table().equals(table) ? null : WHY));
      table = leave.table();
    }
    return marks;
  }

  /** The objects of the entities' tables that the plan drops, or whose default or comment it drops. */
  private static List<LeaveToDatabase> dropped(MigrationPlan plan, Schema entities) {
    List<LeaveToDatabase> dropped = new ArrayList<>();
    for (Change change : plan.upgradeChanges()) {
      Operation operation = change.operation();
      if (operation.subject() == null || !entities.hasTable(operation.subject())) {
        continue;
      }
      if (operation instanceof DropIndex drop) {
        dropped.add(new LeaveToDatabase(drop.table(), Kind.INDEX, drop.name()));
      } else if (operation instanceof DropConstraint drop) {
        dropped.add(new LeaveToDatabase(drop.table(), Kind.CONSTRAINT, drop.name()));
      } else if (operation instanceof AlterColumn alter) {
        alter.newDefault().filter(set -> set.sql() == null)
            .ifPresent(set -> dropped.add(new LeaveToDatabase(alter.table(), Kind.DEFAULT, alter.column())));
        alter.newComment().filter(set -> set.comment() == null)
            .ifPresent(set -> dropped.add(new LeaveToDatabase(alter.table(), Kind.COMMENT, alter.column())));
      } else if (operation instanceof SetTableComment comment && comment.comment() == null) {
        dropped.add(new LeaveToDatabase(comment.table(), Kind.COMMENT, null));
      }
    }
    return dropped;
  }
}
