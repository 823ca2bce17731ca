package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameSequence;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ColumnRename;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.SequenceRename;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableRename;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where renames are decided: which of the renames the entities ({@code @RenamedFrom}) and the
 * command line ({@code --rename}) state the database still needs. For each, by what the database
 * has:
 *
 * <ul>
 *   <li>the old name and not the new one: rename it (tables first, then columns, in the tables'
 *       new names), so the comparison that follows sees one table or column, not a drop and an add;
 *   <li>the new name: the rename is done already (the annotation may stay); if the old name is
 *       there too, that is said, as it will be dropped like any other unmapped table or column;
 *   <li>neither: an error, since a misspelt old name would otherwise drop the data silently
 *       (unless the table of a renamed column is itself new, when there is nothing to rename).
 * </ul>
 *
 * <p>An old name the entities still map (the new name itself among them), two renames of one old
 * name, and several old names present at once are errors too: the comparison never guesses
 * between them.
 */
final class RenameResolver {

  /**
   * The end of the error for a rename from the name itself: most often one that differs only in
   * case ({@code @Table(name = "Teams")}, {@code @RenamedFrom("teams")}), which an unquoted name
   * folds away.
   */
  private static final String SAME_NAME = " (names that differ only in case are one name unless quoted);"
      + " remove the rename, or name the old one as the database has it";

  /**
   * What the renames come to: the changes, in order, each saying where it was stated, and what was
   * noticed on the way.
   */
  record Resolved(List<Change> changes, List<String> warnings) {

    Resolved {
      changes = List.copyOf(changes);
      warnings = List.copyOf(warnings);
    }

    /** {@code schema} with the renames made. */
    Schema applyTo(Schema schema) {
      Schema renamed = schema;
      for (Change change : changes) {
        renamed = change.operation().applyTo(renamed);
      }
      return renamed;
    }
  }

  private RenameResolver() {}

  /**
   * @param current the database's schema
   * @param wanted the entities' schema
   * @throws RenameConflict when a rename cannot be carried out as stated
   */
  static Resolved resolve(Schema current, Schema wanted, Renames renames) {
    List<Change> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Set<String> renamedFrom = new LinkedHashSet<>();
    for (TableRename rename : mergedTables(renames.tables())) {
      tableRename(rename, current, wanted, renamedFrom, warnings).ifPresent(operation ->
          changes.add(new Change(operation, rename.statedBy() + ": renamed, keeping its rows")));
    }
    Schema renamed = new Resolved(changes, List.of()).applyTo(current);
    Set<String> renamedColumns = new LinkedHashSet<>();
    for (ColumnRename rename : mergedColumns(renames.columns())) {
      Optional<RenameColumn> operation = columnRename(rename, renamed, wanted, warnings);
      if (operation.isPresent()) {
        RenameColumn column = operation.get();
        if (!renamedColumns.add(column.table() + "." + column.from())) {
          throw new RenameConflict(rename.statedBy() + ": column " + column.table() + "." + column.from()
              + " is renamed twice; rename it once");
        }
        changes.add(new Change(column, rename.statedBy() + ": renamed, keeping its values"));
      }
    }
    for (SequenceRename rename : renames.sequences()) {
      Optional<RenameSequence> operation = sequenceRename(rename, renamed, wanted, warnings);
      if (operation.isPresent()) {
        changes.add(new Change(operation.get(), rename.statedBy() + ": renamed, keeping its value, so new ids do"
            + " not collide with the rows"));
        renamed = operation.get().applyTo(renamed);
      }
    }
    return new Resolved(changes, warnings);
  }

