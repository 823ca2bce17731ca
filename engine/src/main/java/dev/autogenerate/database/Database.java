package dev.autogenerate.database;

import dev.autogenerate.compare.Risk;
import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.compare.ComparisonRules;
import dev.autogenerate.database.postgres.PoolerFailures;
import dev.autogenerate.database.postgres.PrivilegeFailures;
import dev.autogenerate.database.postgres.PostgresDatabase;
import dev.autogenerate.database.sqlite.SqliteDatabase;
import dev.autogenerate.inspect.DatabaseInspector;
import dev.autogenerate.inspect.InspectionCache;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything that is particular to one kind of database, in one place, as Flyway keeps a
 * {@code Database} per vendor: how to read it, how to compare against it, the statements that
 * carry out each operation, and what runs around a revision. The rest of the tool (the
 * comparison, the runtime, the commands) works on schema values and operations and asks the
 * database only through this interface.
 *
 * <p>It is chosen once, from the open connection ({@link #of}). Adding a database is one new
 * package implementing this, and its line in {@link #forKind}.
 */
public interface Database {

  DatabaseKind kind();

  /**
   * Loads the classes a command against this database loads from its JDBC driver, without a
   * server: the run writing the launcher's class archive uses one database, and the archive
   * should hold the other's driver too (a project on SQLite in development and PostgreSQL in CI
   * would otherwise load one driver's classes from the jar in every command). Nothing here may
   * fail that run. Nothing by default.
   */
  default void loadDriverClasses() {}

  /**
   * This database as a server of the given major version runs it: the same, unless something
   * differs between versions.
   *
   * @throws UserError when the server is too old for the tool, with the one line a user needs
   */
  default Database atServerVersion(int majorVersion) {
    return this;
  }

  /** Reads the live schema, in a fixed number of catalog queries. */
  DatabaseInspector inspector();

  /** What the comparison must know about this database: which types it tells apart, and more. */
  ComparisonRules comparisonRules();

  /** Whether tables and columns carry comments here; where not, the history remembers them. */
  boolean storesComments();

  /** Whether named enum types exist here; where not, the history remembers them. */
  boolean storesEnumTypes();

  /**
   * Whether a column's type binds its values: where not (SQLite keeps each value as it was
   * stored, whatever a column is declared as), a narrowed or converted column keeps them all, and
   * the revision fails or rounds only on a database that does.
   */
  default boolean enforcesColumnTypes() {
    return true;
  }

  /**
   * What a risk's warning adds on this database, where it does something else than the warning
   * says (which is what PostgreSQL does, where the same migration runs); empty where it does that.
   */
  default String riskRemark(Risk risk) {
    return "";
  }

  /**
   * Whether a table of exactly this name is in the connection's current schema (the tool's own
   * tables are looked for so before each read). Through the driver's metadata here, which takes
   * the name as a pattern ({@code _} matches any character), so the rows are matched exactly.
   */
  default boolean hasTable(Connection connection, String name) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
      while (tables.next()) {
        if (name.equals(tables.getString("TABLE_NAME"))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The time zone this session converts timestamps in, where the database has one (a
   * {@code timestamp} made {@code timestamptz} reads each value in it); empty where not, or unknown.
   */
  default Optional<String> sessionTimeZone(Connection connection) {
    return Optional.empty();
  }

  /**
   * The statements that carry out a group of changes to one subject, in order.
   *
   * @param before the schema just before the group: what a drop restores, what a table rebuild
   *     copies
   */
  List<String> statements(ChangeGroup group, Schema before);

  /**
   * The schema the entities map to, as this connection sees it: names in the connection's
   * default schema unqualified, and what the database cannot hold refused with a user error
   * naming the fix.
   */
  Schema targetFor(Schema entities, Connection connection) throws SQLException;

  /**
   * The renames the entities state, named as {@link #targetFor(Schema, Connection)} names the
   * tables they go with. By default as they are: only a database that drops a qualifier there must
   * drop it here too.
   */
  default Renames targetFor(Renames entities, Connection connection) throws SQLException {
    return entities;
  }

  /**
   * Makes this process the one migrating the database until the lock is closed: others wait
   * (saying so) and give up after {@code wait.timeout()}. A database whose revision transactions
   * take turns by themselves returns {@link MigrationLock#NONE}.
   */
  MigrationLock lockMigrations(Connection connection, LockWait wait) throws SQLException;

  /**
   * {@link #lockMigrations(Connection, LockWait)}, holding the lock where a pool that hands each
   * transaction whichever server session is free (PgBouncer in transaction pooling) cannot lose
   * it: on a connection of its own from {@code lockConnections}, opened only by a database that
   * needs one, and closed with the lock.
   */
  default MigrationLock lockMigrations(Connection connection, ConnectionOpener lockConnections, LockWait wait)
      throws SQLException {
    return lockMigrations(connection, wait);
  }

  /**
   * Who holds the lock a statement running on {@code running} waits for, as {@code "; waiting for
   * a lock held by ..."}, or "" when it waits for no one or this database cannot tell; asked on a
   * connection of its own from {@code others}, since {@code running} is busy with the statement.
   */
  default String lockHolders(Connection running, ConnectionOpener others) {
    return "";
  }

  /**
   * Begins one revision's transaction (the connection is then in manual commit), waiting its turn
   * where the database makes writers take turns per transaction, and returns what must happen
   * before it commits and after it ends.
   */
  RevisionGuard beginRevision(Connection connection, LockWait wait) throws SQLException;

  /**
   * Statements that stop a script unless the version table lists exactly these heads (none: the
   * database at base), the place the script was written to start from: run elsewhere, it would
   * apply revisions on top of others that never ran, and record the database as migrated.
   *
   * @param heads the version rows expected, sorted as {@link String#compareTo} sorts them
   * @param failure what the stopped script says, and how to write the right one
   */
  List<String> versionGuard(List<String> heads, String failure);

  /**
   * A condition, in this database's SQL, that holds when none of these tables exists: what a
   * script from base checks first, so that one run on a database made otherwise (not yet adopted)
   * stops before its first statement rather than at one that finds its table there.
   */
  String noTableNamed(List<String> tables);

  /**
   * What a script written without the database begins with, after its header comment: the
   * client's settings its guards need (a client goes on after an error unless told), and the
   * session's, as the URL the script is written for sets them; each line ends with a newline, and
   * a blank line ends the whole.
   */
  String scriptPreamble(String url);

  /**
   * Whether a script's {@link #versionGuard} reads a version table that may not exist yet, so that
   * the script checks before it creates the bookkeeping tables and a stopped script has changed
   * nothing. Where it cannot, the script creates them (empty, if missing) first.
   */
  default boolean scriptChecksBeforeCreatingTables() {
    return false;
  }

  /**
   * Statements that stop a script written without the database unless {@code condition} (an SQL
   * expression over tables the script has created, if missing) holds.
   *
   * @param failure what the stopped script says, and how to go on
   */
  List<String> scriptStop(String condition, String failure);

  /**
   * What to tell, in place of an unexpected driver error, of a failure whose cause is known and
   * which the user can remedy; empty for any other. Another process held a SQLite database locked
   * for longer than its driver waits (3 s: a long migration, or a program holding a transaction
   * open); migrations themselves wait for each other through {@link #lockMigrations} and
   * {@link #beginRevision}, saying so, up to the lock timeout. Or a pool in front of PostgreSQL
   * (PgBouncer) lost the driver's prepared statements, or had no server connection to give. Or the
   * connection's user lacks a privilege the command needs. Or a SQLite url names a file that is
   * no SQLite database, or a damaged one.
   */
  static Optional<String> explained(Throwable failure) {
    return SqliteDatabase.lockedByAnotherProcess(failure).or(() -> SqliteDatabase.unreadableFile(failure))
        .or(() -> PoolerFailures.explain(failure)).or(() -> PrivilegeFailures.explain(failure));
  }

  /**
   * Runs a read that may take long (a count of the rows a risky step concerns) for at most
   * {@code limit}: one that runs out fails with an {@link SQLException}, rather than hold up a
   * deployment or the writing of a migration against a large database. The connection is left as
   * it was found: its auto-commit, its transaction and what that did so far, its settings.
   * Unbounded by default.
   */
  default <T> T readWithin(Connection connection, Duration limit, Read<T> read) throws SQLException {
    return read.run();
  }

  /** A read {@link #readWithin} runs. */
  @FunctionalInterface
  interface Read<T> {
    T run() throws SQLException;
  }

  /**
   * An SQL expression for the time now in UTC, as ISO-8601 text with a {@code Z}, as the runtime
   * records when it applied a revision ({@code Instant.toString()}): an offline script's rows
   * then read like the runtime's.
   */
  String utcNowAsText();

  /**
   * What a failed statement's error means here, beyond the database's own message, as a
   * parenthesis to add to it ({@code " (another session held a lock ...)"}); empty when the
   * message says it all.
   *
   * @param statement the statement that failed, or {@code null} when none had started
   */
  default String explain(Exception failure, String statement) {
    return "";
  }

  /**
   * What of a revision this server cannot run inside a transaction and runs, safe to repeat, just
   * before it: the runtime runs those statements each on its own, then the rest of the revision in
   * its transaction. If the revision then fails, they stay applied and the next upgrade runs them
   * again harmlessly. By default everything runs inside the transaction.
   *
   * @param before the schema at the start of the revision
   * @throws IllegalArgumentException when such an operation cannot be moved ahead of the others,
   *     or an operation before it does not apply to the schema, with the reason
   */
  default AheadOfTransaction aheadOfTransaction(List<Operation> operations, Schema before) {
    return AheadOfTransaction.none(operations);
  }

  /**
   * Whether a revision holding these operations runs outside a transaction: PostgreSQL cannot
   * build an index {@code concurrently} in one. Such an operation must be alone in its revision
   * on every database (the same file runs on both); where the database has no such limit, it runs
   * in the revision's transaction like any other.
   */
  default boolean runsOutsideTransaction(List<Operation> operations) {
    return false;
  }

  /**
   * Whether a revision holding these operations must have a transaction of its own, never
   * joining a {@linkplain dev.autogenerate.runtime.Migrator#withSingleTransaction single
   * transaction} with other revisions: the transaction ends before it and after it. Nothing
   * needs that by default.
   */
  default boolean needsOwnTransaction(List<Operation> operations) {
    return false;
  }

  /** The live schema, without what the filter excludes. */
  default Schema inspect(Connection connection, TableFilter filter) throws SQLException {
    return inspector().inspect(connection, filter);
  }

  /** The same, from the cache where this database can tell its schema was inspected before. */
  default Schema inspect(Connection connection, TableFilter filter, InspectionCache cache) throws SQLException {
    return inspector().inspect(connection, filter, cache);
  }

  /**
   * The inspected schema, completed with what this database cannot store (enum types, comments)
   * from the schema the applied migrations recorded.
   *
   * @param recorded replays the applied migrations; called only where something is missing, so a
   *     database that stores everything never pays for the replay
   */
  default Schema withUnstored(Schema inspected, Supplier<Optional<Schema>> recorded) {
    return UnstoredProperties.fill(inspected, recorded, storesComments(), storesEnumTypes(),
        comparisonRules().storesExactTypes() ? null : comparisonRules());
  }

  /**
   * The schema read from this database with its names spelled as {@code reference} (the entities)
   * spells the same names, where this database does not tell the two spellings apart. By default
   * as it is: a database that folds a name when it creates it holds it as the entities name it.
   */
  default Schema spelledAs(Schema inspected, Schema reference) {
    return inspected;
  }

  /** The same, as these operations spell the names they look up, for them to find them. */
  default Schema spelledFor(Schema schema, List<Operation> operations) {
    return schema;
  }

  /**
   * What a script written without the database ({@code upgrade --sql}) runs before a group's
   * statements, to stop where the database is not what the migrations say and the statements
   * would then lose data; none by default. The runtime needs none: it inspects the database.
   *
   * @param statements the group's statements, as {@link #statements(ChangeGroup, Schema)} gave them
   */
  default List<String> scriptGuards(ChangeGroup group, Schema before, List<String> statements) {
    return List.of();
  }

  /**
   * What a script written without the database runs first in each revision (after its
   * {@code begin}), with {@link #scriptRevisionEnd} last, before its version rows: what the
   * runtime's guard of a revision does around it ({@link #beginRevision}); none by default.
   */
  default List<String> scriptRevisionStart() {
    return List.of();
  }

  /**
   * What a script written without the database runs right after each {@code begin}, before it
   * reads where the database is: the lock the runtime's revisions take in theirs ({@link
   * #beginRevision}), so that a script and a command migrating the same database take turns as two
   * commands do; none by default (SQLite's write lock is taken by the transaction's first write).
   */
  default List<String> scriptTransactionStart() {
    return List.of();
  }

  /** See {@link #scriptRevisionStart}: the statements that stop the script unless the revision may commit. */
  default List<String> scriptRevisionEnd(String revisionLabel) {
    return List.of();
  }

  /** The SQL a list of operations becomes here, without running it; consecutive ones on one subject together. */
  default List<String> statements(List<Operation> operations, Schema before) {
    List<String> statements = new ArrayList<>();
    Schema schema = before;
    List<ChangeGroup> groups = ChangeGroup.ofOperations(operations);
    for (int i = 0; i < groups.size(); i++) {
      statements.addAll(statements(groups.get(i), schema));
      if (i + 1 < groups.size()) {
        for (Operation operation : groups.get(i).operations()) {
          schema = operation.applyTo(schema);
        }
      }
    }
    return statements;
  }

  /** The database behind an open connection, by the product name its driver reports. */
  static Database of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    for (DatabaseKind kind : DatabaseKind.values()) {
      if (kind.productName().equalsIgnoreCase(product)) {
        return forKind(kind).atServerVersion(connection.getMetaData().getDatabaseMajorVersion());
      }
    }
    throw new UserError("unsupported database " + product + ": Autogenerate supports PostgreSQL and SQLite");
  }

  /** The database of a kind, for work without a connection (rendering SQL, tests). */
  static Database forKind(DatabaseKind kind) {
    switch (kind) {
      case POSTGRESQL:
        return new PostgresDatabase();
      case SQLITE:
        return new SqliteDatabase();
      default:
        throw new IllegalArgumentException("no database support for " + kind);
    }
  }

  /** An identifier as both databases' SQL writes it: quoted only where needed. */
  static String quoteIdentifier(String identifier) {
    return SqlIdentifiers.quote(identifier);
  }
}
