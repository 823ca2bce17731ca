package dev.autogenerate.dialect;

import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import java.util.List;

/**
 * One database's SQL: how it spells portable types, which spellings it treats as the same type,
 * and the statements that carry out an operation.
 */
public interface SqlDialect {

  DatabaseKind kind();

  /** The type as this database's DDL spells it. */
  String typeName(SqlType type);

  /**
   * Whether a column declared with {@code entityType} and one the database reports as
   * {@code databaseType} hold the same type here. Both come through the same parser, so this only
   * decides what the parser cannot, such as lengths this database ignores.
   */
  boolean sameType(SqlType databaseType, SqlType entityType, boolean identity);

  /** Whether tables and columns carry comments here. */
  boolean supportsComments();

  /** Whether named enum types exist here ({@code create type ... as enum}). */
  boolean supportsEnumTypes();

  /** Whether a foreign key may name a table that does not exist yet. */
  boolean foreignKeysMayReferenceLaterTables();

  /** Whether a sequence's increment is stored and can be compared. */
  boolean comparesSequenceIncrement();

  /**
   * The statements that carry out an operation, in order.
   *
   * @param before the schema just before the operation: what a drop restores, what a SQLite table
   *     rebuild copies
   */
  List<String> statements(Operation operation, Schema before);

  /** An identifier as both databases' SQL writes it: quoted only where needed. */
  static String quoteIdentifier(String identifier) {
    return SqlIdentifiers.quote(identifier);
  }

  static SqlDialect forKind(DatabaseKind kind) {
    switch (kind) {
      case POSTGRESQL:
        return new PostgresDialect();
      case SQLITE:
        return new SqliteDialect();
      default:
        throw new IllegalArgumentException("no SQL dialect for " + kind);
    }
  }
}
