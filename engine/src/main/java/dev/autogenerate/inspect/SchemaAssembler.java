package dev.autogenerate.inspect;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.UniqueConstraint;
import dev.autogenerate.schema.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects what the per-kind catalog queries return, table by table, and builds the schema at the
 * end. The first query (tables and their columns) decides which tables exist; what the later
 * queries say about any other table (excluded, or created between two queries) is ignored, and
 * so is a constraint or index naming a column the first query did not see (added between two
 * queries): the schema value stays consistent, whatever runs concurrently.
 *
 * <p>New object kinds add a field to {@link Parts}, a setter here, and one query in each
 * inspector.
 */
public final class SchemaAssembler {

  private final TableFilter filter;
  private final Map<String, Parts> tables = new LinkedHashMap<>();
  private final List<Sequence> sequences = new ArrayList<>();
  private final List<EnumType> enumTypes = new ArrayList<>();
  private final List<View> views = new ArrayList<>();
  private final List<Trigger> triggers = new ArrayList<>();

  public SchemaAssembler(TableFilter filter) {
    this.filter = filter;
  }

  /** Whether the filter leaves this table to the database (exclude.tables names it). */
  public boolean excludes(String table) {
    return !filter.includes(table);
  }

  /** Registers a table, unless the filter excludes it; returns whether it is now known. */
  public boolean addTable(String name) {
    if (tables.containsKey(name)) {
      return true;
    }
    if (!filter.includes(name)) {
      return false;
    }
    tables.put(name, new Parts());
    return true;
  }

  public boolean hasTable(String name) {
    return tables.containsKey(name);
  }

  public void addColumn(String table, Column column) {
    Parts parts = tables.get(table);
    if (parts != null) {
      parts.columns.add(column);
      parts.columnNames.add(column.name());
    }
  }

  public void setComment(String table, String comment) {
    Parts parts = tables.get(table);
    if (parts != null) {
      parts.comment = comment;
    }
  }

  public void setPrimaryKey(String table, PrimaryKey primaryKey) {
    Parts parts = knownColumns(table, primaryKey.columns());
    if (parts != null) {
      parts.primaryKey = primaryKey;
    }
  }

  public void addUnique(String table, UniqueConstraint unique) {
    Parts parts = knownColumns(table, unique.columns());
    if (parts != null) {
      parts.uniques.add(unique);
    }
  }

  public void addForeignKey(String table, ForeignKey foreignKey) {
    Parts parts = knownColumns(table, foreignKey.columns());
    if (parts != null) {
      parts.foreignKeys.add(foreignKey);
    }
  }

  public void addCheck(String table, CheckConstraint check) {
    Parts parts = tables.get(table);
    if (parts != null) {
      parts.checks.add(check);
    }
  }

  public void addIndex(String table, Index index) {
    Parts parts = knownColumns(table, index.columnNames());
    if (parts != null) {
      parts.indexes.add(index);
    }
  }

  /** Adds a sequence, unless the filter excludes its name (as it would a table's). */
  public void addSequence(Sequence sequence) {
    if (filter.includes(sequence.name())) {
      sequences.add(sequence);
    }
  }

  /** Adds an enum type, unless the filter excludes its name (as it would a table's). */
  public void addEnumType(EnumType enumType) {
    if (!filter.includes(enumType.name())) {
      return;
    }
    enumTypes.add(enumType);
  }

  /**
   * Adds a view, whatever the filter: it is read so that a change to a column it uses keeps it
   * working, which matters as much for a view over an excluded table.
   */
  public void addView(View view) {
    views.add(view);
  }

  /** Adds a trigger, whatever the filter, for the reason {@link #addView} gives. */
  public void addTrigger(Trigger trigger) {
    triggers.add(trigger);
  }

  public Schema toSchema() {
    List<Table> built = new ArrayList<>(tables.size());
    tables.forEach((name, parts) -> built.add(new Table(name, parts.columns, Optional.ofNullable(parts.primaryKey),
        parts.uniques, parts.foreignKeys, parts.checks, parts.indexes, parts.comment)));
    if (built.isEmpty() && sequences.isEmpty() && enumTypes.isEmpty() && views.isEmpty() && triggers.isEmpty()) {
      return Schema.EMPTY;
    }
    return Schema.of(built, sequences, enumTypes).withViewsAndTriggers(views, triggers);
  }

  /** The parts of a known table that has all these columns, or null. */
  private Parts knownColumns(String table, List<String> columns) {
    Parts parts = tables.get(table);
    return parts != null && parts.columnNames.containsAll(columns) ? parts : null;
  }

  private static final class Parts {
    final List<Column> columns = new ArrayList<>();
    final Set<String> columnNames = new HashSet<>();
    PrimaryKey primaryKey;
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    String comment;
  }
}
