package dev.autogenerate.runtime;

import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateIndexConcurrently;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.LeaveToDatabase;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The objects the applied revisions left to the database ({@link LeaveToDatabase}), followed
 * through the operations after them: a table or column renamed takes its objects' marks along, and
 * an object a later revision drops, or creates or changes again, is the migrations' own from then
 * on. What is left at the end is taken out of the schema the revisions record, so that comparing
 * with the entities finds no migration created it, and leaves it alone.
 */
final class DatabasesOwn {

  private final List<LeaveToDatabase> left = new ArrayList<>();

  void follow(Operation operation) {
    if (operation instanceof LeaveToDatabase leave) {
      left.add(leave);
    } else if (operation instanceof DropTable drop) {
      left.removeIf(leave -> leave.table().equals(drop.table()));
    } else if (operation instanceof RenameTable rename) {
      left.replaceAll(leave -> leave.table().equals(rename.from())
          ? new LeaveToDatabase(rename.to(), leave.kind(), leave.name()) : leave);
    } else if (operation instanceof DropColumn drop) {
      left.removeIf(leave -> ofColumn(leave, drop.table(), drop.column()));
    } else if (operation instanceof RenameColumn rename) {
      left.replaceAll(leave -> ofColumn(leave, rename.table(), rename.from())
          ? new LeaveToDatabase(leave.table(), leave.kind(), rename.to()) : leave);
    } else if (operation instanceof AlterColumn alter) {
      alter.newDefault().ifPresent(change -> forget(alter.table(), Kind.DEFAULT, alter.column()));
      alter.newComment().ifPresent(change -> forget(alter.table(), Kind.COMMENT, alter.column()));
    } else if (operation instanceof SetTableComment comment) {
      forget(comment.table(), Kind.COMMENT, null);
    } else if (operation instanceof CreateIndex create) {
      forget(create.table(), Kind.INDEX, create.index().name());
    } else if (operation instanceof CreateIndexConcurrently create) {
      forget(create.table(), Kind.INDEX, create.index().name());
    } else if (operation instanceof DropIndex drop) {
      forget(drop.table(), Kind.INDEX, drop.name());
    } else if (operation instanceof AddConstraint add) {
      forget(add.table(), Kind.CONSTRAINT, add.constraint().name());
    } else if (operation instanceof AddConstraintNotValid add) {
      forget(add.table(), Kind.CONSTRAINT, add.constraint().name());
    } else if (operation instanceof AddUniqueUsingIndex add) {
      forget(add.table(), Kind.CONSTRAINT, add.constraint().name());
    } else if (operation instanceof DropConstraint drop) {
      forget(drop.table(), Kind.CONSTRAINT, drop.name());
    }
  }

  /** The marks still in force, in the order the revisions made them. */
  List<LeaveToDatabase> left() {
    return List.copyOf(left);
  }

  /** The schema without the objects still left to the database; one it does not hold is passed over. */
  Schema strip(Schema schema) {
    Schema stripped = schema;
    for (LeaveToDatabase leave : left) {
      try {
        stripped = removal(leave).applyTo(stripped);
      } catch (IllegalArgumentException notThere) {
        // Raw SQL dropped it, or the revision that left it never created it: nothing to take out.
      }
    }
    return stripped;
  }

  private static Operation removal(LeaveToDatabase leave) {
    return switch (leave.kind()) {
      case INDEX -> new DropIndex(leave.table(), leave.name());
      case CONSTRAINT -> new DropConstraint(leave.table(), leave.name());
      case DEFAULT -> AlterColumn.of(leave.table(), leave.name(), List.of(ColumnChange.dropDefault()));
      case COMMENT -> leave.name() == null ? new SetTableComment(leave.table(), null)
          : AlterColumn.of(leave.table(), leave.name(), List.of(ColumnChange.dropComment()));
    };
  }

  private void forget(String table, Kind kind, String name) {
    left.removeIf(leave -> leave.table().equals(table) && leave.kind() == kind && sameName(leave.name(), name, kind));
  }

  private static boolean ofColumn(LeaveToDatabase leave, String table, String column) {
    return leave.table().equals(table) && (leave.kind() == Kind.DEFAULT || leave.kind() == Kind.COMMENT)
        && column.equals(leave.name());
  }

  /** Index and constraint names as the comparison matches them, in any case. */
  private static boolean sameName(String one, String other, Kind kind) {
    return kind == Kind.INDEX || kind == Kind.CONSTRAINT
        ? one != null && one.equalsIgnoreCase(other) : Objects.equals(one, other);
  }
}
