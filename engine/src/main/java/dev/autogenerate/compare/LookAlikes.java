package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Drops and adds that look like a rename no rename names: a column dropped and one of the same
 * type added in the same table, a table dropped and one with the same columns created, the one
 * sequence dropped and the one created in a schema (a changed {@code @SequenceGenerator
 * sequenceName}, whose new sequence would start again at its first value and hand out the ids of
 * rows already there). They are pointed out, never guessed (a team may well mean a drop and an add): a warning, and a line in
 * the reason of the drop, which the file shows above it, saying how to keep the data.
 */
final class LookAlikes {

  /**
   * A drop that looks like a rename, and the warning saying so.
   *
   * @param dropped what is dropped, {@code table} or {@code table.column}, as a conflict over
   *     that drop names it ({@code sequence name} for a sequence, which no conflict names)
   */
  record Hint(String dropped, String warning) {}

  /** The upgrade with the drops' reasons completed, and the hints. */
  record Found(List<Change> upgrade, List<Hint> hints) {

    Found {
      upgrade = List.copyOf(upgrade);
      hints = List.copyOf(hints);
    }

    List<String> warnings() {
      return hints.stream().map(Hint::warning).toList();
    }

    /** The warnings about a drop a message names ("column orders.amount, which ..."). */
    List<String> about(String message) {
      return hints.stream().filter(hint -> message.contains(" " + hint.dropped() + ",")).map(Hint::warning).toList();
    }
  }

  private LookAlikes() {}

  /**
   * @param current the database's schema, which the upgrade starts from
   * @param upgrade the reviewed upgrade: only a drop and an add it really holds are pointed out
   */
  static Found in(Schema current, List<Change> upgrade, ComparisonRules rules) {
    Map<Integer, Table> droppedTables = new TreeMap<>();
    Map<Integer, Column> droppedColumns = new TreeMap<>();
    List<CreateTable> created = new ArrayList<>();
    List<AddColumn> added = new ArrayList<>();
    Map<Integer, Sequence> droppedSequences = new TreeMap<>();
    List<Sequence> createdSequences = new ArrayList<>();
    Schema schema = current;
    for (int i = 0; i < upgrade.size(); i++) {
      Operation operation = upgrade.get(i).operation();
      if (operation instanceof DropTable drop && schema.hasTable(drop.table())) {
        droppedTables.put(i, schema.requireTable(drop.table()));
      } else if (operation instanceof DropColumn drop && schema.hasTable(drop.table())) {
        int index = i;
        schema.requireTable(drop.table()).column(drop.column()).ifPresent(column -> droppedColumns.put(index, column));
      } else if (operation instanceof CreateTable create) {
        created.add(create);
      } else if (operation instanceof AddColumn add) {
        added.add(add);
      } else if (operation instanceof DropSequence drop && schema.sequence(drop.name()).isPresent()) {
        droppedSequences.put(i, schema.sequence(drop.name()).get());
      } else if (operation instanceof CreateSequence create) {
        createdSequences.add(create.sequence());
      }
      schema = operation.applyTo(schema);
    }
    List<Hint> hints = new ArrayList<>();
    List<Change> noted = new ArrayList<>(upgrade);
    for (Map.Entry<Integer, Table> drop : droppedTables.entrySet()) {
      Table old = drop.getValue();
      for (CreateTable create : created) {
        if (sameColumns(old, create.table(), rules)) {
          String hint = tableHint(old.name(), create.table().name());
          hints.add(new Hint(old.name(), hint));
          noted.set(drop.getKey(), withLine(noted.get(drop.getKey()), hint));
        }
      }
    }
    for (Map.Entry<Integer, Column> drop : droppedColumns.entrySet()) {
      String table = ((DropColumn) upgrade.get(drop.getKey()).operation()).table();
      Column old = drop.getValue();
      for (AddColumn add : added) {
        if (add.table().equals(table) && rules.sameType(old.type(), add.column().type(), false)) {
          String hint = columnHint(table, old.name(), add.column().name());
          hints.add(new Hint(table + "." + old.name(), hint));
          noted.set(drop.getKey(), withLine(noted.get(drop.getKey()), hint));
        }
      }
    }
    // A sequence named after a table the upgrade drops (Hibernate's <table>_seq) goes with its
    // rows; pairs are pointed out only where they cannot be confused: one old, one new.
    Set<String> tablesDropped = new HashSet<>();
    droppedTables.values().forEach(table -> tablesDropped.add(table.name().toLowerCase(Locale.ROOT)));
    List<Map.Entry<Integer, Sequence>> oldOnes = droppedSequences.entrySet().stream()
        .filter(drop -> tablesDropped.stream().noneMatch(table ->
            drop.getValue().name().toLowerCase(Locale.ROOT).startsWith(table + "_")))
        .toList();
    if (oldOnes.size() == 1 && createdSequences.size() == 1) {
      Map.Entry<Integer, Sequence> drop = oldOnes.get(0);
      Sequence now = createdSequences.get(0);
      // Whatever their increments: a sequenceName and an allocationSize may change together.
      if (Objects.equals(Schema.schemaOf(now.name()), Schema.schemaOf(drop.getValue().name()))) {
        String hint = sequenceHint(drop.getValue().name(), now.name());
        hints.add(new Hint("sequence " + drop.getValue().name(), hint));
        noted.set(drop.getKey(), withLine(noted.get(drop.getKey()), hint));
      }
    }
    return new Found(noted, hints);
  }

