package dev.autogenerate.inspect;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.SqlTypeParser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads SQLite's {@code main} database with one query: {@code sqlite_schema} joined with the
 * table-valued {@code pragma_table_xinfo}, one row per column of every table.
 *
 * <p>What it reads:
 * <ul>
 *   <li>tables, including virtual ones; not views, not SQLite's own {@code sqlite_*} tables
 *       ({@code sqlite_sequence}, {@code sqlite_stat1}...), and not the shadow tables a virtual
 *       table keeps its data in (FTS5's {@code docs_data}, {@code docs_idx}...), which belong to
 *       that virtual table. Temporary tables are not read, and never shadow a {@code main} table.
 *   <li>columns in declaration order. Hidden columns of virtual tables are skipped; generated
 *       columns are read as the plain columns they look like (generation expressions are not
 *       modelled yet).
 *   <li>types: the declared type through {@link SqlTypeParser}. A column declared without a
 *       type becomes {@link #NO_DECLARED_TYPE}, the raw type with an empty name: it has BLOB
 *       affinity, but is not a {@code blob} column (a diff must not turn it into {@code bytea}
 *       on PostgreSQL), and declaring it {@code any} would give it NUMERIC affinity in an
 *       ordinary table. Rendering the empty raw type back, as nothing, recreates the same column.
 *   <li>nullability: the {@code notnull} flag, except that a rowid alias (the only primary key
 *       column, declared exactly {@code INTEGER}, in a rowid table, not {@code PRIMARY KEY DESC})
 *       is never null. SQLite already reports primary key columns of a {@code WITHOUT ROWID}
 *       table as not null; other primary key columns may hold nulls, as SQLite has always
 *       allowed, unless declared {@code NOT NULL}.
 *   <li>identity: only a column declared {@code AUTOINCREMENT}, which is how Autogenerate renders
 *       identity columns ({@code integer primary key autoincrement}). A bare
 *       {@code integer primary key} also gets rowid values, but may reuse those of deleted rows,
 *       so it is not the identity an entity with {@code GenerationType.IDENTITY} maps to.
 *   <li>primary keys in key order ({@code pk} is the 1-based position), named when the statement
 *       says {@code CONSTRAINT name PRIMARY KEY}, unnamed (null) otherwise.
 * </ul>
 */
public final class SqliteInspector implements DatabaseInspector {

  /** The type of a column declared without one: raw, with an empty name. */
  public static final SqlType NO_DECLARED_TYPE = SqlType.sqlType("");

  /**
   * Every column of every table, in declaration order. The {@code 'main'} argument makes the
   * pragma read the main database even where a temporary table has the same name.
   */
  static final String COLUMNS_QUERY = """
      SELECT m.name AS table_name,
             m.sql AS table_sql,
             p.cid AS cid,
             p.name AS column_name,
             p.type AS declared_type,
             p."notnull" AS not_null,
             p.pk AS key_position,
             p.hidden AS hidden
      FROM main.sqlite_schema AS m
      JOIN pragma_table_xinfo(m.name, 'main') AS p
      WHERE m.type = 'table'
        AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
        AND m.name NOT IN (
          SELECT l.name FROM pragma_table_list AS l WHERE l.schema = 'main' AND l.type = 'shadow')
      ORDER BY m.name, p.cid
      """;

  /** {@code pragma_table_xinfo.hidden} of a virtual table's hidden column. */
  private static final int HIDDEN_VIRTUAL_TABLE_COLUMN = 1;

  @Override
  public Schema inspect(Connection connection, TableFilter filter) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(filter, "filter");
    SchemaAssembler schema = new SchemaAssembler(filter);
    ColumnTypes types = new ColumnTypes();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(COLUMNS_QUERY)) {
      TableRows table = null;
      while (rows.next()) {
        String tableName = rows.getString("table_name");
        if (table == null || !table.name.equals(tableName)) {
          if (table != null) {
            table.addTo(schema, types);
          }
          table = new TableRows(tableName, rows.getString("table_sql"));
        }
        if (rows.getInt("hidden") == HIDDEN_VIRTUAL_TABLE_COLUMN) {
          continue;
        }
        table.columns.add(new ColumnRow(
            rows.getString("column_name"),
            rows.getString("declared_type"),
            rows.getInt("not_null") != 0,
            rows.getInt("key_position")));
      }
      if (table != null) {
        table.addTo(schema, types);
      }
    }
    return schema.toSchema();
  }

  private record ColumnRow(String name, String declaredType, boolean notNull, int keyPosition) {}

  /** The rows of one table, turned into columns and a key once all of them are read. */
  private static final class TableRows {
    final String name;
    final String sql;
    final List<ColumnRow> columns = new ArrayList<>();

    TableRows(String name, String sql) {
      this.name = name;
      this.sql = sql;
    }

    void addTo(SchemaAssembler schema, ColumnTypes types) {
      if (!schema.addTable(name)) {
        return;
      }
      SqliteTableSql declared = SqliteTableSql.parse(sql);
      TreeMap<Integer, String> keyColumns = new TreeMap<>();
      for (ColumnRow column : columns) {
        if (column.keyPosition() > 0) {
          keyColumns.put(column.keyPosition(), column.name());
        }
      }
      for (ColumnRow column : columns) {
        boolean rowidAlias = keyColumns.size() == 1
            && column.keyPosition() == 1
            && "INTEGER".equalsIgnoreCase(column.declaredType())
            && !declared.withoutRowid()
            && !declared.virtual()
            && !declared.isDescendingKey(column.name());
        boolean identity = declared.isAutoincrement(column.name());
        schema.addColumn(name, new Column(
            column.name(),
            type(types, column.declaredType()),
            !(column.notNull() || rowidAlias || identity),
            identity));
      }
      if (!keyColumns.isEmpty()) {
        schema.setPrimaryKey(
            name, new PrimaryKey(declared.primaryKeyName(), new ArrayList<>(keyColumns.values())));
      }
    }
  }

  private static SqlType type(ColumnTypes types, String declaredType) {
    if (declaredType == null || declaredType.isBlank()) {
      return NO_DECLARED_TYPE;
    }
    return types.parse(declaredType);
  }
}
