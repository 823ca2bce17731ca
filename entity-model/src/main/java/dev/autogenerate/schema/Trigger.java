package dev.autogenerate.schema;

import java.util.Objects;

/**
 * A trigger, kept verbatim as its {@code CREATE TRIGGER} statement. Read on SQLite only, where a
 * table rebuild drops the table and with it its triggers, which must then be created again; the
 * diff never proposes one.
 *
 * @param table the table or view it is on
 */
public record Trigger(String name, String table, String sql) {

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
}
