package dev.autogenerate.database.postgres;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.compare.ComparisonRules;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.inspect.DatabaseInspector;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL: transactional DDL that alters everything in place, named enum types, comments,
 * real sequences, and schemas. Its transactions guard a revision on their own.
 */
public final class PostgresDatabase implements Database, ComparisonRules {

  /**
   * The oldest PostgreSQL the tool migrates. Before 12, {@code alter type ... add value} cannot run
   * inside a transaction block, so a revision adding an enum value could not be atomic; and 11 and
   * older are past their end of life.
   */
  static final int OLDEST_SUPPORTED_MAJOR = 12;

  /** @throws UserError for a server older than {@link #OLDEST_SUPPORTED_MAJOR}, naming the fix */
  @Override
  public void requireSupportedVersion(int major) {
    if (major < OLDEST_SUPPORTED_MAJOR) {
      throw new UserError("PostgreSQL " + major + " is not supported: Autogenerate needs PostgreSQL "
          + OLDEST_SUPPORTED_MAJOR + " or later (before 12, adding an enum value cannot be part of a revision's"
          + " transaction); upgrade the server");
    }
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }

  /** SQLSTATE 55P03, lock not available: what a revision's {@code lock_timeout} raises. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  /**
   * A statement that gave up waiting for a lock: another session held one on its table longer
   * than the revision's lock timeout allowed, which is the timeout doing its job.
   */
  @Override
  public String explain(Exception failure) {
    return failure instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())
        ? " (another session held a lock on the table longer than the revision's lock timeout: run the upgrade"
            + " again when the table is quieter)"
        : "";
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

  /** Transactional DDL: the transaction guards the revision by itself. */
  @Override
  public RevisionGuard beginRevision(Connection connection, LockWait wait) throws SQLException {
    connection.setAutoCommit(false);
    return RevisionGuard.NONE;
  }

  @Override
  public MigrationLock lockMigrations(Connection connection, LockWait wait) throws SQLException {
    return PostgresMigrationLock.acquire(connection, wait);
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
