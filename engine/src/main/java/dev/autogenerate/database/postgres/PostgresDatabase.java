package dev.autogenerate.database.postgres;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.compare.ComparisonRules;
import dev.autogenerate.database.AheadOfTransaction;
import dev.autogenerate.database.ConnectionOpener;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.Ddl;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.inspect.DatabaseInspector;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.LockTimeout;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL: transactional DDL that alters everything in place, named enum types, comments,
 * real sequences, and schemas. Its transactions guard a revision on their own.
 */
public final class PostgresDatabase implements Database, ComparisonRules {

  /**
   * The oldest PostgreSQL the tool migrates: the inspector's catalog queries need 11 (an index's
   * key columns, {@code indnkeyatts}).
   */
  static final int OLDEST_SUPPORTED_MAJOR = 11;

  /** The first major version that runs {@code alter type ... add value} inside a transaction block. */
  static final int ADDS_ENUM_VALUES_IN_TRANSACTIONS = 12;

  /** The server's major version; {@link Integer#MAX_VALUE} for a current one, when it is not known. */
  private final int serverMajor;

  /** PostgreSQL of a current version: what the tool assumes without a connection (offline SQL). */
  public PostgresDatabase() {
    this(Integer.MAX_VALUE);
  }

  private PostgresDatabase(int serverMajor) {
    this.serverMajor = serverMajor;
  }

  /** @throws UserError for a server older than {@link #OLDEST_SUPPORTED_MAJOR}, naming the fix */
  @Override
  public PostgresDatabase atServerVersion(int major) {
    if (major < OLDEST_SUPPORTED_MAJOR) {
      throw new UserError("PostgreSQL " + major + " is not supported: Autogenerate needs PostgreSQL "
          + OLDEST_SUPPORTED_MAJOR + " or later; upgrade the server");
    }
    return new PostgresDatabase(major);
  }

  /**
   * A block raising the failure with the heads found; psql with ON_ERROR_STOP stops there, and in
   * a transaction the block aborts it, so that nothing after it commits even without. A missing
   * version table reads as none: PL/pgSQL plans a query only when it runs, so the script may check
   * before it creates its tables.
   */
  @Override
  public List<String> versionGuard(List<String> heads, String failure) {
    String message = failure.replace("%", "%%") + " (the database is at: %)";
    return List.of("do $guard$\ndeclare found text := '';\nbegin\n"
        + "  if to_regclass(" + Ddl.literal(TableFilter.VERSION_TABLE) + ") is not null then\n"
        + "    select coalesce(string_agg(version_num, ',' order by version_num collate \"C\"), '') into found from "
        + TableFilter.VERSION_TABLE + ";\n  end if;\n"
        + "  if found <> " + Ddl.literal(String.join(",", heads)) + " then\n"
        + "    raise exception " + Ddl.literal(message) + ", found;\n  end if;\nend $guard$");
  }

  @Override
  public boolean scriptChecksBeforeCreatingTables() {
    return true;
  }

  /**
   * psql stops at the first error only when told: a guard outside a transaction (before a
   * concurrent index) would stop nothing otherwise. Its {@code -1} ends at the script's first
   * {@code commit}, so it is told not to use it. The schema the URL names ({@code currentSchema},
   * as the driver sets it for the tool's own connection) is the session's search path: without it
   * a user test's script migrated {@code public}, and the tool then found the schema it meant at
   * base.
   */
  @Override
  public String scriptPreamble(String url) {
    StringBuilder preamble = new StringBuilder()
        .append("-- For psql, which stops at the first error only when told (as with -v ON_ERROR_STOP=1);\n")
        .append("-- run it without -1 (--single-transaction): the script begins and commits its own transactions.\n")
        .append("\\set ON_ERROR_STOP on\n");
    urlParameter(url, "currentSchema").ifPresent(schema -> preamble
        .append("-- The schema the URL names (currentSchema), as the tool's own connection has it:\n")
        .append("do $path$ begin perform pg_catalog.set_config('search_path', ").append(Ddl.literal(schema))
        .append(", false); end $path$;\n"));
    return preamble.append('\n').toString();
  }

