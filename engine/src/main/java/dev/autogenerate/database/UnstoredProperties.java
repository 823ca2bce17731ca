package dev.autogenerate.database;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fills in what a database cannot store from what its migrations recorded. SQLite has no enum
 * types and no comments, yet a migration made against it must carry them, so that it creates them
 * on PostgreSQL in production. Compared with the inspected SQLite schema alone, they would be
 * proposed again on every run; compared with the schema the applied migrations recorded, they are
 * proposed once, like everything else.
 */
final class UnstoredProperties {

  private UnstoredProperties() {}

  /**
   * The inspected schema, with the enum types and comments the database does not store taken from
   * the schema the applied migrations recorded (when there is one).
   *
   * @param recorded replays the applied migrations; called only where the database lacks
   *     something, so PostgreSQL never pays for the replay
   */
  static Schema fill(Schema inspected, Supplier<Optional<Schema>> recorded, boolean storesComments,
      boolean storesEnumTypes) {
    if (storesComments && storesEnumTypes) {
      return inspected;
    }
    Optional<Schema> replayed = recorded.get();
    if (replayed.isEmpty()) {
      return inspected;
    }
    Schema history = replayed.get();
    List<Table> tables = new ArrayList<>();
    for (Table table : inspected.tables().values()) {
      Optional<Table> written = history.table(table.name());
      if (storesComments || written.isEmpty()) {
        tables.add(table);
        continue;
      }
      List<Column> columns = new ArrayList<>();
      for (Column column : table.columns()) {
        columns.add(column.comment(written.get().column(column.name()).map(Column::comment).orElse(null)));
      }
      tables.add(new Table(table.name(), columns, table.primaryKey(), table.uniqueConstraints(), table.foreignKeys(),
          table.checks(), table.indexes(), written.get().comment()));
    }
    return Schema.of(tables, inspected.sequences().values(),
        storesEnumTypes ? inspected.enumTypes().values() : history.enumTypes().values());
  }
}
