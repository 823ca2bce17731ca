package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.RenameSequence;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sequences a table rename takes along: one named after the old table ({@code users_seq},
 * Hibernate's {@code <name>_SEQ}) that the entities now map under the new table's name
 * ({@code people_seq}), and the database has only under the old one, is renamed, keeping its
 * value, instead of dropped and created again at its start (which would hand out the ids of rows
 * already there). Only the table's name in front, followed by {@code _}, counts: anything else is
 * a drop and a create, as stated.
 */
final class SequenceRenames {

  private SequenceRenames() {}

  /**
   * @param renames the renames decided so far, in order
   * @param renamed the database as those renames leave it
   * @param wanted the entities' schema
   */
  static List<Change> following(List<Change> renames, Schema renamed, Schema wanted) {
    List<Change> sequences = new ArrayList<>();
    Schema schema = renamed;
    for (Change change : renames) {
      if (!(change.operation() instanceof RenameTable table)) {
        continue;
      }
      for (Sequence sequence : List.copyOf(schema.sequences().values())) {
        String followed = followed(sequence.name(), table.from(), table.to());
        if (followed != null && wanted.sequence(sequence.name()).isEmpty() && wanted.sequence(followed).isPresent()
            && schema.sequence(followed).isEmpty()) {
          RenameSequence rename = new RenameSequence(sequence.name(), followed);
          sequences.add(new Change(rename, "sequence of " + table.from() + ", renamed with it to " + table.to()
              + ": it keeps its value, so new ids do not collide with the rows"));
          schema = rename.applyTo(schema);
        }
      }
    }
    return sequences;
  }

  /**
   * A name made from a table's ({@code users_seq}, {@code users_nicknames}, {@code users_id}) with
   * the old table's name in front replaced by the new one's, or null where it does not begin so.
   */
  static String followed(String name, String oldTable, String newTable) {
    String prefix = oldTable.toLowerCase(Locale.ROOT) + "_";
    if (!name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return null;
    }
    return newTable + "_" + name.substring(prefix.length());
  }
}
