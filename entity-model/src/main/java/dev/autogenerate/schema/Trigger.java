package dev.autogenerate.schema;

import java.util.Objects;
import java.util.Set;

/**
 * A trigger, kept verbatim as its {@code CREATE TRIGGER} statement. Read on SQLite, where a
 * table rebuild drops the table and with it its triggers, which must then be created again, and
 * on PostgreSQL, where views go with their triggers when dropped to be created again around a
 * change, and a table's triggers hold on to the columns their statements name; the diff never
 * proposes one.
 *
 * @param name as the database names it: SQLite's trigger name; on PostgreSQL, whose trigger names
 *     are each table's own, {@code name on relation}, as {@code DROP TRIGGER} takes it
 * @param table the table or view it is on
 * @param functionBody on PostgreSQL, the source of the PL/pgSQL function the trigger executes,
 *     which PostgreSQL keeps as text (a rename leaves it as it was), followed by the sources of the
 *     functions it calls, whose writes fail as its own do; "" where the statement holds the body
 *     (SQLite) or the function is in another language
 */
public record Trigger(String name, String table, String sql, String functionBody) {

  /** How a trigger's statement names the row it fires for. */
  private static final Set<String> OWN_ROWS = Set.of("new", "old");

  public Trigger {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(functionBody, "functionBody");
  }

  /** A trigger whose statement is all there is of it (SQLite's holds its body). */
  public Trigger(String name, String table, String sql) {
    this(name, table, sql, "");
  }

  /**
   * This trigger after a table or column it names is renamed: SQLite rewrites the statement it
   * keeps, so a rebuild later in the same revision must create it with the new name. A function's
   * body stays as it was, as PostgreSQL leaves it.
   */
  public Trigger withNameRewritten(String from, String to) {
    String rewritten = IdentifierRewriter.column(sql, from, to);
    return new Trigger(name, table.equals(from) ? to : table, rewritten, functionBody);
  }

  /**
   * Whether its function's body reads or sets this column of the row it fires for
   * ({@code NEW.note}, {@code old."note"}, in any case): PL/pgSQL looks the field up when the
   * function runs, so a column dropped or renamed under it fails every write the trigger fires for.
   */
  public boolean functionUsesRowColumn(String column) {
    return ViewUses.namesRowField(functionBody, column, OWN_ROWS);
  }

  /** Whether the statement names this table, view or column. */
  public boolean names(String identifier) {
    return ViewUses.names(sql, identifier);
  }

  /** Whether it is on this table or view. */
  public boolean isOn(String relation) {
    return table.equals(relation);
  }

  /**
   * Whether the statement names this table or view as such, where a relation can stand: a
   * column of the same name ({@code new.status}, {@code set status = ...}) is no use of it.
   */
  public boolean namesRelation(String relation) {
    return ViewUses.namesAsRelation(sql, relation, OWN_ROWS);
  }

  /**
   * Whether the statement names this column of {@code relation}: on that table, the column by
   * name ({@code new.note}, or bare); on another, the table and the column other than as
   * {@code new.note} or {@code old.note}, which are the trigger's own table's columns.
   */
  public boolean namesColumnOf(String relation, String column) {
    if (isOn(relation)) {
      return names(column);
    }
    return namesRelation(relation) && ViewUses.namesOtherThanOf(sql, column, OWN_ROWS);
  }
}