  /**
   * The runtime's revision lock: a user test's command, racing a DBA's script, ran a revision the
   * script was running and failed at its version row with a raw duplicate-key error; holding the
   * same lock, the command waits for the script's transaction and then finds the revision applied.
   */
  @Override
  public List<String> scriptTransactionStart() {
    // In a do block, as the guards are: a select would print its empty row at every revision.
    return List.of("do $lock$ begin perform pg_catalog.pg_advisory_xact_lock(" + PostgresRevisionLock.KEY + ", "
        + PostgresMigrationLock.SCHEMA_KEY + "); end $lock$");
  }

  /** A parameter of a PostgreSQL JDBC URL ({@code ?currentSchema=sales&ssl=true}), decoded. */
  static Optional<String> urlParameter(String url, String name) {
    int query = url == null ? -1 : url.indexOf('?');
    if (query < 0) {
      return Optional.empty();
    }
    for (String pair : url.substring(query + 1).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name) && equals < pair.length() - 1) {
        return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> scriptStop(String condition, String failure) {
    return List.of("do $guard$\nbegin\n  if not (" + condition + ") then\n    raise exception "
        + Ddl.literal(failure.replace("%", "%%")) + ";\n  end if;\nend $guard$");
  }

  @Override
  public String noTableNamed(List<String> tables) {
    return String.join(" and ", tables.stream()
        .map(table -> "to_regclass(" + Ddl.literal(Ddl.qualifiedName(table)) + ") is null").toList());
  }

  @Override
  public <T> T readWithin(Connection connection, Duration limit, Read<T> read) throws SQLException {
    return PostgresTimeLimit.readWithin(connection, limit, read);
  }

  @Override
  public String utcNowAsText() {
    return "to_char(current_timestamp at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
  }

  @Override
  public boolean runsOutsideTransaction(List<Operation> operations) {
    return operations.stream().anyMatch(operation -> !operation.transactional());
  }

  /**
   * A revision runs in a transaction of its own when it runs outside one, or what it does is
   * meant to end with its transaction or be committed before the next revision: a lock timeout
   * ({@code set local} lasts until the commit); the lock-safe forms (a constraint added {@code not
   * valid}, its validation, a unique constraint over an index built beforehand), whose revisions
   * exist so that each strong lock is short, not held until a long transaction ends; and new enum
   * values, which PostgreSQL lets no statement use before they commit (and before 12 adds only
   * ahead of a transaction).
   */
  @Override
  public boolean needsOwnTransaction(List<Operation> operations) {
    return operations.stream().anyMatch(operation -> !operation.transactional() || operation instanceof LockTimeout
        || operation instanceof AddConstraintNotValid || operation instanceof ValidateConstraint
        || operation instanceof AddUniqueUsingIndex || operation instanceof AlterEnumType);
  }

  /**
   * Before PostgreSQL 12, {@code alter type ... add value} cannot run inside a transaction block
   * (unless the type was created in it), so a revision's new values for a type that exists are
   * added ahead of its transaction, each skipped where the type already has it. A revision that
   * fails later leaves them added: values no row uses yet, which the next upgrade skips. They can
   * move ahead only where the operations before them leave the type alone and apply to the schema,
   * which raw SQL makes unknowable: the revision is refused then, before anything runs.
   */
  @Override
  public AheadOfTransaction aheadOfTransaction(List<Operation> operations, Schema before) {
    boolean addsToATypeThatExists = operations.stream()
        .anyMatch(operation -> operation instanceof AlterEnumType alter && before.enumType(alter.name()).isPresent());
    if (serverMajor >= ADDS_ENUM_VALUES_IN_TRANSACTIONS || !addsToATypeThatExists) {
      return AheadOfTransaction.none(operations);
    }
    List<String> statements = new ArrayList<>();
    List<Operation> moved = new ArrayList<>();
    List<Operation> rest = new ArrayList<>();
    Schema schema = before;
    boolean afterRawSql = false;
    for (Operation operation : operations) {
      if (operation instanceof AlterEnumType alter && addsValuesToATypeThatExisted(alter, afterRawSql ? before : schema,
          before)) {
        if (afterRawSql) {
          throw new IllegalArgumentException(cannotMoveAhead(alter, "it follows raw SQL, which may change the type"));
        }
        if (!schema.enumType(alter.name()).equals(before.enumType(alter.name()))) {
          throw new IllegalArgumentException(cannotMoveAhead(alter, "an earlier operation of the revision changes the type"));
        }
        statements.addAll(PostgresStatements.addEnumValues(alter, before.enumType(alter.name()).orElseThrow(), true));
        moved.add(operation);
      } else {
        rest.add(operation);
      }
      if (operation instanceof ExecuteSql) {
        afterRawSql = true;
      } else if (!afterRawSql) {
        try {
          schema = operation.applyTo(schema);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("cannot " + operation.describe() + ": " + e.getMessage(), e);
        }
      }
    }
    return new AheadOfTransaction(statements, moved, rest);
  }

  /** Whether the operation only adds values, as the schema has the type, to a type there before the revision. */
  private static boolean addsValuesToATypeThatExisted(AlterEnumType alter, Schema schema, Schema before) {
    return before.enumType(alter.name()).isPresent()
        && schema.enumType(alter.name()).map(type -> alter.onlyAddsValuesTo(type.values())).orElse(false);
  }

  private String cannotMoveAhead(AlterEnumType alter, String reason) {
    return "PostgreSQL " + serverMajor + " adds values to an enum type only outside a transaction, ahead of the"
        + " revision's other operations, and " + reason + ": move the change to enum type " + alter.name()
        + " into a revision of its own";
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
  /** The driver's classes a check loads, as listed beside this class ({@link PostgresDriverClasses}). */
  @Override
  public void loadDriverClasses() {
    PostgresDriverClasses.load();
  }


  /** SQLSTATE 55P03, lock not available: what a revision's {@code lock_timeout} raises. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";
  /** PostgreSQL's wrong_object_type: a statement for one kind of relation given another kind. */
  private static final String WRONG_OBJECT_TYPE = "42809";

  /**
   * A statement that gave up waiting for a lock: another session held one on its table longer
   * than the revision's lock timeout allowed, which is the timeout doing its job.
   */
  @Override
  public String explain(Exception failure, String statement) {
    if (!(failure instanceof SQLException sql)) {
      return "";
    }
    if (LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
      return " (another session held a lock on the table longer than the revision's lock timeout: run the upgrade"
          + " again when the table is quieter)";
    }
    // A view dropped as the wrong kind of relation: PostgreSQL's hint (in the server's language)
    // names the statement to use; this names the operations, whatever the relation turns out to be.
    String dropped = statement == null ? "" : statement.stripLeading().toLowerCase(Locale.ROOT);
    if (WRONG_OBJECT_TYPE.equals(sql.getSQLState())
        && (dropped.startsWith("drop view ") || dropped.startsWith("drop materialized view "))) {
      return " (op.dropView drops a plain view, op.dropMaterializedView a materialized one)";
    }
    // The server's detail names the rows: "Key (phone)=(1) is duplicated.", "Failing row contains ...".
    if (sql instanceof PSQLException server && server.getServerErrorMessage() != null
        && server.getServerErrorMessage().getDetail() != null) {
      return " (" + UserError.firstLine(server.getServerErrorMessage().getDetail()) + ")";
    }
    return "";
  }

  @Override
  public DatabaseInspector inspector() {
    return new PostgresInspector();
  }

  @Override
  public ComparisonRules comparisonRules() {
    return this;
  }

  @Override
  public boolean storesComments() {
    return true;
  }

  @Override
  public boolean storesEnumTypes() {
    return true;
  }

  /** Each operation is its own statements: nothing is gained by taking a group as a whole. */
  @Override
  public List<String> statements(ChangeGroup group, Schema before) {
    List<String> statements = new ArrayList<>();
    Schema schema = before;
    List<Operation> operations = group.operations();
    for (int i = 0; i < operations.size(); i++) {
      statements.addAll(operations.get(i).accept(new PostgresStatements(schema)));
      if (i + 1 < operations.size()) {
        schema = operations.get(i).applyTo(schema);
      }
    }
    return statements;
  }

  /**
   * Names in the connection's current schema lose their qualifier ({@code @Table(schema =
   * "public")} is no schema at all), every other schema the entities name must exist (the tool
   * does not create schemas), and no name may be longer than PostgreSQL keeps.
   */
  @Override
  public Schema targetFor(Schema entities, Connection connection) throws SQLException {
    Schema target = entities.withDefaultSchema(connection.getSchema());
    IdentifierLength.requireWithinLimit(target);
    requireSchemasExist(connection, target.otherSchemas());
    return target;
  }

  /** The current schema's qualifier goes, as it goes from the tables the renames name. */
  @Override
  public Renames targetFor(Renames entities, Connection connection) throws SQLException {
    return entities.withDefaultSchema(connection.getSchema());
  }

  /**
   * Transactional DDL: the transaction guards the revision by itself, once it holds the
   * revision lock (which ends with it), so that revisions take turns whatever the session lock
   * can do ({@link PostgresRevisionLock}).
   */
  @Override
  public RevisionGuard beginRevision(Connection connection, LockWait wait) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      PostgresRevisionLock.take(connection, wait);
    } catch (SQLException | RuntimeException e) {
      // The connection as it was (a caller's own transaction is the caller's to end).
      if (autoCommit) {
        try {
          connection.rollback();
          connection.setAutoCommit(true);
        } catch (SQLException alsoFailed) {
          e.addSuppressed(alsoFailed);
        }
      }
      throw e;
    }
    return RevisionGuard.NONE;
  }

