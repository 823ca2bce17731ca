package dev.autogenerate.spring;

import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWaitTimeout;
import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.project.EntityComparison;
import dev.autogenerate.runtime.AutoCommitDuring;
import dev.autogenerate.runtime.EditedMigrationError;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.UnknownRevisionError;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Brings the application's database to its newest migration when the bean is created, which
 * happens before JPA's {@code EntityManagerFactory} and Spring's JDBC templates are created
 * ({@link DependsOnStartupMigration}), so Hibernate's schema validation and the application's
 * first query see the migrated schema. Optionally it then compares the entities with the
 * database, as {@code autogenerate check} does, and fails start-up when they disagree.
 *
 * <p>Instances starting together apply each revision once: the runtime takes turns through the
 * database's lock ({@link Migrator}).
 */
public final class StartupMigration implements InitializingBean {

  private static final Log LOG = LogFactory.getLog(StartupMigration.class);

  private final DataSource dataSource;
  private final String migrationsPackage;
  private final AutogenerateProperties properties;
  private final PackageScan scan;
  private final EntityModelSource entities;
  private final OptionalInt poolMaximum;
  private List<MigrationScript> applied = List.of();

  /**
   * @param entities reads the application's entities, for {@code fail-on-drift}; asked only then
   * @param poolMaximum the most connections the data source lends at once, when known
   */
  StartupMigration(DataSource dataSource, String migrationsPackage, AutogenerateProperties properties,
      PackageScan scan, EntityModelSource entities, OptionalInt poolMaximum) {
    this.dataSource = dataSource;
    this.migrationsPackage = migrationsPackage;
    this.properties = properties;
    this.scan = scan;
    this.entities = entities;
    this.poolMaximum = poolMaximum;
  }

  @Override
  public void afterPropertiesSet() {
    Migrator migrator = migrator();
    try (Connection connection = dataSource.getConnection()) {
      if (poolOfOne() && Database.of(connection).kind() == DatabaseKind.POSTGRESQL) {
        // SQLite has no migration lock to hold: its revisions take the write lock.
        LOG.info("The connection pool lends one connection at a time: the migration lock is held by its session"
            + " (a pool in transaction pooling, PgBouncer, can lose it; allow two connections to avoid that)");
      }
      // A pool may lend it in manual commit (spring.datasource.hikari.auto-commit=false).
      AutoCommitDuring.run(connection, () -> {
        migrate(migrator, connection);
        return null;
      });
    } catch (SQLException e) {
      throw new AutogenerateStartupException("autogenerate cannot migrate the application's database: "
          + UserError.firstLine(String.valueOf(e.getMessage())) + knownCause(e),
          "Check the data source (spring.datasource.*), or set autogenerate.enabled=false to start without migrating.", e);
    }
  }

  /** Upgrades to head, then compares the entities with the database when asked to. */
  private void migrate(Migrator migrator, Connection connection) throws SQLException {
    try {
      applied = upgrade(migrator, connection);
    } catch (AutogenerateStartupException e) {
      // At a revision these migrations do not define: a newer release may have migrated the
      // database, before this instance started or while it waited for the lock.
      Optional<String> ahead = migrator.aheadOfHistory(connection);
      if (ahead.isEmpty()) {
        throw e;
      }
      acceptNewerDatabase(ahead.get());
      return;
    }
    if (properties.failOnDrift()) {
      requireNoDrift(migrator, connection);
    }
  }

  /**
   * A newer release migrated the database (a rolling deploy, a rollback): this instance applies
   * and compares nothing, as an instance of that release would fail neither; unless the
   * application asks to refuse such a database.
   */
  private void acceptNewerDatabase(String where) {
    if (!properties.acceptNewerDatabase()) {
      throw new AutogenerateStartupException("autogenerate: the database is " + where
          + ": a newer release of the application migrated it",
          "Deploy that release, or set autogenerate.accept-newer-database=true to start this one on the database"
              + " as it is.", null);
    }
    LOG.warn("Database is " + where + ": a newer release migrated it; nothing to apply, starting on it as it is");
  }

  /** The revisions this start-up applied, in order: none when the database was up to date or another instance migrated it. */
  public List<MigrationScript> applied() {
    return applied;
  }

  /** Whether the data source lends one connection at a time: none to spare for the migration lock. */
  private boolean poolOfOne() {
    return poolMaximum.isPresent() && poolMaximum.getAsInt() < 2;
  }

