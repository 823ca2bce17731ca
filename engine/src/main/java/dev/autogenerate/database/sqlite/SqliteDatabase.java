package dev.autogenerate.database.sqlite;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.compare.ComparisonRules;
import dev.autogenerate.compare.Risk;
import dev.autogenerate.database.AheadOfTransaction;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.Ddl;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.inspect.DatabaseInspector;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite, the embedded default. It keeps fewer distinctions than the portable model (no
 * {@code timestamptz}, no {@code uuid}): two portable types it spells alike are the same type
 * here, so the comparison on SQLite never reports a difference SQLite cannot store, while the
 * migration keeps the portable type for PostgreSQL. It has no comments, enum types or schemas,
 * cannot alter a column or a constraint (it rebuilds the table, once per group of changes), and
 * checks foreign keys only when asked ({@link SqliteRevisionGuard}).
 */
public final class SqliteDatabase implements Database, ComparisonRules {

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
  /** A real use of the driver, on an in-memory database ({@link SqliteFirstConnection#exercise}). */
  @Override
  public void loadDriverClasses() {
    SqliteFirstConnection.exercise();
  }


  @Override
  public DatabaseInspector inspector() {
    return new SqliteInspector();
  }

  /**
   * Everything runs in the revision's transaction, as by default; but an operation SQLite has no
   * statement for is refused here, before anything runs, where the upgrade and the offline script
   * both ask first and name the migration.
   */
  @Override
  public AheadOfTransaction aheadOfTransaction(List<Operation> operations, Schema before) {
    for (Operation operation : operations) {
      if (operation instanceof DropView drop && drop.materialized()) {
        throw new IllegalArgumentException(noMaterializedViews(drop));
      }
    }
    return AheadOfTransaction.none(operations);
  }

  static String noMaterializedViews(DropView drop) {
    return "SQLite has no materialized views: drop " + drop.name() + " with op.dropView";
  }

  @Override
  public ComparisonRules comparisonRules() {
    return this;
  }

  @Override
  public boolean storesComments() {
    return false;
  }

  @Override
  public boolean storesEnumTypes() {
    return false;
  }

  /** No {@code timestamptz}, no {@code uuid}, and a rowid is {@code integer} whatever was declared. */
  @Override
  public boolean storesExactTypes() {
    return false;
  }

  /** An {@code integer primary key} is the rowid's alias: it numbers the rows it is not given. */
  @Override
  public boolean integerKeysNumberThemselves() {
    return true;
  }

  /** A declared type is an affinity: '12abc' stays in an integer column, 26 characters in a varchar(10). */
  @Override
  public boolean enforcesColumnTypes() {
    return false;
  }

  /**
   * A type change rebuilds the table, copying each row into the new column, whose affinity then
   * applies: nothing is cut or fails, but a text that reads as a number is stored as that number.
   */
  @Override
  public String riskRemark(Risk risk) {
    return switch (risk.kind()) {
      case ROUNDED, NARROWED -> risk.newType().map(SqlType::kind).filter(EnumSet.of(SqlType.Kind.REAL,
          SqlType.Kind.DOUBLE)::contains).isPresent()
          ? " - on PostgreSQL; SQLite stores each value as a double, which rounds an integer beyond 2^53 there too"
          : " - on PostgreSQL; SQLite keeps every value as it was";
      case OUT_OF_RANGE, TIME_ZONE, NOT_CONVERTIBLE -> " - on PostgreSQL; SQLite keeps every value as it was";
      case CONVERTED -> " - on PostgreSQL; SQLite fails on none, but stores a text that reads as a number as that"
          + " number ('00123' becomes 123)";
      case TEXT_TO_INTEGER, TEXT_TO_DECIMAL, TEXT_CONVERTED ->
          " - on PostgreSQL; SQLite fails on none, and keeps such a text as text";
      case TEXT_ROUNDED -> risk.newType().map(SqlType::kind).filter(EnumSet.of(SqlType.Kind.NUMERIC,
          SqlType.Kind.REAL, SqlType.Kind.DOUBLE)::contains).isPresent()
          ? " - on PostgreSQL; SQLite rounds none to the scale, but stores a text that reads as a number as that"
              + " number, of 15 digits at most"
          : " - on PostgreSQL; SQLite keeps every text as it was";
      default -> "";
    };
  }