  private static Optional<RenameSequence> sequenceRename(SequenceRename rename, Schema current, Schema wanted,
      List<String> warnings) {
    String sequence = rename.sequence();
    if (wanted.sequence(sequence).isEmpty()) {
      throw new RenameConflict(rename.statedBy() + ": the entities use no sequence " + sequence
          + " (name the sequence as the entities use it now)");
    }
    if (rename.from().equals(sequence)) {
      throw new RenameConflict(rename.statedBy() + ": " + sequence + " is the name the entities use already");
    }
    if (wanted.sequence(rename.from()).isPresent()) {
      throw new RenameConflict(rename.statedBy() + ": the entities still use a sequence " + rename.from()
          + ", so it cannot become " + sequence + " (remove the rename, or the other generator)");
    }
    boolean oldThere = current.sequence(rename.from()).isPresent();
    if (current.sequence(sequence).isPresent()) {
      if (oldThere) {
        warnings.add("sequences " + rename.from() + " and " + sequence + " both exist, so " + rename.statedBy()
            + " renames nothing: " + rename.from() + " is dropped like any sequence no entity uses");
      }
      return Optional.empty();
    }
    if (!oldThere) {
      throw new RenameConflict(rename.statedBy() + ": the database has no sequence " + rename.from() + " (nor "
          + sequence + "); name the old sequence as the database has it");
    }
    return Optional.of(new RenameSequence(rename.from(), sequence));
  }

  private static Optional<RenameTable> tableRename(TableRename rename, Schema current, Schema wanted,
      Set<String> renamedFrom, List<String> warnings) {
    String table = rename.table();
    if (!wanted.hasTable(table)) {
      // Neither a table nor a sequence of the entities has the new name: the old one tells which was meant.
      boolean sequenceMeant = rename.from().stream().anyMatch(old -> current.sequence(old).isPresent() && !current.hasTable(old));
      throw new RenameConflict(rename.statedBy() + (sequenceMeant
          ? ": the entities use no sequence " + table + " (name the sequence as the entities use it now)"
          : ": the entities map no table " + table + " (name the table as the entities map it now)"));
    }
    for (String old : rename.from()) {
      if (old.equals(table)) {
        throw new RenameConflict(rename.statedBy() + ": " + table + " is the name the entities map the table to"
            + " already" + SAME_NAME);
      }
      if (wanted.hasTable(old)) {
        throw new RenameConflict(rename.statedBy() + ": the entities still map a table " + old
            + ", so it cannot become " + table + " (remove the rename, or the other mapping)");
      }
    }
    List<String> present = rename.from().stream().filter(current::hasTable).toList();
    if (current.hasTable(table)) {
      present.forEach(old -> warnings.add("tables " + old + " and " + table + " both exist, so " + rename.statedBy()
          + " renames nothing: " + old + " is dropped like any table no entity maps; move its rows by hand first"));
      return Optional.empty();
    }
    if (present.isEmpty()) {
      throw new RenameConflict(rename.statedBy() + ": the database has no table " + String.join(" or ", rename.from())
          + " (nor " + table + ")" + nameItAsTheDatabaseHasIt("table", rename.statedBy(), rename.from(),
              current.tables().keySet()));
    }
    if (present.size() > 1) {
      throw new RenameConflict(rename.statedBy() + ": the database has several of the old tables ("
          + String.join(", ", present) + "); say which one to rename");
    }
    String old = present.get(0);
    if (!renamedFrom.add(old)) {
      throw new RenameConflict(rename.statedBy() + ": table " + old + " is renamed twice; rename it once");
    }
    return Optional.of(new RenameTable(old, table));
  }

