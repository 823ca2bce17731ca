package dev.autogenerate.schema;

import java.util.Objects;
import java.util.Set;

/**
 * A trigger, kept verbatim as its {@code CREATE TRIGGER} statement. Read on SQLite only, where a
 * table rebuild drops the table and with it its triggers, which must then be created again; the
 * diff never proposes one.
 *
 * @param table the table or view it is on
 */
public record Trigger(String name, String table, String sql) {

  /** How a trigger's statement names the row it fires for. */
  private static final Set<String> OWN_ROWS = Set.of("new", "old");

  public Trigger {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(sql, "sql");
  }

  /**
   * This trigger after a table or column it names is renamed: SQLite rewrites the statement it
   * keeps, so a rebuild later in the same revision must create it with the new name.
   */
  public Trigger withNameRewritten(String from, String to) {
    String rewritten = IdentifierRewriter.column(sql, from, to);
    return new Trigger(name, table.equals(from) ? to : table, rewritten);
  }

  /** Whether the statement names this table, view or column. */
  public boolean names(String identifier) {
    return ViewUses.names(sql, identifier);
  }

  /** Whether it is on this table or view (SQLite keeps the name as the statement spelled it). */
  public boolean isOn(String relation) {
    return table.equalsIgnoreCase(relation);
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
    return names(relation) && ViewUses.namesOtherThanOf(sql, column, OWN_ROWS);
  }
}
