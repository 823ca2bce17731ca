package dev.autogenerate.project;

import dev.autogenerate.compare.DiffOptions;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.RenameConflict;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.Database;
import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.runtime.AppliedRevisions;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.runtime.VersionTable;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The comparison {@code check} and {@code -m} make, as one call for code that already holds a
 * connection and the entities (a test, an application at start-up): the live database, at the
 * revisions its version table names, against the schema the entities map to.
 *
 * <p>What the applied migrations recorded (replayed from the history) completes what the database
 * cannot store (enum types and comments on SQLite), and tells what the migrations created, which
 * the tool may drop, from what someone else added, which it keeps.
 *
 * @param options how to compare: naming convention, what to drop, the project's hook
 * @param filter the tables the comparison leaves out
 */
public record EntityComparison(DiffOptions options, TableFilter filter) {

  /** The comparison with the defaults a project without settings gets. */
  public static EntityComparison defaults() {
    return new EntityComparison(DiffOptions.defaults(), TableFilter.defaults());
  }

  /** What it takes to bring the database to the entities; an empty plan when they match. */
  public MigrationPlan plan(Connection connection, RevisionHistory history, EntityModel entities) throws SQLException {
    return plan(connection, history, entities, List.of());
  }

  /**
   * The same, with renames stated as {@code --rename} states them ({@code users.nickname=display_name},
   * {@code users=people}) besides those the entities state ({@code @RenamedFrom}).
   *
   * @throws UserError when a rename cannot be carried out as stated, or the entities name a
   *     schema the connection cannot hold
   */
  public MigrationPlan plan(Connection connection, RevisionHistory history, EntityModel entities,
      List<String> renameOptions) throws SQLException {
    Database database = Database.of(connection);
    Schema target = database.targetFor(entities.schema(), connection);
    Renames renames = database.targetFor(entities.renames(), connection)
        .and(RenameOptions.parse(renameOptions, target));
    AppliedRevisions applied = history.appliedAt(VersionTable.heads(connection));
    Optional<Schema> recorded = history.replay(applied);
    Schema inspected = database.inspect(connection, filter.withSchemas(target.otherSchemas()));
    Schema current = database.withUnstored(inspected, () -> recorded);
    try {
      return new SchemaComparison(database.comparisonRules(), options).compare(current, target, recorded, renames);
    } catch (RenameConflict e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
