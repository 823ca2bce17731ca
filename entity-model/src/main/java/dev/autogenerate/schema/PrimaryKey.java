package dev.autogenerate.schema;

import java.util.List;

/**
 * A primary key. Its identity is its column list; the name is what the database calls it
 * ({@code users_pkey} on PostgreSQL) and is never compared, since each database names inline keys
 * its own way.
 *
 * @param name the constraint's name, or null when the database chooses it
 */
public record PrimaryKey(String name, List<String> columns) implements TableConstraint {

  public PrimaryKey {
    columns = Identifiers.requireColumns(columns, "a primary key");
  }

  /** An unnamed primary key on the given columns, in key order. */
  public static PrimaryKey primaryKey(String... columns) {
    return new PrimaryKey(null, List.of(columns));
  }

  public PrimaryKey named(String newName) {
    return new PrimaryKey(newName, columns);
  }
}
