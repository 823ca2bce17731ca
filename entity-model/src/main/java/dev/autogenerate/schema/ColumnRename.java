package dev.autogenerate.schema;

import java.util.List;

/**
 * A column the entities map that had another name before: the comparison renames the old column
 * instead of dropping it and adding this one, so its values stay.
 *
 * @param table the column's table, by its name now (after any rename of the table itself)
 * @param column the column's name now
 * @param from its earlier names, as the database holds them
 * @param statedBy where the rename was stated, for messages: {@code @RenamedFrom("nickname") on
 *     com.example.User.displayName} or {@code --rename users.nickname=display_name}
 */
public record ColumnRename(String table, String column, List<String> from, String statedBy) {

  public ColumnRename {
    Identifiers.requireValid(table, "table of a renamed column");
    Identifiers.requireValid(column, "renamed column");
    from = Identifiers.requireColumns(from, "a column rename's old");
    Identifiers.requireValid(statedBy, "where a rename is stated");
  }
}