  @Override
  public MigrationLock lockMigrations(Connection connection, LockWait wait) throws SQLException {
    return PostgresMigrationLock.acquire(connection, wait);
  }

  @Override
  public MigrationLock lockMigrations(Connection connection, ConnectionOpener lockConnections, LockWait wait)
      throws SQLException {
    return PostgresTransactionMigrationLock.acquire(connection, lockConnections, wait);
  }

  @Override
  public String lockHolders(Connection running, ConnectionOpener others) {
    return LockHolders.of(running, others);
  }

  // ----- comparison rules

  /** A declared binary length is a Java-side limit only: {@code bytea} has none. */
  @Override
  public boolean sameType(SqlType databaseType, SqlType entityType, boolean identity) {
    if (databaseType.kind() == SqlType.Kind.BINARY && entityType.kind() == SqlType.Kind.BINARY) {
      return true;
    }
    return databaseType.equals(entityType);
  }

  /** A serial column's {@code nextval('users_id_seq'::regclass)}. */
  @Override
  public boolean isGeneratedDefault(String defaultSql) {
    return defaultSql != null && defaultSql.trim().toLowerCase().startsWith("nextval(");
  }

  @Override
  public boolean foreignKeysMayReferenceLaterTables() {
    return false;
  }

  @Override
  public boolean storesSequenceIncrement() {
    return true;
  }

