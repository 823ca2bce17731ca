package dev.autogenerate.schema;

import java.util.List;

/** A unique constraint, identified by its columns. */
public record UniqueConstraint(String name, List<String> columns) implements TableConstraint {

  public UniqueConstraint {
    columns = Identifiers.requireColumns(columns, "a unique constraint");
  }

  /** {@code unique("uq_users_email", "email")}. */
  public static UniqueConstraint unique(String name, String... columns) {
    return new UniqueConstraint(name, List.of(columns));
  }
}
