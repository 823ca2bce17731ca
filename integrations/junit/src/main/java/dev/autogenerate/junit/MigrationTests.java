package dev.autogenerate.junit;

import dev.autogenerate.changes.CompareHook;
import dev.autogenerate.compare.DiffOptions;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.SpringBootImplicitNamingStrategy;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.project.EntityClasses;
import dev.autogenerate.project.EntityComparison;
import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.MigrationLoader;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions a project's own JUnit 5 tests make about its migrations, on a real database:
 *
 * <pre>{@code
 * MigrationTests migrations = MigrationTests.of(dataSource)
 *     .migrations("com.example.app.migrations")
 *     .entityPackages("com.example.app.domain");
 * migrations.assertSingleHead();
 * migrations.assertUpgradeMatchesEntities();
 * migrations.assertRoundTrips();
 * }</pre>
 *
 * <p>The database (PostgreSQL or SQLite) must be empty when an assertion starts: each one migrates
 * it from nothing and, pass or fail, empties it again (dropping what the migrations created), so
 * one test database serves them all. A database with tables is refused rather than touched.
 *
 * <p>An instance never changes once returned: each configuring method returns a changed copy, so
 * a base configuration can be shared by several tests.
 */
public final class MigrationTests {

  // Never changed once an instance is handed out: each configuring method changes a copy (see copy).
  private final ConnectionSource database;
  private String migrationsPackage;
  private List<Class<?>> entityClasses = List.of();
  private List<String> entityPackages = List.of();
  private Map<String, String> hibernateSettings = Map.of();
  private String implicitNamingStrategy;
  private String physicalNamingStrategy;
  private List<String> excludedTables = List.of();
  private RowSeeder rows = RowSeeder.NONE;
  private boolean automaticRows;
  private CompareHook compareHook;

  private MigrationTests(ConnectionSource database) {
    this.database = database;
  }