  /** The session's {@code TimeZone}, which the driver sets from the JVM's zone, not the server's. */
  @Override
  public Optional<String> sessionTimeZone(Connection connection) {
    try (Statement statement = connection.createStatement(); ResultSet zone = statement.executeQuery("show timezone")) {
      return zone.next() ? Optional.ofNullable(zone.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty(); // an aborted transaction, say: the warning goes without it
    }
  }

  /** Read into a text or bytes column, each large object stays where it was, referenced by nothing. */
  @Override
  public String typeChangeNote(SqlType from, SqlType to) {
    return PostgresStatements.isLargeObject(from) && !PostgresStatements.isLargeObject(to)
        ? " (the large objects it referenced stay in pg_largeobject, unreferenced, until vacuumlo removes them)" : "";
  }

  /** {@code CREATE TRIGGER ... EXECUTE FUNCTION f()}: the body is the function's. */
  @Override
  public boolean triggerStatementsHoldTheirBodies() {
    return false;
  }

  /**
   * One small catalog query: pgjdbc's {@code getTables} is a join over five catalogs, planned
   * afresh on each call, after a {@code current_schema()} round trip of its own (2-3 ms a call on
   * a new connection, and a command asks several times). A plain statement with the name written
   * in, which the driver never prepares on the server: behind a transaction-pooling PgBouncer a
   * statement prepared on one server session fails on the next (see the migration lock).
   */
  @Override
  public boolean hasTable(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("""
            select 1
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where n.nspname = pg_catalog.current_schema()
              and c.relname = '%s'
              and c.relkind in ('r', 'p')""".formatted(name.replace("'", "''")))) {
      return row.next();
    }
  }

  private static void requireSchemasExist(Connection connection, Set<String> schemas) throws SQLException {
    if (schemas.isEmpty()) {
      return;
    }
    Set<String> existing = new HashSet<>();
    try (ResultSet rows = connection.getMetaData().getSchemas()) {
      while (rows.next()) {
        existing.add(rows.getString("TABLE_SCHEM"));
      }
    }
    for (String schema : schemas) {
      if (!existing.contains(schema)) {
        throw new UserError("schema " + schema + " does not exist: the entities map tables into it; create it first"
            + " (create schema " + Database.quoteIdentifier(schema) + ") and run the command again");
      }
    }
  }
}
