package dev.autogenerate.junit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Inserts rows for {@link MigrationTests#assertRoundTrips()}: called once per revision, right after
 * its first upgrade, with the revision's id and the test's connection, so the rows fit the schema
 * at that revision. Rows stay for the revisions after, as a production database's would.
 */
@FunctionalInterface
public interface RowSeeder {

  /** Inserts nothing. */
  RowSeeder NONE = (revision, connection) -> {};

  /**
   * Inserts rows fitting the schema at {@code revision}. An uncommitted transaction is committed
   * after it returns.
   */
  void seed(String revision, Connection connection) throws SQLException;

  /** Rows inserted only at one revision (its id or a prefix of it, as the command line takes). */
  static RowSeeder at(String revision, SqlWork work) {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(work, "work");
    return (current, connection) -> {
      if (current.startsWith(revision)) {
        work.run(connection);
      }
    };
  }

  /** This seeder, then {@code next}. */
  default RowSeeder andThen(RowSeeder next) {
    return (revision, connection) -> {
      seed(revision, connection);
      next.seed(revision, connection);
    };
  }

  /** Statements run on the test's connection. */
  @FunctionalInterface
  interface SqlWork {
    void run(Connection connection) throws SQLException;
  }
}