  private Migrator migrator() {
    try {
      Migrator migrator = MigrationClasses.migrator(scan, migrationsPackage, properties.tableFilter())
          .withLockTimeout(properties.lockTimeout())
          .withSingleTransaction(properties.transactionMode() == AutogenerateProperties.TransactionMode.SINGLE)
          .withProgress(line -> {
            if (Migrator.isWarning(line)) {
              LOG.warn(line.strip());
            } else {
              LOG.info(line);
            }
          });
      if (poolOfOne()) {
        // Asking such a pool for a second connection would wait for its connection timeout.
        return migrator;
      }
      return migrator.withLockConnections(dataSource::getConnection);
    } catch (UserError e) {
      throw new AutogenerateStartupException("autogenerate: " + e.getMessage(),
          "Set autogenerate.migrations-package to the package of the application's migrations,"
              + " or autogenerate.enabled=false to start without migrating.", e);
    }
  }

  private List<MigrationScript> upgrade(Migrator migrator, Connection connection) throws SQLException {
    if (migrator.history().heads().size() > 1) {
      // Two branches each added a migration: which runs first is for a merge revision to say,
      // written with the tools a developer has (the command's advice names upgrade heads, which
      // the starter does not run).
      throw new AutogenerateStartupException("autogenerate did not migrate the database: the migrations branched ("
          + migrator.history().describeHeads() + ")",
          "Join them with a merge revision (autogenerate merge -m \"merge\", or mvn autogenerate:merge"
              + " -Dautogenerate.message=merge), build and start again; nothing was applied.", null);
    }
    try {
      List<MigrationScript> done = migrator.upgrade(connection, "head");
      List<String> heads = migrator.heads(connection);
      LOG.info(done.isEmpty()
          ? "Database is up to date at " + String.join(", ", heads)
          : "Database migrated to " + String.join(", ", heads) + " (" + done.size() + " revision(s) applied)");
      return done;
    } catch (UnknownRevisionError e) {
      throw new AutogenerateStartupException("autogenerate could not migrate the database: it is at revision "
          + e.revision() + ", which no migration in package " + migrationsPackage + " defines",
          "Restore that migration, or set autogenerate.migrations-package to the package that holds the"
              + " application's migrations.", e);
    } catch (EditedMigrationError e) {
      throw new AutogenerateStartupException("autogenerate could not migrate the database: " + e.getMessage(),
          "Nothing was applied. Put the migration back as it was when it ran, or downgrade below it with the command"
              + " line or the Maven plugin and start again to apply the edited version.", e);
    } catch (UserError e) {
      throw new AutogenerateStartupException("autogenerate could not migrate the database: " + e.getMessage()
          + knownCause(e),
          e instanceof LockWaitTimeout
              ? "Start again once the other instance's migration is done, or raise autogenerate.lock-timeout."
              : "Fix what the description names and start again (a revision that failed, if one ran, was rolled"
                  + " back, and those before it stay applied).", e);
    }
  }

  /**
   * The command line and the Maven plugin read the application's configuration, not its beans:
   * a naming strategy given as a bean names tables and columns they do not see.
   */
  private String namingBeansNote() {
    List<String> beans = new ArrayList<>();
    if (entities.namingBeans().physical() != null) {
      beans.add("spring.jpa.hibernate.naming.physical-strategy=" + entities.namingBeans().physical());
    }
    if (entities.namingBeans().implicit() != null) {
      beans.add("spring.jpa.hibernate.naming.implicit-strategy=" + entities.namingBeans().implicit());
    }
    return beans.isEmpty() ? "" : " The application names its naming strategy with a bean, which the command line"
        + " and the Maven plugin do not see (they would write no such migration): set " + String.join(" and ", beans)
        + " in its configuration instead, so all three name alike.";
  }

  /** "; " and what the driver's error did not name (a pool in transaction pooling), or "". */
  private static String knownCause(Exception failure) {
    return Database.explained(failure).map(cause -> "; " + cause).orElse("");
  }

  private void requireNoDrift(Migrator migrator, Connection connection) throws SQLException {
    MigrationPlan plan;
    try {
      EntityModel model = entities.read(connection);
      plan = EntityComparison.forApplication(scan.classLoader(), properties.tableFilter())
          .plan(connection, migrator.history(), model, List.of());
    } catch (UserError e) {
      throw new AutogenerateStartupException("autogenerate cannot compare the entities with the database: "
          + e.getMessage(), "Fix what the description names, or set autogenerate.fail-on-drift=false.", e);
    }
    if (plan.isEmpty() && plan.warnings().isEmpty()) {
      return;
    }
    List<String> differences = new ArrayList<>();
    plan.upgradeChanges().forEach(change -> differences.add(change.operation().describe()));
    differences.addAll(plan.warnings());
    throw new AutogenerateStartupException(
        "the database, migrated to the newest migration, does not match the entities: "
            + differences.stream().collect(Collectors.joining("; ")),
        "Write a migration for the difference (autogenerate -m \"message\", or mvn autogenerate:generate"
            + " -Dautogenerate.message=\"message\") and start again, or set autogenerate.fail-on-drift=false."
            + namingBeansNote(),
        null);
  }
}
