package dev.autogenerate.project;

import dev.autogenerate.compare.DiffOptions;
import dev.autogenerate.compare.LeftToDatabase;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.RenameConflict;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.compare.DependencyConflict;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Compares the entities with a connected database, as {@code check} and {@code -m} do, for a
 * caller that already holds the connection, the migrations and the entities' model: the
 * commands (through {@link Project}), and an application checking itself at start-up.
 *
 * @param options how to compare (naming convention, what to drop, the project's hook)
 * @param filter the tables the tool owns
 */
public record EntityComparison(DiffOptions options, TableFilter filter) {

  /**
   * The comparison an application makes of itself: the default options, with the {@code
   * CompareHook} it registers as a service on its class path, if any.
   */
  public static EntityComparison forApplication(ClassLoader loader, TableFilter filter) {
    return new EntityComparison(DiffOptions.defaults().withHook(CompareHooks.find(null, loader)), filter);
  }

  /**
   * What it takes to bring the database to the entities. What the applied migrations recorded
   * (replayed from the history) completes what the database cannot store (enum types and
   * comments on SQLite), and tells what the migrations created, which the tool may drop, from
   * what someone else added, which it keeps.
   *
   * @param renameOptions renames stated besides the entities' {@code @RenamedFrom}
   *     ({@code users.nickname=display_name}, {@code users=people})
   */
  public MigrationPlan plan(Connection connection, RevisionHistory history, EntityModel entities,
      List<String> renameOptions) throws SQLException {
    return plan(connection, history, entities, Optional.empty(), renameOptions);
  }

  /**
   * The same, with the database's schema already inspected (by a command that inspected while
   * it read the entities); inspected again when the entities name other schemas, which it did
   * not read.
   */
  public MigrationPlan plan(Connection connection, RevisionHistory history, EntityModel entities,
      Optional<Schema> inspected, List<String> renameOptions) throws SQLException {
    return compare(connection, history, () -> entities, inspected, renameOptions).plan();
  }

  /**
   * The database as it is and the plan that brings it to the entities.
   *
   * @param current the database's schema, completed with what the history recorded and the database cannot store
   * @param unadoptedTables the entities' tables the database has while there is no migration
   *     ({@link UnadoptedTables}): the plan warns of them
   * @param target the entities' schema as the database holds it, without the tables the tool does not own
   * @param madeOutside what of the entities the database has and no applied migration creates
   *     ({@link MadeOutsideMigrations}): the plan warns of it
   */
  public record Result(Schema current, MigrationPlan plan, List<String> unadoptedTables, Schema target,
      MadeOutsideMigrations madeOutside) {

    public Result {
      unadoptedTables = List.copyOf(unadoptedTables);
    }
  }

  /**
   * The same as {@link #plan}, with the database's schema as it is, which the plan's steps start
   * from; the entities asked for only once what the history recorded is known (a command still
   * reading them replays the history meanwhile).
   */
  public Result compare(Connection connection, RevisionHistory history, Supplier<EntityModel> entityReading,
      Optional<Schema> inspected, List<String> renameOptions) throws SQLException {
    Database database = Database.of(connection);
    AppliedRevisions applied = history.appliedAt(VersionTable.heads(connection));
    Optional<Schema> recorded;
    try {
      recorded = Optional.of(RecordedSchemaCache.standard().replay(history, applied));
    } catch (RuntimeException | Error e) {
      // What the entities' reading reports comes first, as when they were read before the replay.
      entityReading.get();
      throw e;
    }
    EntityModel entities = entityReading.get();
    // An excluded table is not the tool's: never dropped (the inspector does not read it) nor created.
    Schema target = withoutExcluded(database.targetFor(entities.schema(), connection));
    Renames renames = database.targetFor(entities.renames(), connection)
        .and(RenameOptions.parse(renameOptions, target));
    // The schemas the entities name, and those the migrations made tables in: a table whose last
    // entity of a schema went is still seen, and dropped.
    Set<String> schemas = new TreeSet<>(target.otherSchemas());
    recorded.ifPresent(schema -> schemas.addAll(schema.otherSchemas()));
    Schema read = inspected.isPresent() && schemas.isEmpty() ? inspected.get()
        : PhaseTimings.time("inspection", () -> database.inspect(connection, filter.withSchemas(schemas)));
    // Names the database takes for the same as the entities' (SQLite's any case) spelled as theirs.
    Schema current = database.spelledAs(database.withUnstored(read, () -> recorded), target);
    UnadoptedTables unadopted = history.isEmpty() ? UnadoptedTables.in(current, target) : UnadoptedTables.NONE;
    MadeOutsideMigrations outside = history.isEmpty() ? MadeOutsideMigrations.NONE
        : MadeOutsideMigrations.in(current, target, recorded.get(), () -> history.replay(applied),
            () -> history.executedSql(applied), database.comparisonRules());
    LeftToDatabase left =
        LeftToDatabase.readWhenNeeded(() -> RecordedSchemaCache.standard().leftToDatabase(history, applied));
    try {
      MigrationPlan plan = PhaseTimings.time("diff", () -> new SchemaComparison(database.comparisonRules(), options)
          .knowing(left).compare(current, target, recorded, renames));
      if (!unadopted.isEmpty()) {
        plan = plan.withWarning(unadopted.warning());
      }
      if (!outside.isEmpty()) {
        plan = plan.withWarning(outside.warning());
      }
      return new Result(current, plan, unadopted.names(), target, outside);
    } catch (DependencyConflict e) {
      throw new UnplannableDifference(e.getMessage(), e);
    } catch (RenameConflict e) {
      // A rename as stated that cannot be carried out (a mistyped --rename) is the user's mistake, not drift.
      throw new UserError(e.getMessage(), e);
    }
  }

  /**
   * The entities' schema without the tables, views, sequences and enum types {@code exclude.tables}
   * (or the built-in list) names.
   */
  private Schema withoutExcluded(Schema target) {
    Schema kept = target;
    for (String table : target.tables().keySet()) {
      if (!filter.includes(table)) {
        kept = kept.withoutTable(table);
      }
    }
    for (String view : target.views().keySet()) {
      if (!filter.includes(view)) {
        kept = kept.withoutView(view);
      }
    }
    // A sequence or enum type it names is the database's too: neither created nor dropped.
    for (String sequence : target.sequences().keySet()) {
      if (!filter.includes(sequence)) {
        kept = kept.withoutSequence(sequence);
      }
    }
    for (String enumType : target.enumTypes().keySet()) {
      if (!filter.includes(enumType)) {
        kept = kept.withoutEnumType(enumType);
      }
    }
    return kept;
  }
}