  /**
   * The group's statements, with every change that {@code alter table} cannot make done by one
   * rebuild of the table: three altered columns and a new constraint copy the rows once. A
   * change that must run on its own (raw SQL, dropping the table) first completes the rebuild
   * pending before it, so statements still run in the order the migration states.
   */
  @Override
  public List<String> statements(ChangeGroup group, Schema before) {
    List<String> statements = new ArrayList<>();
    Schema schema = before;
    Table rebuildFrom = null;
    // The columns added since rebuildFrom, with their defaults as added: what the copy gives them.
    Map<String, String> added = new HashMap<>();
    List<Operation> operations = group.operations();
    for (int i = 0; i < operations.size(); i++) {
      Operation operation = operations.get(i);
      SqliteStep step = operation.accept(new SqliteStatements(schema));
      switch (step.need()) {
        case REBUILD:
          if (rebuildFrom == null) {
            rebuildFrom = schema.requireTable(operation.subject());
          }
          break;
        case OWN_OR_REBUILD:
          if (rebuildFrom == null) {
            statements.addAll(step.statements());
          }
          break;
        case OWN:
          if (rebuildFrom != null) {
            statements.addAll(SqliteTableRebuild.statements(rebuildFrom, schema.requireTable(rebuildFrom.name()), schema,
                added));
            rebuildFrom = null;
            added.clear();
          }
          statements.addAll(step.statements());
          break;
        default:
          throw new IllegalStateException("unknown step " + step.need());
      }
      if (rebuildFrom != null && operation instanceof AddColumn add) {
        // The rebuild copies by name: a column added inside it must not take the values of an old
        // one of its name (dropped, then added again), nor the default a later step gives it.
        added.put(add.column().name(), add.column().defaultSql());
      }
      if (rebuildFrom != null || i + 1 < operations.size()) {
        schema = operation.applyTo(schema);
      }
    }
    if (rebuildFrom != null) {
      statements.addAll(SqliteTableRebuild.statements(rebuildFrom, schema.requireTable(rebuildFrom.name()), schema,
          added));
    }
    return statements;
  }

  /** Names SQLite takes for the same, as the entities spell them ({@link SqliteSpelling}). */
  @Override
  public Schema spelledAs(Schema inspected, Schema reference) {
    return SqliteSpelling.as(inspected, reference);
  }

  @Override
  public Schema spelledFor(Schema schema, List<Operation> operations) {
    return SqliteSpelling.forOperations(schema, operations);
  }

  /**
   * What SQLite cannot store, from what the applied migrations recorded, after taking their
   * spelling of the names SQLite takes for the same (a table renamed by hand, which SQLite quotes).
   */
  @Override
  public Schema withUnstored(Schema inspected, Supplier<Optional<Schema>> recorded) {
    Optional<Schema> replayed = recorded.get();
    Schema spelled = replayed.map(history -> SqliteSpelling.as(inspected, history)).orElse(inspected);
    return Database.super.withUnstored(spelled, () -> replayed);
  }

  /**
   * A table rebuild copies the columns the schema before it lists, and creates again the indexes
   * and triggers it lists: in a script, what the migrations say the table is. A column, index or
   * trigger added by hand would be dropped with the old table, and a view or trigger made by hand
   * that reads it would fail the rename (the runtime, which inspects, keeps them all); the guards
   * stop the script first.
   */
  @Override
  public List<String> scriptGuards(ChangeGroup group, Schema before, List<String> statements) {
    boolean rebuilds = statements.stream().anyMatch(statement -> statement.contains(SqliteTableRebuild.TEMPORARY_PREFIX));
    return group.subject() == null || !rebuilds ? List.of()
        : before.table(group.subject()).map(table -> {
          List<String> guards = new ArrayList<>(SqliteTableRebuild.columnsGuard(table));
          guards.addAll(SqliteTableRebuild.objectsGuard(table, before));
          guards.addAll(SqliteTableRebuild.dependentsGuard(table, before));
          return guards;
        }).orElse(List.<String>of());
  }

