package dev.autogenerate.junit;

import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.EntityModelReader;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.project.EntityClasses;
import dev.autogenerate.project.EntityComparison;
import dev.autogenerate.runtime.MigrationLoader;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.DiffOptions;
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
import javax.sql.DataSource;
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
 * <p>Values: every {@code with}-style method returns a new instance.
 */
public final class MigrationTests {

  private final ConnectionSource database;
  private final String migrationsPackage;
  private final List<Class<?>> entityClasses;
  private final List<String> entityPackages;
  private final Map<String, String> hibernateSettings;
  private final String implicitNamingStrategy;
  private final String physicalNamingStrategy;
  private final List<String> excludedTables;
  private final RowSeeder rows;

  private MigrationTests(ConnectionSource database, String migrationsPackage, List<Class<?>> entityClasses,
      List<String> entityPackages, Map<String, String> hibernateSettings, String implicitNamingStrategy,
      String physicalNamingStrategy, List<String> excludedTables, RowSeeder rows) {
    this.database = database;
    this.migrationsPackage = migrationsPackage;
    this.entityClasses = List.copyOf(entityClasses);
    this.entityPackages = List.copyOf(entityPackages);
    this.hibernateSettings = Map.copyOf(hibernateSettings);
    this.implicitNamingStrategy = implicitNamingStrategy;
    this.physicalNamingStrategy = physicalNamingStrategy;
    this.excludedTables = List.copyOf(excludedTables);
    this.rows = rows;
  }

  /** Tests on the empty database behind a data source (PostgreSQL or SQLite). */
  public static MigrationTests of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new MigrationTests(dataSource::getConnection, null, List.of(), List.of(), Map.of(), null, null, List.of(),
        RowSeeder.NONE);
  }

  /** Tests on the empty database a JDBC URL names ({@code jdbc:sqlite:/tmp/test.db}, or one carrying its credentials). */
  public static MigrationTests of(String jdbcUrl) {
    return of(jdbcUrl, null, null);
  }

  /** Tests on the empty database a JDBC URL names, connecting as {@code user}. */
  public static MigrationTests of(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return new MigrationTests(() -> DriverManager.getConnection(jdbcUrl, user, password), null, List.of(), List.of(),
        Map.of(), null, null, List.of(), RowSeeder.NONE);
  }

  /** The package the migrations are compiled into (its subpackages too), on the test's class path. */
  public MigrationTests migrations(String packageName) {
    Objects.requireNonNull(packageName, "packageName");
    return new MigrationTests(database, packageName, entityClasses, entityPackages, hibernateSettings,
        implicitNamingStrategy, physicalNamingStrategy, excludedTables, rows);
  }

  /** Entity classes (and mapped superclasses, embeddables, converters) to compare with, besides any packages. */
  public MigrationTests entities(Class<?>... classes) {
    List<Class<?>> all = new ArrayList<>(entityClasses);
    all.addAll(Arrays.asList(classes));
    return new MigrationTests(database, migrationsPackage, all, entityPackages, hibernateSettings,
        implicitNamingStrategy, physicalNamingStrategy, excludedTables, rows);
  }

  /** Packages (and their subpackages) whose mapped classes are the entities to compare with. */
  public MigrationTests entityPackages(String... packages) {
    List<String> all = new ArrayList<>(entityPackages);
    all.addAll(Arrays.asList(packages));
    return new MigrationTests(database, migrationsPackage, entityClasses, all, hibernateSettings,
        implicitNamingStrategy, physicalNamingStrategy, excludedTables, rows);
  }

  /**
   * A Hibernate setting the application boots with ({@code hibernate.type.preferred_instant_jdbc_type},
   * {@code hibernate.default_schema}, ...), so the entities map here as they do there.
   */
  public MigrationTests hibernateSetting(String key, String value) {
    Map<String, String> all = new HashMap<>(hibernateSettings);
    all.put(key, value);
    return new MigrationTests(database, migrationsPackage, entityClasses, entityPackages, all,
        implicitNamingStrategy, physicalNamingStrategy, excludedTables, rows);
  }

  /**
   * The application's naming strategies, by class name; null keeps Hibernate's default. A Spring
   * Boot application passes {@code dev.autogenerate.entities.SpringBootImplicitNamingStrategy} and
   * {@code org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy}, Spring Boot's defaults.
   */
  public MigrationTests namingStrategies(String implicit, String physical) {
    return new MigrationTests(database, migrationsPackage, entityClasses, entityPackages, hibernateSettings,
        implicit, physical, excludedTables, rows);
  }

  /** Tables (globs, {@code audit_*}) the assertions leave alone, as {@code exclude.tables} does. */
  public MigrationTests excludeTables(String... patterns) {
    List<String> all = new ArrayList<>(excludedTables);
    all.addAll(Arrays.asList(patterns));
    return new MigrationTests(database, migrationsPackage, entityClasses, entityPackages, hibernateSettings,
        implicitNamingStrategy, physicalNamingStrategy, all, rows);
  }

  /**
   * What {@link #assertRoundTrips()} inserts after each revision's first upgrade, for its
   * downgrade to keep; called again for each revision, and {@link RowSeeder#at} picks one.
   * Several seeders run in the order given.
   */
  public MigrationTests withRows(RowSeeder seeder) {
    Objects.requireNonNull(seeder, "seeder");
    return new MigrationTests(database, migrationsPackage, entityClasses, entityPackages, hibernateSettings,
        implicitNamingStrategy, physicalNamingStrategy, excludedTables, rows.andThen(seeder));
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
      MigrationPlan plan = new EntityComparison(DiffOptions.defaults(), filter(history)).plan(connection, history, entities);
      if (!plan.isEmpty() || !plan.warnings().isEmpty()) {
        throw new AssertionFailedError("the migrations in " + migrationsPackage + ", applied up to "
            + RevisionHistory.labels(history.heads()) + ", do not match the entities; a new migration would have to:\n"
            + Differences.render(plan) + "\nRun autogenerate -m \"message\" to write it.");
      }
      return null;
    });
  }

  /**
   * Every revision, in history order, goes up, down and up again: its downgrade restores the
   * schema before it and keeps the rows of the tables it does not touch, and upgrading again gives
   * the schema of the first upgrade. See {@link RoundTrip} for exactly what is compared.
   */
  public void assertRoundTrips() {
    RevisionHistory history = history();
    onEmptyDatabase(history, connection -> {
      new RoundTrip(history, migrator(history), filter(history), rows).run(connection);
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
    return new EntityModelReader(options).readModel(List.copyOf(classes));
  }

  /** The tables the assertions read: the user's exclusions left out, every schema the migrations name read. */
  private TableFilter filter(RevisionHistory history) {
    return TableFilter.defaults().withExcluded(excludedTables).withSchemas(SchemasNamed.in(history));
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
