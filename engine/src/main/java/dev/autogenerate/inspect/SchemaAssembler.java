package dev.autogenerate.inspect;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects what the per-kind catalog queries return, table by table, and builds the schema at the
 * end. The first query (tables and their columns) decides which tables exist; what the later
 * queries say about any other table (excluded, or created between two queries) is ignored.
 *
 * <p>New object kinds (foreign keys, indexes, checks...) add a field to {@link Parts}, a setter
 * here, and one query in each inspector.
 */
final class SchemaAssembler {

  private final TableFilter filter;
  private final Map<String, Parts> tables = new LinkedHashMap<>();

  SchemaAssembler(TableFilter filter) {
    this.filter = filter;
  }

  /** Registers a table, unless the filter excludes it; returns whether it is now known. */
  boolean addTable(String name) {
    if (tables.containsKey(name)) {
      return true;
    }
    if (!filter.includes(name)) {
      return false;
    }
    tables.put(name, new Parts());
    return true;
  }

  boolean hasTable(String name) {
    return tables.containsKey(name);
  }

  void addColumn(String table, Column column) {
    Parts parts = tables.get(table);
    if (parts != null) {
      parts.columns.add(column);
    }
  }

  void setPrimaryKey(String table, PrimaryKey primaryKey) {
    Parts parts = tables.get(table);
    if (parts != null) {
      parts.primaryKey = primaryKey;
    }
  }

  Schema toSchema() {
    List<Table> built = new ArrayList<>(tables.size());
    tables.forEach((name, parts) ->
        built.add(new Table(name, parts.columns, Optional.ofNullable(parts.primaryKey))));
    return built.isEmpty() ? Schema.EMPTY : Schema.of(built);
  }

  private static final class Parts {
    final List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey;
  }
}
