package dev.autogenerate.database;

import dev.autogenerate.compare.ComparisonRules;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
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
   * the schema the applied migrations recorded (when there is one), and, where the database keeps
   * fewer types than the portable model, each column's type as the migrations wrote it when the
   * database cannot tell the two apart: SQLite reads a {@code bigint} identity back as
   * {@code integer}, and a downgrade made there must re-create {@code bigint} for PostgreSQL.
   *
   * @param recorded replays the applied migrations; called only where the database lacks
   *     something, so PostgreSQL never pays for the replay
   * @param typesAlike how the database tells types apart, or null when it stores every portable
   *     type exactly
   */
  static Schema fill(Schema inspected, Supplier<Optional<Schema>> recorded, boolean storesComments,
      boolean storesEnumTypes, ComparisonRules typesAlike) {
    boolean storesIncrements = typesAlike == null || typesAlike.storesSequenceIncrement();
    if (storesComments && storesEnumTypes && typesAlike == null) {
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
      if (written.isEmpty()) {
        tables.add(table);
        continue;
      }
      List<Column> columns = new ArrayList<>();
      for (Column column : table.columns()) {
        Optional<Column> recordedColumn = written.get().column(column.name());
        Column filled = storesComments ? column : column.comment(recordedColumn.map(Column::comment).orElse(null));
        if (typesAlike != null && recordedColumn.isPresent() && typesAlike.sameType(column.type(),
            recordedColumn.get().type(), column.identity() && recordedColumn.get().identity())) {
          filled = filled.withType(recordedColumn.get().type());
        }
        columns.add(filled);
      }
      tables.add(new Table(table.name(), columns, table.primaryKey(), table.uniqueConstraints(), table.foreignKeys(),
          table.checks(), table.indexes(), storesComments ? table.comment() : written.get().comment()));
    }
    // A sequence table has no increment (SQLite): the allocationSize the migrations gave it.
    List<Sequence> sequences = inspected.sequences().values().stream()
        .map(sequence -> storesIncrements ? sequence : history.sequence(sequence.name())
            .map(written -> new Sequence(sequence.name(), sequence.startWith(), written.incrementBy())).orElse(sequence))
        .toList();
    return Schema.of(tables, sequences,
        storesEnumTypes ? inspected.enumTypes().values() : history.enumTypes().values())
        .withViewsAndTriggers(inspected.views().values(), inspected.triggers().values());
  }
}
