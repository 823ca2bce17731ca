package dev.autogenerate.database.sqlite;

import static dev.autogenerate.database.Ddl.qualifiedName;
import static dev.autogenerate.database.SqlIdentifiers.quote;

import dev.autogenerate.database.Ddl;
import dev.autogenerate.database.SqlIdentifiers;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.View;
import dev.autogenerate.schema.ViewUses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQLite's way to change what {@code alter table} cannot (a column's type, nullability or
 * default, any constraint): create the new shape under a temporary name, copy the rows of the
 * columns both shapes have (and the {@code autoincrement} high-water mark), drop the old table,
 * rename the new one, and create the indexes again. The views that read the table (and those that
 * read them) are dropped first and created again after, as SQLite's rename refuses to leave a view
 * naming a missing table; the table's triggers, which its drop takes along, and every trigger
 * naming the table or one of those views are created again too. All in the revision's
 * transaction.
 * Foreign-key enforcement is off while a revision runs, so the drop neither cascades nor fails,
 * and the revision commits only if every reference still holds ({@link SqliteRevisionGuard}).
 */
final class SqliteTableRebuild {

  static final String TEMPORARY_PREFIX = "_autogenerate_rebuild_";

  private SqliteTableRebuild() {}

  /**
   * The statements that turn table {@code from} into {@code to}, keeping the rows, the indexes,
   * and the views and triggers of {@code schema} that depend on it.
   */
  static List<String> statements(Table from, Table to, Schema schema) {
    return statements(from, to, schema, Map.of());
  }

  /**
   * The same, where columns were added to the table since {@code from}: each row takes such a
   * column's default as it was added (null where it had none), as {@code alter table add column}
   * gives it, rather than the values of an old column of that name (dropped, then added again)
   * or the default a later step gave it or took away.
   *
   * @param added the columns added since {@code from}, by name, with their default's SQL or null
   */
  static List<String> statements(Table from, Table to, Schema schema, Map<String, String> added) {
    List<View> views = schema.viewsDependingOn(List.of(from.name()));
    Set<String> viewNames = views.stream().map(View::name).collect(Collectors.toSet());
    List<Trigger> triggers = schema.triggers().values().stream()
        .filter(trigger -> trigger.table().equals(from.name()) || viewNames.contains(trigger.table())
            || ViewUses.names(trigger.sql(), from.name())
            || viewNames.stream().anyMatch(view -> ViewUses.names(trigger.sql(), view)))
        .toList();
    List<String> statements = new ArrayList<>(keepableGuard(from));
    for (Trigger trigger : triggers) {
      statements.add("drop trigger " + quote(trigger.name()));
    }
    for (int i = views.size() - 1; i >= 0; i--) {
      statements.add("drop view " + quote(views.get(i).name()));
    }
    statements.addAll(table(from, to, added));
    for (View view : views) {
      statements.add(SqliteDdl.createView(view.name(), view.definition()));
    }
    for (Trigger trigger : triggers) {
      statements.add(trigger.sql());
    }
    return statements;
  }

  /**
   * Statements that fail unless the table's definition holds only what the rebuild creates again:
   * a generated column (rebuilt as a plain one), a {@code COLLATE}, {@code STRICT} or
   * {@code WITHOUT ROWID} (rebuilt without them) is something the schema value does not carry,
   * and would silently change. Checked on the table itself when the rebuild runs, so a table made
   * by hand is never rebuilt into another one.
   */
  static List<String> keepableGuard(Table table) {
    String name = Ddl.literal(table.name());
    String failure = "table " + table.name() + " has a generated column, a COLLATE, or is STRICT or WITHOUT ROWID,"
        + " which rebuilding it (as this change needs on SQLite) would lose: make this change by hand in the"
        + " migration (op.execute)";
    // Blanks around the word, so a name holding it (collated_at) is no reason to stop.
    String definition = "' ' || replace(replace(replace(lower(coalesce((select sql from sqlite_master where type"
        + " = 'table' and name = " + name + " collate nocase), '')), char(10), ' '), char(13), ' '), char(9), ' ')"
        + " || ' '";
    return SqliteScriptStop.unless("_autogenerate_rebuild_guard",
        "(select count(*) from pragma_table_xinfo(" + name + ") where hidden in (2, 3)) = 0 and " + definition
            + " not like '% collate %' and (select count(*) from pragma_table_list where name = " + name
            + " collate nocase and (strict or wr)) = 0",
        failure);
  }

