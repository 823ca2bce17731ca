package dev.autogenerate.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A view as the database has it: its name, its query as the catalog gives it back
 * ({@code pg_get_viewdef()} on PostgreSQL, the text after {@code AS} on SQLite), and what it
 * reads: the columns of each table (or other view) it uses. The entities never map a view; the
 * diff reads them only to keep them working around the changes it makes to the columns they use.
 *
 * @param uses for each table or view the query reads, by name as the schema names tables
 *     ({@code sales.orders} outside the current schema), the columns it reads there (possibly none,
 *     when only the table is known)
 * @param materialized whether it is a materialized view (PostgreSQL): its rows are stored, so the
 *     tool never drops and creates it again around a change (see {@code ViewRecreation})
 */
public record View(String name, String definition, Map<String, SortedSet<String>> uses, boolean materialized) {

  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    if (definition.isBlank()) {
      throw new IllegalArgumentException("view " + name + " has an empty definition");
    }
    Map<String, SortedSet<String>> copy = new TreeMap<>();
    uses.forEach((relation, columns) -> copy.put(relation, Collections.unmodifiableSortedSet(new TreeSet<>(columns))));
    uses = Collections.unmodifiableMap(copy);
  }
  /** A plain view. */
  public View(String name, String definition, Map<String, SortedSet<String>> uses) {
    this(name, definition, uses, false);
  }


  /** A view whose dependencies are not known (one a migration creates from its definition). */
  public static View of(String name, String definition) {
    return new View(name, definition, Map.of());
  }

  /** Whether the query reads this column of this table. */
  public boolean usesColumn(String table, String column) {
    return uses.getOrDefault(table, Collections.emptySortedSet()).contains(column);
  }

  /** Whether the query reads this table (or view) at all. */
  public boolean usesRelation(String relation) {
    return uses.containsKey(relation);
  }

  /**
   * This view after {@code alter table from rename to to}: databases follow the rename, and the
   * query names the new table, as SQLite rewrites the text it keeps (so that a table rebuild
   * later in the same revision creates the view as SQLite has it).
   */
  public View withRelationRenamed(String from, String to) {
    if (!uses.containsKey(from)) {
      return this;
    }
    Map<String, SortedSet<String>> renamed = new TreeMap<>(uses);
    renamed.put(to, renamed.remove(from));
    boolean sameSchema = Objects.equals(Schema.schemaOf(from), Schema.schemaOf(to));
    String query = sameSchema
        ? IdentifierRewriter.column(definition, Schema.unqualified(from), Schema.unqualified(to)) : definition;
    return new View(name, query, renamed, materialized);
  }

  /** This view after a column it reads is renamed, for the reasons {@link #withRelationRenamed} gives. */
  public View withColumnRenamed(String table, String from, String to) {
    if (!usesColumn(table, from)) {
      return this;
    }
    Map<String, SortedSet<String>> renamed = new TreeMap<>(uses);
    SortedSet<String> columns = new TreeSet<>(renamed.get(table));
    columns.remove(from);
    columns.add(to);
    renamed.put(table, columns);
    return new View(name, IdentifierRewriter.column(definition, from, to), renamed, materialized);
  }

  /** The tables and views it reads. */
  public Set<String> relations() {
    return uses.keySet();
  }
}