  /** SQLite has no schemas: a table or sequence mapped into one is a user error naming it. */
  @Override
  public Schema targetFor(Schema entities, Connection connection) {
    List<String> names = new ArrayList<>(entities.tables().keySet());
    names.addAll(entities.sequences().keySet());
    names.addAll(entities.views().keySet());
    for (String name : names) {
      String schema = Schema.schemaOf(name);
      if (schema != null) {
        String kind = entities.hasTable(name) ? "table " : entities.hasView(name) ? "view " : "sequence ";
        throw new UserError(kind + name + " is in schema " + schema
            + ", which SQLite does not have: remove schema= (and hibernate.default_schema) or use PostgreSQL");
      }
    }
    // A migration made here would fail at upgrade, at "[]": SQLite has no such declared type.
    for (Table table : entities.tables().values()) {
      for (Column column : table.columns()) {
        if (column.type().kind() == SqlType.Kind.RAW && column.type().toString().endsWith("[]")) {
          throw new UserError("column " + table.name() + "." + column.name() + " is an array (" + column.type()
              + "), which SQLite cannot declare: map it as JSON (@JdbcTypeCode(SqlTypes.JSON)), or develop against"
              + " PostgreSQL");
        }
      }
    }
    return entities;
  }

  /** See {@link Database#explained}: SQLite's driver says {@code [SQLITE_BUSY]}. */
  public static Optional<String> lockedByAnotherProcess(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && String.valueOf(sql.getMessage()).contains("[SQLITE_BUSY]")) {
        return Optional.of("the SQLite database is locked by another process (a migration running, or a program"
            + " holding a transaction open), and stayed so longer than SQLite waits: run the command again when"
            + " it is done");
      }
    }
    return Optional.empty();
  }

  /**
   * See {@link Database#explained}: a file that is no SQLite database, or a damaged one (the
   * driver says {@code [SQLITE_NOTADB]}, {@code [SQLITE_CORRUPT]}). Nothing was written to it.
   */
  public static Optional<String> unreadableFile(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause instanceof SQLException ? String.valueOf(cause.getMessage()) : "";
      if (message.contains("[SQLITE_NOTADB]")) {
        return Optional.of("the file the url names is not a SQLite database (another kind of file, or an encrypted"
            + " one): check the url (jdbc:sqlite:FILE); nothing was written to it");
      }
      if (message.contains("[SQLITE_CORRUPT]")) {
        return Optional.of("the SQLite database the url names is damaged (SQLite finds it malformed): restore it from"
            + " a copy, or check it with sqlite3's .recover; nothing was written to it");
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> versionGuard(List<String> heads, String failure) {
    String found = "coalesce((select group_concat(version_num, ',') from (select version_num from "
        + TableFilter.VERSION_TABLE + " order by version_num)), '')";
    return SqliteScriptStop.unless("_autogenerate_version_guard", found + " = " + Ddl.literal(String.join(",", heads)),
        failure);
  }

  /**
   * The sqlite3 shell goes on after an error unless told, and a rebuild after a failed guard would
   * drop what the guard kept; references are not enforced while tables are rebuilt.
   */
  @Override
  public String scriptPreamble(String url) {
    return "-- For the sqlite3 shell, which stops at the first error only when told (as with -bail):\n"
        + ".bail on\n"
        + "-- SQLite: tables are rebuilt to be altered; references are not enforced meanwhile.\n"
        + "pragma foreign_keys = off;\n\n";
  }

  /**
   * As {@link SqliteRevisionGuard} at upgrade: the references broken before the revision are
   * counted first, and it commits only if it broke no more (with enforcement off, SQLite checks
   * none by itself, so a foreign key added over orphaned rows went through).
   */
  @Override
  public List<String> scriptRevisionStart() {
    return List.of("create table temp." + REFERENCES_BEFORE + " as " + BROKEN_REFERENCES);
  }

  @Override
  public List<String> scriptRevisionEnd(String revisionLabel) {
    List<String> statements = new ArrayList<>(SqliteScriptStop.unless("_autogenerate_references_guard",
        "(select count(*) from (" + BROKEN_REFERENCES + ") as now left join temp." + REFERENCES_BEFORE
            + " as before using (child, parent) where now.broken > coalesce(before.broken, 0)) = 0",
        revisionLabel + " leaves rows referencing missing rows (pragma foreign_key_check lists them); nothing of it"
            + " is committed: delete or fix those rows first, in the migration or by hand"));
    statements.add("drop table temp." + REFERENCES_BEFORE);
    return statements;
  }

  private static final String REFERENCES_BEFORE = "_autogenerate_references_before";

  /** How many rows of each referencing table point at missing rows of each referenced table. */
  private static final String BROKEN_REFERENCES = "select lower(\"table\") as child, lower(parent) as parent,"
      + " count(*) as broken from pragma_foreign_key_check group by 1, 2";

  @Override
  public List<String> scriptStop(String condition, String failure) {
    return SqliteScriptStop.unless("_autogenerate_script_guard", condition, failure);
  }

  @Override
  public String noTableNamed(List<String> tables) {
    // By name as SQLite finds a table: in any case.
    // sqlite_master: the name a DBA's older sqlite3 shell knows too (sqlite_schema came in 3.33).
    return "(select count(*) from sqlite_master where type = 'table' and name collate nocase in ("
        + String.join(", ", tables.stream().map(Ddl::literal).toList()) + ")) = 0";
  }

  @Override
  public <T> T readWithin(Connection connection, Duration limit, Read<T> read) throws SQLException {
    return SqliteTimeLimit.readWithin(connection, limit, read);
  }

  @Override
  public String utcNowAsText() {
    return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
  }

  @Override
  public RevisionGuard beginRevision(Connection connection, LockWait wait) throws SQLException {
    return SqliteRevisionGuard.begin(connection, wait);
  }

  /** Writers take turns per transaction: each revision's begins with SQLite's write lock. */
  @Override
  public MigrationLock lockMigrations(Connection connection, LockWait wait) {
    return MigrationLock.NONE;
  }

  /**
   * A row that does not fit a rebuilt table: SQLite's message names the new table under its
   * temporary name ({@code _autogenerate_rebuild_users.name}), which no one wrote; said here as
   * the table it becomes.
   */
  @Override
  public String explain(Exception failure, String statement) {
    Matcher rebuilt = REBUILD_TABLE.matcher(String.valueOf(failure.getMessage()));
    if (!rebuilt.find()) {
      return "";
    }
    String table = rebuilt.group(1);
    return " (" + SqliteTableRebuild.TEMPORARY_PREFIX + table + " is table " + table + " as the revision rebuilds it:"
        + " SQLite changes a column's type or constraints by copying the rows into a new table, and a row of " + table
        + " does not fit the new one)";
  }

  /** The temporary name of a table being rebuilt, and the table's own name after it. */
  private static final Pattern REBUILD_TABLE =
      Pattern.compile(Pattern.quote(SqliteTableRebuild.TEMPORARY_PREFIX) + "([A-Za-z0-9_$]+)");

  // ----- comparison rules

  /**
   * Types are the same when SQLite spells them alike. An identity column must be declared exactly
   * {@code integer} to become SQLite's rowid alias, so there any integer width is the same type.
   * A {@code @Lob} (PostgreSQL's {@code oid}) is spelled {@code blob} here, so Hibernate's own
   * {@code blob} is the same, and its {@code clob} (text) not: a text column becoming a large object
   * must change on PostgreSQL, where the same migration runs.
   */
  @Override
  public boolean sameType(SqlType databaseType, SqlType entityType, boolean identity) {
    if (identity && SqliteDdl.INTEGER_KINDS.contains(databaseType.kind())
        && SqliteDdl.INTEGER_KINDS.contains(entityType.kind())) {
      return true;
    }
    return SqliteDdl.typeName(databaseType).equals(SqliteDdl.typeName(entityType));
  }

  /** SQLite fills ids through the rowid, never through a default. */
  @Override
  public boolean isGeneratedDefault(String defaultSql) {
    return false;
  }

  /** References are checked when the revision commits, so each table's changes stay together. */
  @Override
  public boolean foreignKeysMayReferenceLaterTables() {
    return true;
  }

  /** Hibernate's sequence table keeps only the next value. */
  @Override
  public boolean storesSequenceIncrement() {
    return false;
  }

  @Override
  public boolean triggerStatementsHoldTheirBodies() {
    return true;
  }
}
