package dev.autogenerate.junit;

import dev.autogenerate.compare.DependencyConflict;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.project.MaskedUrl;
import dev.autogenerate.runtime.VersionTable;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The test database an assertion migrates from nothing: refused unless it is empty, so a test
 * pointed at the wrong database touches nothing, and emptied again afterwards, pass or fail, so
 * the next assertion finds it empty too.
 *
 * <p>Emptying is the engine's own plan from the schema found to an empty one (its views, readers
 * first, then tables in foreign-key order, then sequences and enum types), run as one
 * revision-like transaction, and the version and history tables dropped.
 */
final class EmptyDatabase {

  /** What an assertion does on the database. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private EmptyDatabase() {}

  /** @param filter the tables checked and emptied, in every schema the migrations name */
  static <T> T use(Connection connection, TableFilter filter, Work<T> work) throws SQLException {
    Database database = Database.of(connection);
    Set<String> keptViews = requireEmpty(connection, database, filter);
    T result;
    try {
      result = work.run(connection);
    } catch (SQLException | RuntimeException | Error failure) {
      try {
        empty(connection, database, filter, keptViews);
      } catch (SQLException | RuntimeException cleanup) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    }
    empty(connection, database, filter, keptViews);
    return result;
  }

  /**
   * Refuses a database that is not empty, but for the views the project's filter excludes.
   *
   * @return those views, which the database keeps when it is emptied again
   */
  private static Set<String> requireEmpty(Connection connection, Database database, TableFilter filter)
      throws SQLException {
    Schema found = database.inspect(connection, filter);
    List<String> revisions = VersionTable.heads(connection);
    Set<String> views = viewsIncluded(found, filter);
    if (!found.tables().isEmpty() || !views.isEmpty() || !found.sequences().isEmpty()
        || !found.enumTypes().isEmpty() || !revisions.isEmpty()) {
      Set<String> names = new TreeSet<>(found.tables().keySet());
      names.addAll(views);
      names.addAll(found.sequences().keySet());
      names.addAll(found.enumTypes().keySet());
      String what = revisions.isEmpty() ? "it has " + String.join(", ", names) : "it is at revision " + revisions;
      throw new IllegalStateException("the test database " + MaskedUrl.of(connection.getMetaData().getURL())
          + " is not empty (" + what
          + "): MigrationTests migrates an empty database and empties it again, so point it at a database of its"
          + " own (a new PostgreSQL database or SQLite file), never one with data");
    }
    Set<String> excluded = new TreeSet<>(found.views().keySet());
    excluded.removeAll(views);
    return excluded;
  }

  /**
   * The views the filter leaves to the tool: the inspection reads every view, whatever the
   * filter says (a view may read a table of the tool's), but one the project excluded is not the
   * test's to find.
   */
  private static Set<String> viewsIncluded(Schema found, TableFilter filter) {
    Set<String> included = new TreeSet<>();
    for (String view : found.views().keySet()) {
      if (filter.includes(view)) {
        included.add(view);
      }
    }
    return included;
  }

  /** @param keep the views the project's filter excludes that were there before the assertion */
  private static void empty(Connection connection, Database database, TableFilter filter, Set<String> keep)
      throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    Schema found = database.inspect(connection, filter);
    // Everything found goes, whoever created it: the database was empty before the assertion.
    // Views first, each before the views it reads: the diff keeps views, and would stop at the
    // first table one reads.
    List<Operation> drops = new ArrayList<>();
    // Views the migrations made go whatever their names; a view reading one of them goes too.
    Set<String> made = new TreeSet<>(found.views().keySet());
    made.removeAll(keep);
    List<View> views = found.viewsDependingOn(made);
    Schema withoutViews = found;
    for (int i = views.size() - 1; i >= 0; i--) {
      DropView drop = new DropView(views.get(i).name(), views.get(i).materialized());
      drops.add(drop);
      withoutViews = drop.applyTo(withoutViews);
    }
    try {
      new SchemaComparison(database.comparisonRules(), SchemaDifference.EVERYTHING).compare(withoutViews, Schema.EMPTY)
          .upgradeChanges().forEach(change -> drops.add(change.operation()));
    } catch (DependencyConflict e) {
      // Only a view the project excludes, there before, is left to read what goes.
      String what = e.getMessage().substring(0, e.getMessage().indexOf(':'));
      throw new IllegalStateException("cannot empty the test database " + MaskedUrl.of(connection.getMetaData().getURL())
          + ": " + what + ", and the table filter (excludeTables) keeps it: drop it, or stop excluding it", e);
    }
    boolean autoCommit = connection.getAutoCommit();
    RevisionGuard guard = database.beginRevision(connection, LockWait.defaults(line -> {}));
    try (Statement statement = connection.createStatement()) {
      for (String sql : database.statements(drops, found)) {
        statement.execute(sql);
      }
      statement.execute("drop table if exists " + TableFilter.VERSION_TABLE);
      statement.execute("drop table if exists " + TableFilter.HISTORY_TABLE);
      guard.check("emptying the test database");
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
      guard.close();
    }
  }
}