  private static Optional<RenameColumn> columnRename(ColumnRename rename, Schema renamed, Schema wanted,
      List<String> warnings) {
    String name = rename.table() + "." + rename.column();
    Optional<Table> wantedTable = wanted.table(rename.table());
    if (wantedTable.isEmpty() || !wantedTable.get().hasColumn(rename.column())) {
      throw new RenameConflict(rename.statedBy() + ": the entities map no column " + name
          + " (name the column as the entities map it now)");
    }
    for (String old : rename.from()) {
      if (old.equals(rename.column())) {
        throw new RenameConflict(rename.statedBy() + ": " + name + " is the name the entities map the column to"
            + " already" + SAME_NAME);
      }
      if (wantedTable.get().hasColumn(old)) {
        throw new RenameConflict(rename.statedBy() + ": the entities still map a column " + rename.table() + "." + old
            + ", so it cannot become " + rename.column() + " (remove the rename, or the other mapping)");
      }
    }
    Optional<Table> existing = renamed.table(rename.table());
    if (existing.isEmpty()) {
      return Optional.empty(); // a new table: its columns are created under their names now
    }
    List<String> present = rename.from().stream().filter(existing.get()::hasColumn).toList();
    if (existing.get().hasColumn(rename.column())) {
      present.forEach(old -> warnings.add(rename.table() + "." + old + " and " + name + " both exist, so "
          + rename.statedBy() + " renames nothing: " + old + " is dropped like any column no entity maps;"
          + " copy its values by hand first"));
      return Optional.empty();
    }
    if (present.isEmpty()) {
      throw new RenameConflict(rename.statedBy() + ": table " + rename.table() + " has no column "
          + String.join(" or ", rename.from()) + " (nor " + rename.column() + ")" + nameItAsTheDatabaseHasIt("column",
              rename.statedBy(), rename.from(), existing.get().columns().stream().map(Column::name).toList()));
    }
    if (present.size() > 1) {
      throw new RenameConflict(rename.statedBy() + ": table " + rename.table() + " has several of the old columns ("
          + String.join(", ", present) + "); say which one to rename");
    }
    return Optional.of(new RenameColumn(rename.table(), present.get(0), rename.column()));
  }

  /**
   * The end of the error for old names the database does not have: what to write instead. Most
   * often the database has the name in other letter case: a table created quoted, {@code
   * "WarehouseStock"}, which an unquoted {@code @RenamedFrom("WarehouseStock")} never reaches, as
   * an unquoted name is folded to lower case; only the quoted name does, and the error says so
   * exactly, not leaving the reader to guess that quotes are the fix. {@code --rename} takes names
   * as written, so there the name as the database has it is the fix.
   *
   * @param kind "table" or "column"
   * @param existing the names of that kind the database has (of the table, for a column)
   */
  private static String nameItAsTheDatabaseHasIt(String kind, String statedBy, List<String> from,
      Collection<String> existing) {
    List<String> otherCase = existing.stream()
        .filter(name -> from.stream().anyMatch(old -> old.equalsIgnoreCase(name)))
        .sorted()
        .toList();
    if (otherCase.isEmpty()) {
      return "; name the old " + kind + " as the database has it";
    }
    String found = String.join(" and ", otherCase.stream().map(name -> "\"" + name + "\"").toList());
    String fix = statedBy.startsWith("@RenamedFrom")
        ? "an unquoted name is folded to lower case, so quote it: write " + String.join(" or ",
            otherCase.stream().map(name -> "@RenamedFrom(\"\\\"" + name + "\\\"\")").toList())
        : "--rename takes names as written: write " + String.join(" or ", otherCase);
    return ", but it has " + found + ", which differs in case: " + fix;
  }

  /** One rename per table: the same table renamed by the annotation and the command line is one rename. */
  private static List<TableRename> mergedTables(List<TableRename> renames) {
    Map<String, TableRename> byTable = new LinkedHashMap<>();
    for (TableRename rename : renames) {
      byTable.merge(rename.table(), rename, (first, second) -> new TableRename(first.table(),
          union(first.from(), second.from()), first.statedBy()));
    }
    return List.copyOf(byTable.values());
  }

  private static List<ColumnRename> mergedColumns(List<ColumnRename> renames) {
    Map<String, ColumnRename> byColumn = new LinkedHashMap<>();
    for (ColumnRename rename : renames) {
      byColumn.merge(rename.table() + "\u0000" + rename.column(), rename, (first, second) -> new ColumnRename(
          first.table(), first.column(), union(first.from(), second.from()), first.statedBy()));
    }
    return List.copyOf(byColumn.values());
  }

  private static List<String> union(List<String> first, List<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
