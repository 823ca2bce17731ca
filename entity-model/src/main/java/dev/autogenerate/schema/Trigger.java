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
}
