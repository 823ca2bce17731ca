package dev.autogenerate.junit;

import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * Up, down and up again, for every revision in history order, on a database that starts empty:
 * what {@link MigrationTests#assertRoundTrips()} states, step by step.
 */
final class RoundTrip {

  private final RevisionHistory history;
  private final Migrator migrator;
  /** The tables read: the user's exclusions left out, every schema the migrations name read. */
  private final TableFilter filter;
  private final RowSeeder seeder;

  RoundTrip(RevisionHistory history, Migrator migrator, TableFilter filter, RowSeeder seeder) {
    this.history = history;
    this.migrator = migrator;
    this.filter = filter;
    this.seeder = seeder;
  }

  void run(Connection connection) throws SQLException {
    Database database = Database.of(connection);
    for (MigrationScript revision : history.revisions()) {
      String label = revision.label();
      Schema before = database.inspect(connection, filter);
      Map<String, TableRows> rowsBefore = rowsOf(connection, before);

      MigrationRun.upgrade(migrator, connection, revision.id(), "upgrading to revision " + label);
      Schema up = database.inspect(connection, filter);

      MigrationRun.downgrade(migrator, connection, "-1", "downgrading revision " + label + " after its upgrade");
      Schema down = database.inspect(connection, filter);
      Optional<String> notRestored = SchemaDifference.between(database, down, before);
      if (notRestored.isPresent()) {
        throw new AssertionFailedError("the downgrade of revision " + label + " does not restore the schema before"
            + " it; to get back there it would also have to:\n" + notRestored.get());
      }
      requireRowsKept(connection, revision, rowsBefore);

      MigrationRun.upgrade(migrator, connection, revision.id(), "upgrading to revision " + label
          + " again after its downgrade");
      Schema again = database.inspect(connection, filter);
      Optional<String> different = SchemaDifference.between(database, again, up);
      if (different.isPresent()) {
        throw new AssertionFailedError("upgrading to revision " + label + " again, after its downgrade, gives another"
            + " schema than its first upgrade; to get to that it would also have to:\n" + different.get());
      }

      seeder.seed(revision.id(), connection);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
    MigrationRun.downgrade(migrator, connection, RevisionHistory.BASE,
        "downgrading from the newest revision to base, on every row seeded");
    Optional<String> left = SchemaDifference.between(database, database.inspect(connection, filter), Schema.EMPTY);
    if (left.isPresent()) {
      throw new AssertionFailedError("downgrading from the newest revision to base leaves the database not empty;"
          + " to empty it the downgrades would also have to:\n" + left.get());
    }
  }

  private void requireRowsKept(Connection connection, MigrationScript revision, Map<String, TableRows> before)
      throws SQLException {
    TablesNamed named = TablesNamed.by(revision);
    for (TableRows kept : before.values()) {
      TableRows now = TableRows.read(connection, kept.table());
      if (now.rows().size() != kept.rows().size()) {
        throw new AssertionFailedError("the downgrade of revision " + revision.label() + " does not keep the rows of"
            + " table " + kept.table() + ": " + kept.rows().size() + " before its upgrade, " + now.rows().size()
            + " after its downgrade" + missing(kept, now));
      }
      if (!named.names(kept.table()) && !now.equals(kept)) {
        throw new AssertionFailedError("the downgrade of revision " + revision.label() + " changes rows of table "
            + kept.table() + ", which the revision does not name" + missing(kept, now));
      }
    }
  }

  private static String missing(TableRows before, TableRows after) {
    List<String> lost = before.missingFrom(after);
    return lost.isEmpty() ? "" : "; rows lost: " + TableRows.sample(lost);
  }

  private static Map<String, TableRows> rowsOf(Connection connection, Schema schema) throws SQLException {
    Map<String, TableRows> rows = new LinkedHashMap<>();
    for (String table : schema.tables().keySet()) {
      rows.put(table, TableRows.read(connection, table));
    }
    return rows;
  }
}
