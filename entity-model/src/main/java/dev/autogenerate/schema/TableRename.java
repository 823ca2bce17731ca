package dev.autogenerate.schema;

import java.util.List;
import java.util.Objects;

/**
 * A table the entities map that had another name before: the comparison renames the old table
 * instead of dropping it and creating this one, so its rows stay.
 *
 * @param table the table's name now, as the entities' schema names it ({@code sales.people})
 * @param from its earlier names, as the database holds them, qualified like {@code table}: a
 *     rename never moves a table to another schema
 * @param statedBy where the rename was stated, for messages: {@code @RenamedFrom("users") on
 *     com.example.Person} or {@code --rename users=people}
 */
public record TableRename(String table, List<String> from, String statedBy) {

  public TableRename {
    Identifiers.requireValid(table, "renamed table");
    from = Identifiers.requireColumns(from, "a table rename's old");
    Identifiers.requireValid(statedBy, "where a rename is stated");
    for (String old : from) {
      if (!Objects.equals(Schema.schemaOf(old), Schema.schemaOf(table))) {
        throw new IllegalArgumentException(statedBy + ": table " + old + " is in another schema than " + table
            + ", and a rename does not move a table between schemas");
      }
    }
  }
}
