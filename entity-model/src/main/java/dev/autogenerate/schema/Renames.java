package dev.autogenerate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The tables, columns and sequences of a target schema that were called otherwise before, as the
 * entities ({@code @RenamedFrom}) or the command line ({@code --rename}, the only way to name a
 * sequence's old name) state them.
 *
 * <p>Kept apart from the {@link Schema} on purpose: a schema is what a database has or should
 * have, and an inspected database has no memory of old names. Two schemas that are the same
 * tables stay equal values (and checksum alike) whatever renames led to them; only the comparison
 * reads renames, to turn a drop and an add into a rename.
 *
 * @param tables renamed tables, in the order stated
 * @param columns renamed columns, in the order stated; their tables by their names now
 * @param sequences renamed sequences, in the order stated
 */
public record Renames(List<TableRename> tables, List<ColumnRename> columns, List<SequenceRename> sequences) {

  public static final Renames NONE = new Renames(List.of(), List.of());

  public Renames {
    tables = List.copyOf(tables);
    columns = List.copyOf(columns);
    sequences = List.copyOf(sequences);
  }

  /** Renamed tables and columns, as the entities state them (they cannot name a sequence's old name). */
  public Renames(List<TableRename> tables, List<ColumnRename> columns) {
    this(tables, columns, List.of());
  }

  public boolean isEmpty() {
    return tables.isEmpty() && columns.isEmpty() && sequences.isEmpty();
  }

  /** These renames, then {@code other}'s. */
  public Renames and(Renames other) {
    List<TableRename> allTables = new ArrayList<>(tables);
    allTables.addAll(other.tables);
    List<ColumnRename> allColumns = new ArrayList<>(columns);
    allColumns.addAll(other.columns);
    List<SequenceRename> allSequences = new ArrayList<>(sequences);
    allSequences.addAll(other.sequences);
    return new Renames(allTables, allColumns, allSequences);
  }

  /**
   * These renames as seen from a connection whose current schema is {@code currentSchema}, as
   * {@link Schema#withDefaultSchema} sees the target schema they go with: names qualified by that
   * schema lose the qualifier. A null current schema changes nothing.
   */
  public Renames withDefaultSchema(String currentSchema) {
    if (currentSchema == null) {
      return this;
    }
    String prefix = currentSchema + ".";
    UnaryOperator<String> strip = name -> name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    return new Renames(
        tables.stream().map(rename -> new TableRename(strip.apply(rename.table()),
            rename.from().stream().map(strip).toList(), rename.statedBy())).toList(),
        columns.stream().map(rename -> new ColumnRename(strip.apply(rename.table()), rename.column(),
            rename.from(), rename.statedBy())).toList(),
        sequences.stream().map(rename -> new SequenceRename(strip.apply(rename.sequence()),
            strip.apply(rename.from()), rename.statedBy())).toList());
  }
}
