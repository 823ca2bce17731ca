package dev.autogenerate.inspect;

import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a live database into the neutral {@link Schema} value: what autogenerate compares the
 * entities against.
 *
 * <p>Implementations read the whole schema with a fixed number of catalog queries, one per kind
 * of object (columns, constraints, indexes, sequences...), never one round trip per table. They only read: they change no data, no schema and no connection setting, and they
 * neither commit nor roll back a transaction of the caller's, so inside one they see its own
 * changes; outside one, an inspector may read in a read transaction of its own, which it ends
 * (SQLite's does, so that all its queries see one state of the schema).
 *
 * <p>Table and column names come back exactly as the database holds them. Each database has its
 * own ({@code Database#inspector()}).
 */
public interface DatabaseInspector {

  /**
   * The schema the connection sees: on PostgreSQL its {@code current_schema()}, on SQLite the
   * {@code main} database. Tables the filter excludes are left out entirely, and so are
   * sequences whose names it excludes; a foreign key to an excluded table is still read.
   */
  Schema inspect(Connection connection, TableFilter filter) throws SQLException;

  /**
   * The same, taken from the cache where the database can tell cheaply, and for certain, that
   * its schema is one inspected before: the identity then covers everything the inspection
   * reads from the catalog, and what changes without a schema change (a sequence's current
   * value) is read again. By default the database is read every time.
   */
  default Schema inspect(Connection connection, TableFilter filter, InspectionCache cache) throws SQLException {
    return inspect(connection, filter);
  }

}
