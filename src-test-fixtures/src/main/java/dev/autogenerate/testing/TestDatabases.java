package dev.autogenerate.testing;

import dev.autogenerate.schema.DatabaseKind;

/**
 * Hands out brand-new, empty, real databases, one per call.
 *
 * <p>Autogenerate compares entities with what a live database reports, so its tests need real
 * servers rather than mocks, and each test needs a database nobody else has touched so that
 * tests cannot see each other's tables.
 *
 * <ul>
 *   <li>SQLite: a new file in a per-JVM temporary directory, deleted when the JVM exits.
 *   <li>PostgreSQL: one server per test JVM, started on first use and stopped when the JVM
 *       exits, and a new database on it per call. The server is an existing one when {@code
 *       AUTOGENERATE_TEST_POSTGRES_URL} (with {@code _USER} and {@code _PASSWORD}) names it,
 *       else a Testcontainers container when a Docker engine is reachable, else an embedded
 *       PostgreSQL run from binaries on the class path. {@code AUTOGENERATE_TEST_POSTGRES} set
 *       to {@code url}, {@code testcontainers} or {@code embedded} forces the choice.
 * </ul>
 *
 * <p>Safe to call from tests running in parallel.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** Creates a new empty database of the given kind. */
  public static TestDatabase fresh(DatabaseKind kind) {
    switch (kind) {
      case SQLITE:
        return SqliteDatabases.fresh();
      case POSTGRESQL:
        return SharedPostgres.freshDatabase();
      default:
        throw new IllegalArgumentException("no test databases for " + kind);
    }
  }
}