  /** Tests on the empty database behind a data source (PostgreSQL or SQLite). */
  public static MigrationTests of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new MigrationTests(dataSource::getConnection);
  }

  /** Tests on the empty database a JDBC URL names ({@code jdbc:sqlite:/tmp/test.db}, or one carrying its credentials). */
  public static MigrationTests of(String jdbcUrl) {
    return of(jdbcUrl, null, null);
  }

  /** Tests on the empty database a JDBC URL names, connecting as {@code user}. */
  public static MigrationTests of(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return new MigrationTests(() -> DriverManager.getConnection(jdbcUrl, user, password));
  }

  /** The package the migrations are compiled into (its subpackages too), on the test's class path. */
  public MigrationTests migrations(String packageName) {
    Objects.requireNonNull(packageName, "packageName");
    return copy(copy -> copy.migrationsPackage = packageName);
  }

  /** Entity classes (and mapped superclasses, embeddables, converters) to compare with, besides any packages. */
  public MigrationTests entities(Class<?>... classes) {
    return copy(copy -> copy.entityClasses = concat(entityClasses, Arrays.asList(classes)));
  }

  /** Packages (and their subpackages) whose mapped classes are the entities to compare with. */
  public MigrationTests entityPackages(String... packages) {
    return copy(copy -> copy.entityPackages = concat(entityPackages, Arrays.asList(packages)));
  }

  /**
   * A Hibernate setting the application boots with ({@code hibernate.type.preferred_instant_jdbc_type},
   * {@code hibernate.default_schema}, ...), so the entities map here as they do there.
   */
  public MigrationTests hibernateSetting(String key, String value) {
    Map<String, String> all = new HashMap<>(hibernateSettings);
    all.put(key, value);
    return copy(copy -> copy.hibernateSettings = Map.copyOf(all));
  }

  /**
   * The application's naming strategies, by class name; null keeps Hibernate's default. A Spring
   * Boot application passes {@code dev.autogenerate.entities.SpringBootImplicitNamingStrategy} and
   * {@code org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy}, Spring Boot's defaults.
   */
  public MigrationTests namingStrategies(String implicit, String physical) {
    return copy(copy -> {
      copy.implicitNamingStrategy = implicit;
      copy.physicalNamingStrategy = physical;
    });
  }

  /** Spring Boot's naming strategies, for an application that keeps Spring Boot's defaults ({@code firstName} is {@code first_name}). */
  public MigrationTests springBootNamingStrategies() {
    return namingStrategies(SpringBootImplicitNamingStrategy.class.getName(),
        CamelCaseToUnderscoresNamingStrategy.class.getName());
  }

  /**
   * The project's {@link CompareHook}, which reviews every difference {@link #assertUpgradeMatchesEntities}
   * finds, as in {@code check}. Without one, the hooks registered in
   * {@code META-INF/services/dev.autogenerate.changes.CompareHook} on the test class path review them.
   */
  public MigrationTests compareHook(CompareHook hook) {
    Objects.requireNonNull(hook, "hook");
    return copy(copy -> copy.compareHook = hook);
  }

  /** Tables (globs, {@code audit_*}) the assertions leave alone, as {@code exclude.tables} does. */
  public MigrationTests excludeTables(String... patterns) {
    return copy(copy -> copy.excludedTables = concat(excludedTables, Arrays.asList(patterns)));
  }

  /**
   * What {@link #assertRoundTrips()} inserts once each revision has gone up, down and up again, for
   * the revisions after it to keep; called for every revision, and {@link RowSeeder#at} picks one.
   * Several seeders run in the order given.
   */
  public MigrationTests withRows(RowSeeder seeder) {
    Objects.requireNonNull(seeder, "seeder");
    return copy(copy -> copy.rows = rows.andThen(seeder));
  }

  /**
   * After each revision (and after the project's own rows), one row in every table still empty,
   * made up from its columns' types where that is safe, so that every
   * downgrade after runs on rows without the project writing any. A revision that fails on rows
   * (a NOT NULL column added without a default) then fails the round trip, as it would fail on a
   * production database.
   *
   * <p>Identity columns and columns with a default are left to the database, foreign keys take a
   * row of the table they reference, and a column of a type no value is made up for (binary, a
   * type only one database knows) stays null, or, when it must not be null, its table stays empty;
   * a row a check or trigger refuses is undone alone, and its table stays empty.
   */
  public MigrationTests withAutomaticRows() {
    return copy(copy -> copy.automaticRows = true);
  }

  /**
   * The history has exactly one head, so {@code upgrade head} has one meaning: two developers'
   * revisions on the same parent fail here, naming both and the fix ({@code merge}).
   */
  public void assertSingleHead() {
    RevisionHistory history = history();
    if (history.heads().size() != 1) {
      throw new AssertionFailedError("the migrations in " + migrationsPackage + " have " + history.describeHeads()
          + "; an upgrade to head would not know which to take: join them with autogenerate merge -m \"merge heads\"");
    }
  }

  /** A fresh database upgrades to the newest revision (every head) without an error. */
  public void assertUpgradesToHead() {
    RevisionHistory history = history();
    onEmptyDatabase(history, connection -> {
      upgradeToHeads(history, connection);
      return null;
    });
  }

  /**
   * A fresh database upgraded to the newest revision matches the entities, as {@code autogenerate
   * check} sees it: the failure lists what a new migration would have to do.
   */
  public void assertUpgradeMatchesEntities() {
    RevisionHistory history = history();
    EntityModel entities = entityModel();
    onEmptyDatabase(history, connection -> {
      upgradeToHeads(history, connection);
      MigrationPlan plan = new EntityComparison(diffOptions(), filter(history))
          .plan(connection, history, entities, List.of());
      if (!plan.isEmpty() || !plan.warnings().isEmpty()) {
        throw new AssertionFailedError("the migrations in " + migrationsPackage + ", applied up to "
            + RevisionHistory.labels(history.heads()) + ", do not match the entities; a new migration would have to:\n"
            + Differences.render(plan) + "\nRun autogenerate -m \"message\" to write it.");
      }
      return null;
    });
  }

  /**
   * Every revision, in history order, goes up, down and up again on a database that starts empty.
   * For each revision R:
   *
   * <ol>
   *   <li>the rows of every table are read: those seeded at the revisions before R;
   *   <li>R is applied, on those rows, and the schema inspected;
   *   <li>R is reverted ({@code downgrade -1}): the schema must equal the schema before R, and the
   *       rows must be kept: every table keeps its number of rows, and a table R does not name (in
   *       an operation, or as a word of its raw SQL) keeps exactly its rows, value for value;
   *   <li>R is applied again: the schema must equal the schema of its first upgrade;
   *   <li>the rows of {@link #withRows} and {@link #withAutomaticRows} are inserted, fitting the
   *       schema at R, for the revisions after it.
   * </ol>
   *
   * <p>Then the database goes down to base in one go, on every row seeded, and must be empty.
   *
   * <p>"Rows kept" is the round trip's promise, {@code down(up(data)) == data}, as far as a
   * downgrade can keep it: a column R drops comes back empty, so a table R names keeps its row
   * count, not every value. Schemas are equal as {@code check} compares them: a constraint under
   * another name or columns in another order are the same; an index, column or table only one
   * side has is a difference. Without rows (no seeder), only the schemas are compared.
   */
  public void assertRoundTrips() {
    RevisionHistory history = history();
    onEmptyDatabase(history, connection -> {
      RowSeeder seeder = automaticRows ? rows.andThen(new AutomaticRows(filter(history))) : rows;
      new RoundTrip(history, migrator(history), filter(history), seeder).run(connection);
      return null;
    });
  }

  /** Every assertion above, in that order, stopping at the first that fails. */
  public void assertAll() {
    assertSingleHead();
    assertUpgradesToHead();
    if (!entityClasses.isEmpty() || !entityPackages.isEmpty()) {
      assertUpgradeMatchesEntities();
    }
    assertRoundTrips();
  }

  private RevisionHistory history() {
    if (migrationsPackage == null) {
      throw new IllegalStateException("name the migrations' package: MigrationTests.of(...).migrations(\"com.example.migrations\")");
    }
    RevisionHistory history = RevisionHistory.of(MigrationLoader.fromClasspath(migrationsPackage, classLoader()));
    if (history.isEmpty()) {
      throw new AssertionFailedError("no migrations in package " + migrationsPackage + " on the test class path:"
          + " check the package name, and that the migrations are compiled (src/main/java or src/test/java)");
    }
    return history;
  }

  private EntityModel entityModel() {
    if (entityClasses.isEmpty() && entityPackages.isEmpty()) {
      throw new IllegalStateException("name the entities to compare with: .entities(User.class, ...) or"
          + " .entityPackages(\"com.example.domain\")");
    }
    Set<Class<?>> classes = new LinkedHashSet<>(entityClasses);
    if (!entityPackages.isEmpty()) {
      classes.addAll(EntityClasses.find(entityPackages, classLoader()));
    }
    EntityModelOptions options = new EntityModelOptions(classLoader(), implicitNamingStrategy, physicalNamingStrategy,
        hibernateSettings);
    return Project.readEntities(options, List.copyOf(classes));
  }

  /** The tables the assertions read: the user's exclusions left out, every schema the migrations name read. */
  private TableFilter filter(RevisionHistory history) {
    return TableFilter.defaults().withExcluded(excludedTables).withSchemas(SchemasNamed.in(history));
  }

  /**
   * How {@code check} would compare for this project: with its hook. The naming convention only
   * names what a new migration would create, and things are matched by meaning, not by name, so
   * the default serves every project here.
   */
  private DiffOptions diffOptions() {
    return compareHook != null
        ? DiffOptions.defaults().withHook(compareHook)
        : EntityComparison.forApplication(classLoader(), TableFilter.defaults()).options();
  }

  private Migrator migrator(RevisionHistory history) {
    // The test report is the place for what happened; the runtime's progress lines would be noise there.
    return new Migrator(history, filter(history)).withProgress(line -> {});
  }

  private void upgradeToHeads(RevisionHistory history, Connection connection) throws SQLException {
    MigrationRun.upgrade(migrator(history), connection, history.heads().size() > 1 ? "heads" : "head",
        "upgrading a fresh database to the newest revision");
  }

  private <T> T onEmptyDatabase(RevisionHistory history, EmptyDatabase.Work<T> work) {
    try (Connection connection = database.open()) {
      return EmptyDatabase.use(connection, filter(history), work);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot use the test database: " + e.getMessage(), e);
    }
  }

  private MigrationTests copy(Consumer<MigrationTests> change) {
    MigrationTests copy = new MigrationTests(database);
    copy.migrationsPackage = migrationsPackage;
    copy.entityClasses = entityClasses;
    copy.entityPackages = entityPackages;
    copy.hibernateSettings = hibernateSettings;
    copy.implicitNamingStrategy = implicitNamingStrategy;
    copy.physicalNamingStrategy = physicalNamingStrategy;
    copy.excludedTables = excludedTables;
    copy.rows = rows;
    copy.automaticRows = automaticRows;
    copy.compareHook = compareHook;
    change.accept(copy);
    return copy;
  }

  private static <T> List<T> concat(List<T> first, List<T> more) {
    List<T> all = new ArrayList<>(first);
    all.addAll(more);
    return List.copyOf(all);
  }

  private static ClassLoader classLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : MigrationTests.class.getClassLoader();
  }

  /** Where connections come from: a data source or a URL. */
  @FunctionalInterface
  private interface ConnectionSource {
    Connection open() throws SQLException;
  }
}
