package dev.autogenerate.schema;

import java.util.List;

/**
 * An index on columns, each ascending or descending, possibly unique.
 *
 * <p>An index the database has but no mapping can express (partial, or on expressions) keeps its
 * full {@code definition} instead of columns. Such an index is never created, altered or dropped
 * by a diff, only carried along (a SQLite table rebuild recreates it from the definition).
 *
 * @param name the index's name, or null when the mapping left it to the naming convention
 * @param definition the database's own {@code create index} statement for an index no mapping can
 *     express, or null for an ordinary index
 * @param valid false for an index PostgreSQL marks INVALID: a concurrent build that failed (a
 *     duplicate for a unique one, a cancelled statement) left it, and no query uses it; a diff
 *     builds it again
 */
public record Index(String name, List<IndexColumn> columns, boolean unique, String definition, boolean valid) {

  public Index {
    name = Identifiers.blankToNull(name);
    columns = List.copyOf(columns);
    definition = Identifiers.blankToNull(definition);
    if (columns.isEmpty() && definition == null) {
      throw new IllegalArgumentException("index " + name + " needs at least one column");
    }
  }

  /** A valid index, as every one a mapping or a migration defines is. */
  public Index(String name, List<IndexColumn> columns, boolean unique, String definition) {
    this(name, columns, unique, definition, true);
  }

  /** {@code index("ix_users_email", "email")}: ascending columns. */
  public static Index index(String name, String... columns) {
    return new Index(name, List.of(columns).stream().map(IndexColumn::asc).toList(), false, null);
  }

  /** An index with columns in any order: {@code index("ix_t", asc("a"), desc("b"))}. */
  public static Index index(String name, IndexColumn... columns) {
    return new Index(name, List.of(columns), false, null);
  }

  /** An index kept verbatim, as the database defines it. */
  public static Index verbatim(String name, boolean unique, String definition) {
    return new Index(name, List.of(), unique, definition);
  }

  /** {@code uniqueIndex("ux_users_email", asc("email"))}. */
  public static Index uniqueIndex(String name, IndexColumn... columns) {
    return new Index(name, List.of(columns), true, null);
  }

  /** Whether a diff may create or drop it: false for partial and expression indexes. */
  public boolean isManaged() {
    return definition == null;
  }

  public Index named(String newName) {
    return new Index(newName, columns, unique, definition, valid);
  }

  /**
   * This index valid or not: {@code withValid(true)} is how a create statement makes it, as a
   * migration that creates one PostgreSQL marked INVALID (a failed concurrent build) again, or a
   * downgrade that puts one back, builds it whole.
   */
  public Index withValid(boolean newValid) {
    return valid == newValid ? this : new Index(name, columns, unique, definition, newValid);
  }

  public List<String> columnNames() {
    return columns.stream().map(IndexColumn::name).toList();
  }
}