  /** The rebuild of the table itself. */
  private static List<String> table(Table from, Table to, Map<String, String> added) {
    String temporary = TEMPORARY_PREFIX + to.name();
    List<String> into = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column column : to.columns()) {
      if (added.containsKey(column.name())) {
        // Left out of the copy, the column takes its default in the new table: what it was added
        // with, unless an old column of its name is there or a later step changed the default.
        String defaultSql = added.get(column.name());
        if (from.hasColumn(column.name()) || !Objects.equals(defaultSql, column.defaultSql())) {
          into.add(quote(column.name()));
          values.add(defaultSql == null ? "null" : SqliteDdl.parenthesizedIfExpression(defaultSql));
        }
      } else if (from.hasColumn(column.name())) {
        into.add(quote(column.name()));
        values.add(quote(column.name()));
      }
    }
    List<String> statements = new ArrayList<>();
    statements.add(SqliteDdl.createTable(temporary, to));
    statements.add("insert into " + quote(temporary) + " (" + String.join(", ", into) + ") select "
        + String.join(", ", values) + " from " + qualifiedName(from.name()));
    if (SqliteDdl.rowidAlias(to) != null) {
      // AUTOINCREMENT never hands out an id twice, not even one whose row is gone: the new table
      // takes over the old one's high-water mark, which the copy alone lowers to the largest id
      // left. Renamed away from the old table, the mark survives its drop.
      statements.add("delete from sqlite_sequence where name = " + Ddl.literal(temporary));
      // By name as SQLite finds a table, whatever the case its statement wrote it in.
      statements.add("update sqlite_sequence set name = " + Ddl.literal(temporary) + " where name = "
          + Ddl.literal(from.name()) + " collate nocase");
    }
    statements.add("drop table " + qualifiedName(from.name()));
    statements.add("alter table " + quote(temporary) + " rename to " + quote(to.name()));
    for (Index index : to.indexes()) {
      statements.add(Ddl.createIndex(to.name(), index));
    }
    return statements;
  }

  /**
   * Statements that fail, naming the table and the way out, unless the table has exactly the
   * columns given (not counting a virtual table's hidden ones, which the model does not hold
   * either): a temporary table whose check can only hold when they match.
   */
  static List<String> columnsGuard(Table table) {
    String columns = Ddl.literal(table.name());
    String names = table.columns().stream().map(column -> Ddl.literal(SqliteNames.asciiLowerCase(column.name())))
        .collect(Collectors.joining(", "));
    int count = table.columns().size();
    String failure = "table " + table.name() + " has other columns than the migrations say; this script's rebuild"
        + " of it would drop them: apply the migrations with autogenerate upgrade, which keeps them";
    return SqliteScriptStop.unless("_autogenerate_columns_guard",
        "(select count(*) from pragma_table_xinfo(" + columns + ") where hidden <> 1) = " + count
            + " and (select count(*) from pragma_table_xinfo(" + columns + ") where hidden <> 1 and lower(name) in ("
            + names + ")) = " + count,
        failure);
  }

  /**
   * Statements that fail unless no view or trigger the migrations do not know reads the table:
   * SQLite's rename of the rebuilt table checks every view and trigger that names it, and one
   * made by hand, which the script cannot create again as the runtime does, would stop the script
   * there with SQLite's "error in view ...: no such table". The name is looked for as a word of
   * their text (so a view of {@code users_archive} does not count for {@code users}).
   */
  static List<String> dependentsGuard(Table table, Schema schema) {
    List<String> known = new ArrayList<>();
    schema.views().keySet().forEach(view -> known.add(Ddl.literal(SqliteNames.asciiLowerCase(view))));
    schema.triggers().keySet().forEach(trigger -> known.add(Ddl.literal(SqliteNames.asciiLowerCase(trigger))));
    String failure = "table " + table.name() + " is read by views or triggers the migrations do not know (made by"
        + " hand, or by an op.execute, whose SQL the script cannot read); this script's rebuild of it would fail on"
        + " them: apply the migrations with autogenerate upgrade, which creates them again, or make such a view"
        + " with op.createView";
    String word = "'*[^a-z0-9_$]" + globLiteral(SqliteNames.asciiLowerCase(table.name())) + "[^a-z0-9_$]*'";
    return SqliteScriptStop.unless("_autogenerate_dependents_guard",
        "(select count(*) from sqlite_master where type in ('view', 'trigger') and tbl_name <> "
            + Ddl.literal(table.name()) + " collate nocase"
            + (known.isEmpty() ? "" : " and lower(name) not in (" + String.join(", ", known) + ")")
            + " and ' ' || lower(sql) || ' ' glob " + word + ") = 0",
        failure);
  }

  /** A text GLOB matches as written: its wildcards and brackets each in brackets of their own, quotes doubled. */
  private static String globLiteral(String text) {
    StringBuilder literal = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '*', '?', '[' -> literal.append('[').append(c).append(']');
        case '\'' -> literal.append("''");
        default -> literal.append(c);
      }
    }
    return literal.toString();
  }

  /**
   * Statements that fail unless the table's indexes and triggers are those {@code schema} (the
   * migrations) knows: the rebuild drops the old table, and what the migrations do not know (an
   * index a DBA made) would go with it, not created again.
   */
  static List<String> objectsGuard(Table table, Schema schema) {
    List<String> known = new ArrayList<>();
    table.indexes().forEach(index -> known.add(Ddl.literal(SqliteNames.asciiLowerCase(index.name()))));
    schema.triggers().values().stream().filter(trigger -> trigger.table().equals(table.name()))
        .forEach(trigger -> known.add(Ddl.literal(SqliteNames.asciiLowerCase(trigger.name()))));
    String failure = "table " + table.name() + " has indexes or triggers the migrations do not know; this script's"
        + " rebuild of it would drop them: apply the migrations with autogenerate upgrade, which keeps them";
    // Unique constraints' own indexes (sqlite_autoindex_...) come with the table's definition.
    return SqliteScriptStop.unless("_autogenerate_objects_guard",
        "(select count(*) from sqlite_master where type in ('index', 'trigger') and tbl_name = "
            + Ddl.literal(table.name()) + " collate nocase and name not like 'sqlite_autoindex_%'"
            + (known.isEmpty() ? "" : " and lower(name) not in (" + String.join(", ", known) + ")") + ") = 0",
        failure);
  }
}
