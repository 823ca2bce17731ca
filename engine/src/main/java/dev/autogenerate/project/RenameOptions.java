package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.ColumnRename;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SequenceRename;
import dev.autogenerate.schema.TableRename;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --rename} options of {@code -m}, {@code revision --autogenerate} and {@code check}:
 * what {@code @RenamedFrom} says, for when the entities cannot say it.
 *
 * <ul>
 *   <li>{@code users.nickname=display_name}: column {@code nickname} of {@code users} is now
 *       {@code display_name}; {@code sales.users.nickname=display_name} in another schema;
 *   <li>{@code users=people}: table {@code users} is now {@code people};
 *       {@code sales.users=people} stays in its schema;
 *   <li>{@code orders_seq=order_ids}: sequence {@code orders_seq} is now {@code order_ids}, when
 *       the entities use a sequence of the new name and map no table of it.
 * </ul>
 *
 * <p>A name with a dot is a column when what comes before the last dot is a table the entities
 * map, and a schema-qualified table (or sequence) otherwise. Names are as the database holds them (no case
 * folding): these are names, not Java.
 */
final class RenameOptions {

  private RenameOptions() {}

  /**
   * @param target the entities' schema as the connection sees it: tells a column from a
   *     schema-qualified table
   */
  static Renames parse(List<String> values, Schema target) {
    List<TableRename> tables = new ArrayList<>();
    List<ColumnRename> columns = new ArrayList<>();
    List<SequenceRename> sequences = new ArrayList<>();
    for (String value : values) {
      String stated = "--rename " + value;
      int equals = value.indexOf('=');
      String old = equals < 0 ? "" : value.substring(0, equals).strip();
      String now = equals < 0 ? "" : value.substring(equals + 1).strip();
      if (old.isEmpty() || now.isEmpty() || now.contains("=")) {
        throw new UserError(stated + ": write TABLE.OLD=NEW for a column (users.nickname=display_name)"
            + " or OLD=NEW for a table or sequence (users=people)");
      }
      int dot = old.lastIndexOf('.');
      if (dot > 0 && target.hasTable(old.substring(0, dot)) && !now.contains(".")) {
        columns.add(new ColumnRename(old.substring(0, dot), now, List.of(old.substring(dot + 1)), stated));
        continue;
      }
      String schema = Schema.schemaOf(old);
      String renamed = now.contains(".") || schema == null ? now : schema + "." + now;
      try {
        if (target.sequence(renamed).isPresent() && !target.hasTable(renamed)) {
          sequences.add(new SequenceRename(renamed, old, stated));
        } else {
          tables.add(new TableRename(renamed, List.of(old), stated));
        }
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
    return new Renames(tables, columns, sequences);
  }
}
