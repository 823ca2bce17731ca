package dev.autogenerate.database.sqlite;

import dev.autogenerate.inspect.ColumnTypes;
import dev.autogenerate.inspect.DatabaseInspector;
import dev.autogenerate.inspect.InspectionCache;
import dev.autogenerate.inspect.SchemaAssembler;
import dev.autogenerate.inspect.TableFilter;

import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.SqlTypeParser;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.UniqueConstraint;
import dev.autogenerate.schema.ViewUses;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads SQLite's {@code main} database with one query per kind of object, each joining
 * {@code sqlite_schema} with a table-valued pragma over every table: columns
 * ({@code pragma_table_xinfo}), indexes and unique constraints ({@code pragma_index_list} with
 * {@code pragma_index_xinfo}), foreign keys ({@code pragma_foreign_key_list}); plus, only when
 * the schema has sequence tables, one query reading all their current values; and one reading
 * views and triggers. Four or five queries, however many tables there are, in one read
 * transaction of their own when the connection is in none ({@code BEGIN DEFERRED}, then
 * {@code ROLLBACK}), so that they all see one state of the schema. What the pragmas do
 * not tell (constraint names, checks, {@code AUTOINCREMENT}) comes from the {@code CREATE TABLE}
 * text, through {@link SqliteTableSql}.
 *
 * <p>Names are the model's, as PostgreSQL would hold the same statements ({@link SqliteNames}):
 * a table, column, index, view or constraint its statement wrote without quotes is folded to
 * lower case ({@code create table Tag (displayName text)} is {@code tag (displayname)}, as the
 * entities name it), a quoted one kept exactly. SQLite finds either spelling.
 *
 * <p>What it reads:
 * <ul>
 *   <li>tables, including virtual ones; not views, not SQLite's own {@code sqlite_*} tables
 *       ({@code sqlite_sequence}, {@code sqlite_stat1}...), and not the shadow tables a virtual
 *       table keeps its data in (FTS5's {@code docs_data}, {@code docs_idx}...), which belong to
 *       that virtual table. Temporary tables are not read, and never shadow a {@code main} table.
 *       SQLite has no comments.
 *   <li>columns in declaration order. Hidden columns of virtual tables are skipped; generated
 *       columns are read as the plain columns they look like (generation expressions are not
 *       modelled yet). The default is {@code dflt_value}, the expression as written
 *       ({@code 'new'}, {@code 0}, {@code CURRENT_TIMESTAMP}).
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
 *   <li>identity: a rowid alias, with or without {@code AUTOINCREMENT}. Autogenerate renders
 *       identity columns as {@code integer primary key autoincrement}; Hibernate's own SQLite DDL
 *       declares them {@code id integer, primary key (id)}. Both get their values from SQLite when
 *       an insert leaves them out, which is what {@code GenerationType.IDENTITY} asks for (the
 *       bare form may reuse the ids of deleted last rows; it is still generated).
 *   <li>primary keys in key order ({@code pk} is the 1-based position), named when the statement
 *       says {@code CONSTRAINT name PRIMARY KEY}, unnamed (null) otherwise.
 *   <li>unique constraints: the indexes of {@code origin 'u'}, with their key columns in order.
 *       Named as the statement names them ({@code constraint uq unique (a, b)}, or
 *       {@code a text constraint uq unique}), matched by columns; otherwise by the name of
 *       the index SQLite made for them ({@code sqlite_autoindex_<table>_<n>}).
 *   <li>indexes: those made by {@code CREATE INDEX} ({@code origin 'c'}), with their key columns
 *       in order, {@code DESC}, and whether unique. A partial index, one on expressions, or one
 *       naming a {@code COLLATE} is kept {@link Index#verbatim verbatim} with its
 *       {@code CREATE INDEX} statement.
 *   <li>foreign keys, their columns in order, the referenced table and columns, and the actions;
 *       named when the statement says {@code CONSTRAINT name} (null otherwise), and listed in
 *       declaration order. A reference without columns ({@code references teams}) is to the
 *       referenced table's primary key, which is read from that table. Names written in a
 *       reference in another case than the table's ({@code references TEAMS}) are read as the
 *       table spells them, since SQLite ignores case. A reference to a missing table, or to the
 *       primary key of a table without one, is not a foreign key the model can hold and is left
 *       out.
 *   <li>check constraints, table-level or on a column, in declaration order, with the expression
 *       as written between the parentheses (normalizing it is the diff's job) and the name given
 *       with {@code CONSTRAINT name}, or null.
 *   <li>sequences: Hibernate's SQLite dialect has no sequences and emulates each with a table of
 *       one column, {@code next_val} ({@code create table users_SEQ (next_val bigint)}). Such a
 *       table is read as a {@link Sequence} of the table's name, not as a table: its start is the
 *       table's current {@code next_val} (or 1 when the table has no row), its increment 1, since
 *       the table does not record Hibernate's increment (the allocation size lives in the
 *       mapping only). The table filter applies to these names as to any table's. SQLite has no
 *       enum types.
 *   <li>views, whatever the table filter says, with their query (the text after {@code AS} in
 *       their {@code CREATE VIEW}) and what they read, found by name ({@link ViewUses}); and
 *       triggers, verbatim with the table or view they are on, which a table rebuild creates
 *       again.
 * </ul>
 */
public final class SqliteInspector implements DatabaseInspector {

  /** The type of a column declared without one: raw, with an empty name. */
  public static final SqlType NO_DECLARED_TYPE = SqlType.sqlType("");

  /** The one column of a table emulating a sequence, as Hibernate's SQLite dialect makes it. */
  static final String SEQUENCE_TABLE_COLUMN = "next_val";

  /** Tables of {@code main} that belong to the user, for the queries below. */
  private static final String USER_TABLES = """
      m.type = 'table'
        AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'""";

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
             p.dflt_value AS default_sql,
             p.pk AS key_position,
             p.hidden AS hidden
      FROM main.sqlite_schema AS m
      JOIN pragma_table_xinfo(m.name, 'main') AS p
      WHERE %s
        AND m.name NOT IN (
          SELECT l.name FROM pragma_table_list AS l WHERE l.schema = 'main' AND l.type = 'shadow')
      ORDER BY m.name, p.cid
      """.formatted(USER_TABLES);

  /**
   * The key columns of every unique constraint and explicit index, in creation order (the order
   * of their {@code sqlite_schema} rows, which SQLite's own indexes for constraints have too), then
   * column order. A primary key's own index ({@code origin 'pk'}) is the primary key, already read.
   * Driven by the index rows of {@code sqlite_schema}, so that each index finds its
   * {@code CREATE INDEX} statement without a search through the whole schema.
   */
  static final String INDEXES_QUERY = """
      SELECT ix.tbl_name AS table_name,
             ix.name AS index_name,
             ix.sql AS index_sql,
             il."unique" AS is_unique,
             il.origin AS origin,
             il.partial AS partial,
             x.cid AS cid,
             x.name AS column_name,
             x."desc" AS descending
      FROM main.sqlite_schema AS ix
      JOIN pragma_index_list(ix.tbl_name, 'main') AS il
        ON il.name = ix.name
      JOIN pragma_index_xinfo(ix.name, 'main') AS x
      WHERE ix.type = 'index'
        AND ix.tbl_name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
        AND il.origin IN ('u', 'c')
        AND x."key" = 1
      ORDER BY ix.tbl_name, ix.rowid, x.seqno
      """;

  /** Every foreign key's column pairs, by key ({@code id}) and position ({@code seq}). */
  static final String FOREIGN_KEYS_QUERY = """
      SELECT m.name AS table_name,
             f.id AS id,
             f.seq AS seq,
             f."table" AS referenced_table,
             f."from" AS column_name,
             f."to" AS referenced_column,
             f.on_update AS on_update,
             f.on_delete AS on_delete
      FROM main.sqlite_schema AS m
      JOIN pragma_foreign_key_list(m.name, 'main') AS f
      WHERE %s
      ORDER BY m.name, f.id, f.seq
      """.formatted(USER_TABLES);

  /** {@code pragma_table_xinfo.hidden} of a virtual table's hidden column. */
  private static final int HIDDEN_VIRTUAL_TABLE_COLUMN = 1;

  /** Reads the schema in one read transaction ({@link #inOneReadTransaction}). */
  @Override
  public Schema inspect(Connection connection, TableFilter filter) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(filter, "filter");
    return inOneReadTransaction(connection, () -> read(connection, filter));
  }

  private static Schema read(Connection connection, TableFilter filter) throws SQLException {
    SchemaAssembler schema = new SchemaAssembler(filter);
    try (Statement statement = connection.createStatement()) {
      Tables tables = readColumns(statement);
      List<String> sequenceTables = new ArrayList<>();
      for (TableRows table : tables.all()) {
        if (table.isSequenceTable()) {
          if (filter.includes(table.name)) {
            sequenceTables.add(table.name);
          }
        } else {
          table.addTo(schema);
        }
      }
      readIndexes(statement, schema, tables);
      readForeignKeys(statement, schema, tables);
      for (TableRows table : tables.all()) {
        if (schema.hasTable(table.name)) {
          int unnamed = 0;
          for (SqliteTableSql.Check check : table.declared.checks()) {
            // An unnamed check gets the name PostgreSQL would give a table check (users_check,
            // users_check1, ...), so a migration can drop it by name; a rebuild then declares it.
            String name = check.name() != null ? check.name()
                : table.name + "_check" + (unnamed++ == 0 ? "" : String.valueOf(unnamed - 1));
            schema.addCheck(table.name, new CheckConstraint(name, check.expression()));
          }
        }
      }
      readSequences(statement, schema, sequenceTables);
      return withViewsAndTriggers(statement, schema.toSchema());
    }
  }

  /**
   * Every statement of the main database's schema, in creation order: with SQLite's version and
   * the driver's, what decides an inspection whole. The pragmas read nothing else (a table's
   * columns, keys, indexes and foreign keys all come from the statements SQLite keeps, which
   * {@code ALTER TABLE} rewrites; a virtual table's columns from its module, which the versions
   * decide for SQLite's own), and the order is the one the queries above read in.
   */
  static final String SCHEMA_STATEMENTS_QUERY = """
      SELECT type, name, tbl_name, sql
      FROM main.sqlite_schema
      ORDER BY rowid
      """;

  /**
   * The same as {@link #inspect(Connection, TableFilter)}, from the cache when the database's
   * statements are those of a schema inspected before: one query instead of four or five, and
   * none of the parsing. Only the sequence tables' current values, which change without a
   * statement changing, are read again. The statements and the inspection are read in one read
   * transaction, so that a schema another connection changes meanwhile (and perhaps changes back)
   * is never kept under statements it was not read with. Where the statements cannot be read, the
   * database is inspected without the cache.
   */
  @Override
  public Schema inspect(Connection connection, TableFilter filter, InspectionCache cache) throws SQLException {
    Objects.requireNonNull(cache, "cache");
    return inOneReadTransaction(connection, () -> {
      String identity;
      try {
        identity = identity(connection, filter);
      } catch (SQLException e) {
        if (SqliteDatabase.lockedByAnotherProcess(e).isPresent()) {
          // Reading again would wait as long again for the same lock.
          throw e;
        }
        return read(connection, filter);
      }
      Optional<Schema> known = cache.get(identity);
      if (known.isPresent()) {
        return withCurrentSequences(connection, known.get());
      }
      Schema read = read(connection, filter);
      cache.put(identity, read);
      return read;
    });
  }

  /** What decides the inspection of this database with this filter ({@link #SCHEMA_STATEMENTS_QUERY}). */
  static String identity(Connection connection, TableFilter filter) throws SQLException {
    StringBuilder identity = new StringBuilder("sqlite ");
    try (Statement statement = connection.createStatement()) {
      try (ResultSet version = statement.executeQuery("SELECT sqlite_version()")) {
        version.next();
        identity.append(version.getString(1));
      }
      identity.append(" driver ").append(connection.getMetaData().getDriverVersion()).append('\n');
      for (String pattern : filter.excludePatterns()) {
        field(identity.append("exclude "), pattern).append('\n');
      }
      try (ResultSet rows = statement.executeQuery(SCHEMA_STATEMENTS_QUERY)) {
        while (rows.next()) {
          identity.append(rows.getString(1));
          for (int column = 2; column <= 4; column++) {
            field(identity.append(' '), rows.getString(column));
          }
          identity.append('\n');
        }
      }
    }
    return identity.toString();
  }

  /** A text with its length first, so that no two sequences of fields make the same identity; null as {@code -}. */
  private static StringBuilder field(StringBuilder identity, String text) {
    return text == null ? identity.append('-') : identity.append(text.length()).append(':').append(text);
  }

  /**
   * Runs the reads in a read transaction of their own when the connection is in none (in the
   * caller's otherwise, whether begun through JDBC or with a {@code BEGIN} of its own), so that
   * they all see one state of the schema: a snapshot in WAL mode, a shared lock that holds
   * writers off otherwise. Begun as {@code BEGIN DEFERRED} whatever the connection's
   * {@code transaction_mode}, so that reading never takes the write lock, and without touching
   * the connection's auto-commit.
   */
  private static Schema inOneReadTransaction(Connection connection, SchemaRead reads) throws SQLException {
    if (!connection.getAutoCommit()) {
      return reads.run();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN DEFERRED");
    } catch (SQLException e) {
      // In a transaction begun with a statement of the caller's, which JDBC's auto-commit does not
      // tell: the reads see one state within it already, and it is not this to end.
      return reads.run();
    }
    Schema read;
    try {
      read = reads.run();
    } catch (SQLException | RuntimeException | Error e) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("ROLLBACK");
      } catch (SQLException | RuntimeException ended) {
        e.addSuppressed(ended);
      }
      throw e;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    }
    return read;
  }

  /** Reads that may fail as JDBC does. */
  @FunctionalInterface
  private interface SchemaRead {
    Schema run() throws SQLException;
  }

  private static Schema withCurrentSequences(Connection connection, Schema schema) throws SQLException {
    if (schema.sequences().isEmpty()) {
      return schema;
    }
    Schema current = schema;
    try (Statement statement = connection.createStatement()) {
      for (Sequence sequence : currentSequences(statement, List.copyOf(schema.sequences().keySet()))) {
        current = current.withSequence(sequence);
      }
    }
    return current;
  }

  /** Views and triggers, in creation order, so that a view reading another comes after it. */
  static final String VIEWS_AND_TRIGGERS_QUERY = """
      SELECT type, name, tbl_name, sql
      FROM main.sqlite_schema
      WHERE type IN ('view', 'trigger')
        AND sql IS NOT NULL
      ORDER BY rowid
      """;

  /**
   * The schema with its views, what each reads found by name ({@link ViewUses}: SQLite records
   * no dependencies), and its triggers, kept verbatim for a table rebuild to create again.
   */
  private static Schema withViewsAndTriggers(Statement statement, Schema tables) throws SQLException {
    Schema schema = tables;
    List<Trigger> triggers = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(VIEWS_AND_TRIGGERS_QUERY)) {
      while (rows.next()) {
        String name = rows.getString("name");
        String sql = rows.getString("sql");
        if ("trigger".equals(rows.getString("type"))) {
          triggers.add(new Trigger(name, rows.getString("tbl_name"), sql));
        } else {
          String query = SqliteTableSql.viewQuery(sql);
          String viewName = SqliteTableSql.nameAsCreated(name, sql);
          if (query != null && !schema.hasView(viewName)) {
            schema = schema.withView(ViewUses.of(viewName, query, schema));
          }
        }
      }
    }
    // SQLite keeps the table's name as the trigger's statement spelled it (on ORDERS): the
    // schema names it as the table is named, so that it follows the table's renames and drops.
    List<Trigger> named = new ArrayList<>();
    for (Trigger trigger : triggers) {
      named.add(new Trigger(trigger.name(), relationNamed(schema, trigger.table()), trigger.sql()));
    }
    return schema.withViewsAndTriggers(schema.views().values(), named);
  }

  /** The table or view of this name as SQLite finds it; the name itself when none is read. */
  private static String relationNamed(Schema schema, String spelled) {
    for (String table : schema.tables().keySet()) {
      if (SqliteNames.same(table, spelled)) {
        return table;
      }
    }
    for (String view : schema.views().keySet()) {
      if (SqliteNames.same(view, spelled)) {
        return view;
      }
    }
    return spelled;
  }

  /** Every table's rows of the columns query, whatever the filter: a foreign key may reference any. */
  private static final class Tables {
    final Map<String, TableRows> byName = new LinkedHashMap<>();
    final Map<String, TableRows> byLowerCaseName = new HashMap<>();

    Iterable<TableRows> all() {
      return byName.values();
    }

    void add(TableRows table) {
      byName.put(table.stored, table);
      byLowerCaseName.putIfAbsent(SqliteNames.asciiLowerCase(table.stored), table);
    }

    /** The table a name refers to, ignoring case as SQLite does, or null. */
    TableRows find(String name) {
      TableRows exact = byName.get(name);
      return exact != null ? exact : byLowerCaseName.get(SqliteNames.asciiLowerCase(name));
    }
  }

  private static Tables readColumns(Statement statement) throws SQLException {
    Tables tables = new Tables();
    ColumnTypes types = new ColumnTypes();
    try (ResultSet rows = statement.executeQuery(COLUMNS_QUERY)) {
      TableRows table = null;
      while (rows.next()) {
        String tableName = rows.getString("table_name");
        if (table == null || !table.stored.equals(tableName)) {
          if (table != null) {
            table.resolve(types);
            tables.add(table);
          }
          table = new TableRows(tableName, rows.getString("table_sql"));
        }
        if (rows.getInt("hidden") == HIDDEN_VIRTUAL_TABLE_COLUMN) {
          continue;
        }
        table.rows.add(new ColumnRow(
            rows.getString("column_name"),
            rows.getString("declared_type"),
            rows.getInt("not_null") != 0,
            rows.getString("default_sql"),
            rows.getInt("key_position")));
      }
      if (table != null) {
        table.resolve(types);
        tables.add(table);
      }
    }
    return tables;
  }

  private static void readIndexes(Statement statement, SchemaAssembler schema, Tables tables) throws SQLException {
    try (ResultSet rows = statement.executeQuery(INDEXES_QUERY)) {
      IndexRows index = null;
      while (rows.next()) {
        String table = rows.getString("table_name");
        String name = rows.getString("index_name");
        if (index == null || !index.table.equals(table) || !index.name.equals(name)) {
          if (index != null) {
            index.addTo(schema, tables);
          }
          index = new IndexRows(table, name, rows.getInt("is_unique") != 0, rows.getString("origin"),
              rows.getInt("partial") != 0, rows.getString("index_sql"));
        }
        String column = rows.getString("column_name");
        if (column == null || rows.getInt("cid") < 0) {
          index.onExpression = true;
        } else {
          index.columns.add(new IndexColumn(column, rows.getInt("descending") != 0));
        }
      }
      if (index != null) {
        index.addTo(schema, tables);
      }
    }
  }

  /** The rows of one index. */
  private static final class IndexRows {
    final String table;
    final String name;
    final boolean unique;
    final String origin;
    final boolean partial;
    final String sql;
    final List<IndexColumn> columns = new ArrayList<>();
    boolean onExpression;

    IndexRows(String table, String name, boolean unique, String origin, boolean partial, String sql) {
      this.table = table;
      this.name = name;
      this.unique = unique;
      this.origin = origin;
      this.partial = partial;
      this.sql = sql;
    }

    void addTo(SchemaAssembler schema, Tables tables) {
      TableRows owner = tables.find(table);
      if (owner == null || !schema.hasTable(owner.name)) {
        return;
      }
      String indexName = SqliteTableSql.nameAsCreated(name, sql);
      List<IndexColumn> named = columns.stream()
          .map(column -> new IndexColumn(owner.columnName(column.name()), column.descending()))
          .toList();
      if ("u".equals(origin)) {
        if (!onExpression && !named.isEmpty()) {
          List<String> names = named.stream().map(IndexColumn::name).toList();
          schema.addUnique(owner.name, new UniqueConstraint(owner.uniqueName(names, indexName), names));
        }
      } else if (partial || onExpression || named.isEmpty() || SqliteTableSql.indexNamesCollation(sql)) {
        schema.addIndex(owner.name, Index.verbatim(indexName, unique, sql));
      } else {
        schema.addIndex(owner.name, new Index(indexName, named, unique, null));
      }
    }
  }

  private static void readForeignKeys(Statement statement, SchemaAssembler schema, Tables tables)
      throws SQLException {
    try (ResultSet rows = statement.executeQuery(FOREIGN_KEYS_QUERY)) {
      // pragma_foreign_key_list numbers keys from the last declared; keep declaration order
      Map<String, TreeMap<Integer, ForeignKeyRows>> byTable = new LinkedHashMap<>();
      while (rows.next()) {
        String table = rows.getString("table_name");
        TableRows owner = tables.find(table);
        if (owner == null || !schema.hasTable(owner.name)) {
          continue;
        }
        int id = rows.getInt("id");
        ForeignKeyRows key = byTable.computeIfAbsent(table, t -> new TreeMap<>())
            .computeIfAbsent(-id, i -> new ForeignKeyRows());
        key.referencedTable = rows.getString("referenced_table");
        key.onUpdate = action(rows.getString("on_update"));
        key.onDelete = action(rows.getString("on_delete"));
        key.columns.add(rows.getString("column_name"));
        key.referencedColumns.add(rows.getString("referenced_column"));
      }
      byTable.forEach((table, keys) -> keys.values().forEach(key -> {
        TableRows owner = tables.find(table);
        ForeignKey foreignKey = key.toForeignKey(owner, tables, schema::excludes);
        if (foreignKey != null) {
          schema.addForeignKey(owner.name, foreignKey);
        }
      }));
    }
  }

  /** The rows of one foreign key. */
  private static final class ForeignKeyRows {
    String referencedTable;
    ReferentialAction onUpdate;
    ReferentialAction onDelete;
    final List<String> columns = new ArrayList<>();
    final List<String> referencedColumns = new ArrayList<>();

    /**
     * The foreign key, or null when it references a missing table or a key that is not there. A
     * missing table that exclude.tables leaves to the database (made elsewhere, or not yet) keeps
     * a key naming its columns: the entities map it, and leaving it out made check propose it
     * again after every upgrade that created it.
     */
    ForeignKey toForeignKey(TableRows table, Tables tables, Predicate<String> excluded) {
      TableRows target = tables.find(referencedTable);
      List<String> targetColumns = new ArrayList<>();
      String targetName;
      if (target == null) {
        if (!excluded.test(referencedTable)) {
          return null;
        }
        // The columns as the key names them (one naming none would need the missing table's key).
        targetName = referencedTable;
        targetColumns.addAll(referencedColumns);
      } else if (referencedColumns.stream().allMatch(Objects::isNull)) {
        targetName = target.name;
        targetColumns.addAll(target.primaryKeyColumns());
      } else {
        targetName = target.name;
        for (String column : referencedColumns) {
          targetColumns.add(column == null ? null : target.columnName(column));
        }
      }
      List<String> keyColumns = columns.stream().map(table::columnName).toList();
      if (targetColumns.size() != columns.size() || targetColumns.contains(null) || keyColumns.contains(null)) {
        return null;
      }
      String declared = table.foreignKeyName(columns, referencedTable);
      // An unnamed foreign key gets the name PostgreSQL would give it, so it can be dropped by name.
      String name = declared != null ? declared : table.name + "_" + String.join("_", keyColumns) + "_fkey";
      return new ForeignKey(name, keyColumns, targetName, targetColumns, onDelete, onUpdate);
    }
  }

  private static void readSequences(Statement statement, SchemaAssembler schema, List<String> sequenceTables)
      throws SQLException {
    currentSequences(statement, sequenceTables).forEach(schema::addSequence);
  }

  /** The sequences these tables emulate, each starting at the table's current value. */
  private static List<Sequence> currentSequences(Statement statement, List<String> sequenceTables)
      throws SQLException {
    List<Sequence> sequences = new ArrayList<>();
    if (sequenceTables.isEmpty()) {
      return sequences;
    }
    try (ResultSet rows = statement.executeQuery(sequenceValuesQuery(sequenceTables))) {
      while (rows.next()) {
        Object value = rows.getObject(2);
        long start = value instanceof Number number ? number.longValue() : 1L;
        sequences.add(new Sequence(rows.getString(1), start, 1));
      }
    }
    return sequences;
  }

  /**
   * The current value of every sequence table, in one statement: a {@code VALUES} list, which
   * SQLite does not limit in length as it does a compound {@code SELECT}.
   */
  static String sequenceValuesQuery(List<String> sequenceTables) {
    StringBuilder sql = new StringBuilder("VALUES ");
    for (int i = 0; i < sequenceTables.size(); i++) {
      String table = sequenceTables.get(i);
      if (i > 0) {
        sql.append(", ");
      }
      sql.append('(').append(quoteString(table))
          .append(", (SELECT ").append(quoteName(SEQUENCE_TABLE_COLUMN))
          .append(" FROM main.").append(quoteName(table)).append(" LIMIT 1))");
    }
    return sql.toString();
  }

  private static String quoteName(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String quoteString(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }

  /** {@code pragma_foreign_key_list}'s {@code on_delete}/{@code on_update} as a referential action. */
  static ReferentialAction action(String text) {
    if (text == null) {
      return ReferentialAction.NO_ACTION;
    }
    switch (text.toUpperCase(Locale.ROOT)) {
      case "CASCADE":
        return ReferentialAction.CASCADE;
      case "SET NULL":
        return ReferentialAction.SET_NULL;
      case "SET DEFAULT":
        return ReferentialAction.SET_DEFAULT;
      case "RESTRICT":
        return ReferentialAction.RESTRICT;
      case "NO ACTION":
      default:
        return ReferentialAction.NO_ACTION;
    }
  }

  private record ColumnRow(String name, String declaredType, boolean notNull, String defaultSql, int keyPosition) {}

  /**
   * The rows of one table, turned into columns and a key once all of them are read, under the
   * names the model gives them ({@link SqliteNames}: what its statement wrote without quotes,
   * folded).
   */
  private static final class TableRows {
    /** The table's name as SQLite keeps it, which the pragmas' rows give. */
    final String stored;
    /** The table's name in the model, once resolved. */
    String name;
    final String sql;
    final List<ColumnRow> rows = new ArrayList<>();
    SqliteTableSql declared;
    final List<Column> columns = new ArrayList<>();
    /** Each column's name in the model by its name as SQLite keeps it. */
    private final Map<String, String> columnNames = new HashMap<>();
    final List<String> keyColumns = new ArrayList<>();
    /** Declared constraint names already given to a unique constraint or foreign key. */
    private final List<SqliteTableSql.NamedConstraint> usedNames = new ArrayList<>();

    TableRows(String stored, String sql) {
      this.stored = stored;
      this.name = stored;
      this.sql = sql;
    }

    void resolve(ColumnTypes types) {
      declared = SqliteTableSql.parse(sql);
      name = SqliteNames.asWritten(stored, !declared.bareName());
      for (ColumnRow column : rows) {
        columnNames.put(column.name(), SqliteNames.asWritten(column.name(), !declared.bareColumns().contains(column.name())));
      }
      TreeMap<Integer, String> keyPositions = new TreeMap<>();
      for (ColumnRow column : rows) {
        if (column.keyPosition() > 0) {
          keyPositions.put(column.keyPosition(), column.name());
        }
      }
      for (ColumnRow column : rows) {
        boolean rowidAlias = keyPositions.size() == 1
            && column.keyPosition() == 1
            && "INTEGER".equalsIgnoreCase(column.declaredType())
            && !declared.withoutRowid()
            && !declared.virtual()
            && !declared.isDescendingKey(column.name());
        boolean identity = rowidAlias || declared.isAutoincrement(column.name());
        columns.add(new Column(
            columnNames.get(column.name()),
            type(types, column.declaredType()),
            !(column.notNull() || rowidAlias || identity),
            identity,
            column.defaultSql(),
            null));
      }
      keyPositions.values().forEach(column -> keyColumns.add(columnNames.get(column)));
    }

    /** Whether this is Hibernate's emulation of a sequence: one column, {@code next_val}. */
    boolean isSequenceTable() {
      return !declared.virtual() && columns.size() == 1
          && SEQUENCE_TABLE_COLUMN.equalsIgnoreCase(columns.get(0).name());
    }

    void addTo(SchemaAssembler schema) {
      if (!schema.addTable(name)) {
        return;
      }
      columns.forEach(column -> schema.addColumn(name, column));
      if (!keyColumns.isEmpty()) {
        schema.setPrimaryKey(name, new PrimaryKey(declared.primaryKeyName(), keyColumns));
      }
    }

    List<String> primaryKeyColumns() {
      return keyColumns;
    }

    /**
     * The model's name of the column a statement or pragma names (as SQLite keeps it, or in
     * another case, which SQLite finds too), or null when the table has no such column.
     */
    String columnName(String written) {
      String kept = columnNames.get(written);
      if (kept != null) {
        return kept;
      }
      for (Map.Entry<String, String> column : columnNames.entrySet()) {
        if (SqliteNames.same(column.getKey(), written)) {
          return column.getValue();
        }
      }
      return null;
    }

    /** The declared name of the unique constraint on these columns, or the name of its index. */
    String uniqueName(List<String> uniqueColumns, String indexName) {
      SqliteTableSql.NamedConstraint named = unusedMatch(declared.namedUniques(), uniqueColumns, null);
      return named == null ? indexName : named.name();
    }

    /** The declared name of the foreign key on these columns to that table, or null. */
    String foreignKeyName(List<String> keyColumns, String referencedTable) {
      SqliteTableSql.NamedConstraint named = unusedMatch(declared.namedForeignKeys(), keyColumns, referencedTable);
      return named == null ? null : named.name();
    }

    private SqliteTableSql.NamedConstraint unusedMatch(
        List<SqliteTableSql.NamedConstraint> candidates, List<String> onColumns, String referencedTable) {
      for (SqliteTableSql.NamedConstraint candidate : candidates) {
        if (!used(candidate) && candidate.matches(onColumns, referencedTable)) {
          usedNames.add(candidate);
          return candidate;
        }
      }
      return null;
    }

    /**
     * Whether a declaration like this one (by value: the same declaration written twice counts
     * once, so no two constraints get its name) was given out already. Compared field by field:
     * a record's equals, through the method handles of its bootstrap, was a twentieth of
     * inspecting 1,000 tables in a profile.
     */
    private boolean used(SqliteTableSql.NamedConstraint candidate) {
      for (SqliteTableSql.NamedConstraint each : usedNames) {
        if (each.sameAs(candidate)) {
          return true;
        }
      }
      return false;
    }
  }

  private static SqlType type(ColumnTypes types, String declaredType) {
    if (declaredType == null || declaredType.isBlank()) {
      return NO_DECLARED_TYPE;
    }
    return types.parse(declaredType);
  }
}
