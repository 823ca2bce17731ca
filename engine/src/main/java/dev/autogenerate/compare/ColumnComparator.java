package dev.autogenerate.compare;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Columns, matched by name: new ones added, gone ones dropped (saying their data goes with
 * them), and each one both sides have altered in one step for everything that differs: its type,
 * nullability, default and comment, each decided by its own comparator.
 */
final class ColumnComparator implements TableElementComparator {

  private final ComparisonRules rules;
  private final TypeComparator types;
  private final DefaultComparator defaults;
  private final CommentComparator comments;

  ColumnComparator(ComparisonRules rules) {
    this.rules = rules;
    this.types = new TypeComparator(rules);
    this.defaults = new DefaultComparator(rules);
    this.comments = new CommentComparator();
  }

  @Override
  public void compare(Table existing, Table wanted, TableChanges changes) {
    String table = wanted.name();
    for (Column column : wanted.columns()) {
      if (!existing.hasColumn(column.name())) {
        changes.column(new AddColumn(table, column), addColumnNote(table, column));
        changes.warnIfOnlyThisDatabaseLacks("column " + table + "." + column.name(),
            recorded -> recorded.hasColumn(column.name()), "the migration's own add column, run by hand");
      }
    }
    for (Column column : wanted.columns()) {
      existing.column(column.name()).ifPresent(was -> alter(table, was, column, changes));
    }
    for (Column column : existing.columns()) {
      if (wanted.hasColumn(column.name())) {
        continue;
      }
      // One no migration created (made by hand, by ddl-auto) is the database's own: its drop would
      // fail on every database built from the migrations.
      if (changes.mayDrop(recorded -> recorded.hasColumn(column.name()))) {
        List<String> alongWith = DroppedWithColumn.in(existing, column.name(), changes::dropsByName);
        changes.column(new DropColumn(table, column.name()),
            table + "." + column.name() + " is in the database but no entity maps it: dropping it deletes its data"
                + (alongWith.isEmpty() ? "" : ", and the database drops with it " + String.join(", ", alongWith)
                    + " (the downgrade creates them again)"));
      } else {
        changes.keep(null, null, "column " + table + "." + column.name());
      }
    }
  }

  private void alter(String table, Column was, Column wanted, TableChanges changes) {
    // Added one by one, not streamed: this runs for every column of every table.
    List<ColumnDifference> found = new ArrayList<>(4);
    types.compare(was, wanted, changes.recorded().flatMap(recorded -> recorded.column(wanted.name())))
        .ifPresent(found::add);
    nullability(was, wanted).ifPresent(found::add);
    if (wanted.identity() && !was.identity() && !rules.isGeneratedDefault(was.defaultSql())) {
      found.add(new ColumnDifference(new ColumnChange.SetIdentity(true),
          "now an identity (the database generates it), starting past the values the rows hold"));
    }
    if (was.identity() && !wanted.identity() && !changes.numbersFromOwnSequence(wanted.name())
        && !identityOfTheRowidOnly(was, changes)) {
      // IDENTITY made SEQUENCE (or assigned ids): a new sequence starts below the rows' ids. The
      // plan moves the sequence the entity names past them; ids from elsewhere, it cannot.
      found.add(new ColumnDifference(new ColumnChange.SetIdentity(false), "no longer an identity"));
      if (!changes.numbersFromSequencePastRows(wanted.name())) {
        changes.warn(table + "." + wanted.name() + ": the database generates it (identity), but the entities no"
            + " longer let it, and take its ids from no sequence of their own: whatever numbers it now starts"
            + " below the ids the rows have, so new rows may collide with them; for a sequence, move it past them"
            + " in the migration (op.advanceSequence(\"SEQUENCE\", \"" + table + "\", \"" + wanted.name()
            + "\", ALLOCATION_SIZE))");
      }
    }
    defaults.compare(table, was, wanted, changes).ifPresent(found::add);
    comments.compare(table, was, wanted, changes).ifPresent(found::add);
    if (!found.isEmpty()) {
      changes.column(new AlterColumn(table, wanted.name(), found.stream().map(ColumnDifference::change).toList()),
          table + "." + wanted.name() + ": " + String.join("; ", found.stream().map(ColumnDifference::note).toList()));
    }
  }

  /**
   * Whether the database reads the column as an identity only because its integer primary key
   * numbers the rows by itself (SQLite), where the applied migrations made it no identity: an
   * Integer id from a sequence was "no longer an identity" at every check (found by this
   * session's review), and no migration can change it there.
   */
  private boolean identityOfTheRowidOnly(Column was, TableChanges changes) {
    return identityOfTheRowidOnly(rules.integerKeysNumberThemselves(),
        changes.recorded().flatMap(table -> table.column(was.name())));
  }

  /** The same, given what the applied migrations made of the column. */
  static boolean identityOfTheRowidOnly(boolean integerKeysNumberThemselves, Optional<Column> made) {
    return integerKeysNumberThemselves && made.map(column -> !column.identity()).orElse(false);
  }

  /**
   * Whether the database numbers {@code table.column} by an identity (a serial's too), not only as
   * SQLite's rowid where the migrations made none: what a sequence taking over its ids replaces
   * ({@link SequencesPastRows}, {@link SequenceComparator}); a rowid's own sequence has numbered
   * such a column all along.
   */
  static boolean numberedByIdentity(boolean integerKeysNumberThemselves, Schema current, Optional<Schema> recorded,
      String table, String column) {
    return current.table(table).flatMap(kept -> kept.column(column)).map(Column::identity).orElse(false)
        && !identityOfTheRowidOnly(integerKeysNumberThemselves,
            recorded.flatMap(schema -> schema.table(table)).flatMap(made -> made.column(column)));
  }

  private static Optional<ColumnDifference> nullability(Column was, Column wanted) {
    if (was.nullable() == wanted.nullable()) {
      return Optional.empty();
    }
    return Optional.of(new ColumnDifference(new ColumnChange.SetNullable(wanted.nullable()),
        wanted.nullable() ? "now nullable" : "now NOT NULL: fails if any row holds null"));
  }

  private static String addColumnNote(String table, Column column) {
    if (column.nullable() || column.identity() || column.defaultSql() != null) {
      return null;
    }
    return table + "." + column.name() + " is NOT NULL without a default: this fails if " + table
        + " has rows; give it a default or fill it in a data migration first";
  }
}