  /** The same column names, in any order, each of the same type. */
  private static boolean sameColumns(Table old, Table created, ComparisonRules rules) {
    if (old.columns().size() != created.columns().size()) {
      return false;
    }
    for (Column column : old.columns()) {
      boolean same = created.column(column.name())
          .map(other -> rules.sameType(column.type(), other.type(), column.identity() && other.identity()))
          .orElse(false);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static String columnHint(String table, String old, String now) {
    return table + "." + old + " and " + table + "." + now + " look like a rename: add @RenamedFrom(\"" + old
        + "\") to keep the data (or, for a join or collection table, which has no field for it, --rename " + table + "."
        + old + "=" + now + ")";
  }

  private static String tableHint(String old, String now) {
    if (!Objects.equals(Schema.schemaOf(old), Schema.schemaOf(now))) {
      // A rename keeps a table in its schema: the move is a statement of its own, before this revision.
      String schema = Schema.schemaOf(now) == null ? "public" : Schema.schemaOf(now);
      return "tables " + old + " and " + now + " look like the same table moved to schema " + schema + ", which a"
          + " rename does not do: to keep the data, move it in a revision of its own before this one (op.execute("
          + "\"alter table " + inJavaText(old) + " set schema " + inJavaText(schema) + "\"), the default schema's name where"
          + " it is not public), then run -m again";
    }
    return "tables " + old + " and " + now + " look like a rename: add @RenamedFrom(\"" + Schema.unqualified(old)
        + "\") to the entity to keep the data (or, for a join or collection table, which has no entity, --rename " + old
        + "=" + Schema.unqualified(now) + ")";
  }

  /**
   * A schema-qualified name as SQL writes it ({@link LockSafeRevisions#quoted}, each part), inside
   * the Java string of an {@code op.execute} the hint shows: its quotes escaped.
   */
  private static String inJavaText(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("\\.")) {
      parts.add(LockSafeRevisions.quoted(part));
    }
    return String.join(".", parts).replace("\"", "\\\"");
  }

  private static String sequenceHint(String old, String now) {
    return "sequences " + old + " and " + now + " look like a rename: " + now + " starts again at its first value,"
        + " handing out ids the rows may hold already; --rename " + old + "=" + Schema.unqualified(now)
        + " keeps the value";
  }

  private static Change withLine(Change change, String line) {
    return new Change(change.operation(), change.reason() == null ? line : change.reason() + "\n" + line);
  }
}
