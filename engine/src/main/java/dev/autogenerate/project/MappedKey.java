package dev.autogenerate.project;

import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An index, a unique or a foreign key of a table, told apart as the comparison tells them: by its
 * columns, never by its name (Hibernate's hashed names and a hand's differ). A unique constraint
 * and a unique index on the same columns are one; an index keeps its column order.
 *
 * @param table the table it belongs to
 * @param description how a message names it: {@code index users (email)}
 * @param identity what it is the same as another by
 * @param columns its columns, as the table names them
 * @param addedTo adds this key, as it is, to a table, in place of one of the same name there: the
 *     database's key replaced a key the migrations made under that name (a unique widened from
 *     {@code (email)} to {@code (email, status)} by a revision since deleted, say)
 */
record MappedKey(String table, String description, String identity, List<String> columns,
    UnaryOperator<Table> addedTo) {

  /** The table's indexes (those a mapping can express), uniques and foreign keys. */
  static List<MappedKey> of(Table table) {
    List<MappedKey> keys = new ArrayList<>();
    for (UniqueConstraint unique : table.uniqueConstraints()) {
      keys.add(unique(table.name(), unique.columns(), other -> withoutNamed(other, unique.name()).withConstraint(unique)));
    }
    for (Index index : table.indexes()) {
      if (index.definition() != null || !index.valid()) {
        // Verbatim (partial, on expressions): the entities never map one. INVALID: the database
        // does not have it as an index, and the comparison builds it again.
        continue;
      }
      List<String> columns = index.columns().stream().map(IndexColumn::name).toList();
      UnaryOperator<Table> added = other -> withoutNamed(other, index.name()).withIndex(index);
      keys.add(index.unique() ? unique(table.name(), columns, added)
          : new MappedKey(table.name(), "index " + table.name() + " (" + String.join(", ", columns) + ")",
              "index " + lowerCase(columns), columns, added));
    }
    for (ForeignKey key : table.foreignKeys()) {
      keys.add(new MappedKey(table.name(), "foreign key " + table.name() + " (" + String.join(", ", key.columns()) + ") -> "
          + key.referencedTable(), "foreign key " + lowerCase(sorted(key.columns())) + " -> "
          + key.referencedTable().toLowerCase(Locale.ROOT), key.columns(),
          other -> withoutNamed(other, key.name()).withConstraint(key)));
    }
    return keys;
  }

  /** The table without its constraint or index of this name (one namespace on PostgreSQL), if any. */
  private static Table withoutNamed(Table table, String name) {
    if (name == null) {
      return table;
    }
    Table without = table.constraint(name).isPresent() ? table.withoutConstraint(name) : table;
    return without.index(name).isPresent() ? without.withoutIndex(name) : without;
  }

  /** Whether the table has this key, by its identity. */
  boolean in(Table table) {
    return identities(table).contains(identity);
  }

  /** What the table's keys are the same as others by. */
  static Set<String> identities(Table table) {
    return of(table).stream().map(MappedKey::identity).collect(Collectors.toSet());
  }

  private static MappedKey unique(String table, List<String> columns, UnaryOperator<Table> addedTo) {
    return new MappedKey(table, "unique " + table + " (" + String.join(", ", columns) + ")",
        "unique " + lowerCase(sorted(columns)), columns, addedTo);
  }

  private static List<String> sorted(List<String> columns) {
    return columns.stream().map(column -> column.toLowerCase(Locale.ROOT)).sorted().toList();
  }

  private static String lowerCase(List<String> columns) {
    return String.join(",", columns).toLowerCase(Locale.ROOT);
  }
}
