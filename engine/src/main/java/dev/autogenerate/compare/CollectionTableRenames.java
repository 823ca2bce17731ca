package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables a table rename takes along: those JPA names after the entity, an
 * {@code @ElementCollection}'s {@code person_addresses} keyed by {@code person_id}, which the
 * entities now map as {@code human_addresses} keyed by {@code human_id}. Where the database has
 * the old table only, and it has the new one's columns once the old table's name in front of
 * theirs is the new one's, it is renamed with them, keeping its rows, rather than dropped and
 * created empty. Anything else is a drop and a create, as stated (and a warning with its rows).
 */
final class CollectionTableRenames {

  private CollectionTableRenames() {}

  /**
   * @param renames the renames decided so far, in order
   * @param renamed the database as those renames leave it
   * @param wanted the entities' schema
   */
  static List<Change> following(List<Change> renames, Schema renamed, Schema wanted) {
    List<Change> following = new ArrayList<>();
    Schema schema = renamed;
    for (Change change : renames) {
      if (!(change.operation() instanceof RenameTable table)) {
        continue;
      }
      for (Table old : List.copyOf(schema.tables().values())) {
        String now = SequenceRenames.followed(old.name(), table.from(), table.to());
        if (now == null || wanted.hasTable(old.name()) || schema.hasTable(now) || !wanted.hasTable(now)
            || !sameColumnsFollowing(old, wanted.requireTable(now), table)) {
          continue;
        }
        String reason = "table of " + table.from() + ", renamed with it to " + table.to() + ": it keeps its rows";
        RenameTable renameTable = new RenameTable(old.name(), now);
        following.add(new Change(renameTable, reason));
        schema = renameTable.applyTo(schema);
        for (Column column : old.columns()) {
          String followed = columnFollowing(column.name(), table);
          if (!followed.equals(column.name())) {
            RenameColumn renameColumn = new RenameColumn(now, column.name(), followed);
            following.add(new Change(renameColumn, "column of " + table.from() + ", renamed with it"));
            schema = renameColumn.applyTo(schema);
          }
        }
      }
    }
    return following;
  }

  /** The same column names once each old prefix is the new one. */
  private static boolean sameColumnsFollowing(Table old, Table now, RenameTable rename) {
    if (old.columns().size() != now.columns().size()) {
      return false;
    }
    return old.columns().stream().allMatch(column -> now.hasColumn(columnFollowing(column.name(), rename)));
  }

  /** A column named after the renamed table ({@code person_id}) under its new name, else as it is. */
  private static String columnFollowing(String column, RenameTable rename) {
    String followed = SequenceRenames.followed(column, Schema.unqualified(rename.from()), Schema.unqualified(rename.to()));
    return followed == null ? column : followed;
  }
}
