package dev.autogenerate.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.spring.library.Book;
import dev.autogenerate.spring.library.Books;
import dev.autogenerate.spring.library.LibraryApplication;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications (JPA, Hibernate validating the schema) starting on real
 * PostgreSQL and SQLite databases with the starter on their class path.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMigrationTest {

  private static final String SQLITE_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";

  /** Starts the library application on a database; the caller closes it. */
  private static ConfigurableApplicationContext start(TestDatabase database, String... properties) {
    List<String> all = new ArrayList<>(List.of(
        "spring.datasource.url=" + database.url(),
        "spring.jpa.hibernate.ddl-auto=validate",
        "spring.main.banner-mode=off",
        "logging.level.root=warn",
        "spring.jpa.open-in-view=false"));
    if (database.user() != null) {
      all.add("spring.datasource.username=" + database.user());
    }
    if (database.password() != null) {
      all.add("spring.datasource.password=" + database.password());
    }
    if (database.kind() == DatabaseKind.SQLITE) {
      all.add("spring.jpa.properties.hibernate.dialect=" + SQLITE_DIALECT);
    }
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(LibraryApplication.class)
        .web(WebApplicationType.NONE)
        .properties(all.toArray(String[]::new))
        .run();
  }

  private static long count(TestDatabase database, String sql) throws SQLException {
    try (Connection connection = database.open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static boolean hasVersionTable(TestDatabase database) throws SQLException {
    try (Connection connection = database.open();
        ResultSet tables = connection.getMetaData().getTables(null, null, "autogenerate_version", null)) {
      return tables.next();
    }
  }

  private static void migratesThenJpaValidatesAndWorks(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);

    try (ConfigurableApplicationContext context = start(database, "autogenerate.fail-on-drift=true")) {
      Books books = context.getBean(Books.class);
      assertEquals(List.of("The Left Hand of Darkness"), books.findAll().stream().map(Book::getTitle).toList());
      books.save(new Book(2L, "Solaris"));
      assertEquals(2, books.count());
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
    }
    // The next start finds the database up to date and applies nothing.
    try (ConfigurableApplicationContext context = start(database, "autogenerate.fail-on-drift=true")) {
      assertEquals(List.of(), context.getBean(StartupMigration.class).applied());
      assertEquals(2, context.getBean(Books.class).count());
    }
  }

  @Test
  void onPostgresqlTheMigrationsRunBeforeJpaWhichThenValidatesTheSchemaAndWorks() throws Exception {
    migratesThenJpaValidatesAndWorks(DatabaseKind.POSTGRESQL);
  }

  @Test
  void onSqliteTheMigrationsRunBeforeJpaWhichThenValidatesTheSchemaAndWorks() throws Exception {
    migratesThenJpaValidatesAndWorks(DatabaseKind.SQLITE);
  }

  /**
   * With lazy initialization (spring.main.lazy-initialization) the migration still runs at
   * start-up, as Flyway's does: not at the first query, in the middle of a request, on an
   * instance that started and said it was ready with its database behind.
   */
  @Test
  void lazyInitializationStillMigratesAtStartUp() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (ConfigurableApplicationContext context = start(database, "spring.main.lazy-initialization=true")) {
      assertEquals(2, count(database, "select count(*) from autogenerate_history"));
      assertEquals(1, count(database, "select count(*) from books"));
    }
  }

  /** The same in an application without JPA, whose JDBC templates are made at their first use. */
  @Test
  void lazyInitializationWithoutJpaStillMigratesAtStartUp() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (ConfigurableApplicationContext context = start(database, "spring.main.lazy-initialization=true",
        "spring.autoconfigure.exclude=org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration")) {
      assertEquals(2, count(database, "select count(*) from autogenerate_history"));
    }
  }

  /**
   * Spring Boot's SQL scripts (spring.sql.init) run after the migration, as after Flyway's: the
   * seed's table exists by then. They ran first, and start-up failed on a missing table.
   */
  @Test
  void springBootsDataScriptRunsAfterTheMigration() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (ConfigurableApplicationContext context = start(database, "spring.sql.init.mode=always",
        "spring.sql.init.data-locations=classpath:dev/autogenerate/spring/library/seed.sql")) {
      assertEquals(List.of("The Left Hand of Darkness", "Kindred"),
          context.getBean(Books.class).findAll().stream().map(Book::getTitle).toList());
    }
  }

  @Test
  void inASingleTransactionTheStartUpCommitsItsRevisionsOnce(CapturedOutput output) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (ConfigurableApplicationContext context = start(database, "autogenerate.transaction-mode=single",
        "logging.level.dev.autogenerate=info")) {
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
      assertEquals(1, context.getBean(Books.class).count());
    }
    assertTrue(output.getOut().contains("Committed the 2 revision(s) applied above, in one transaction"), output::getOut);
  }

  /**
   * A pool of one connection cannot lend the migration lock one of its own: the starter does not
   * ask (it would wait for the pool's connection timeout, then fall back) and holds the lock on
   * the session of the one it migrates with.
   */
  @Test
  void aPoolOfOneConnectionMigratesWithoutAskingItForASecond(CapturedOutput output) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    try (ConfigurableApplicationContext context = start(database, "spring.datasource.hikari.maximum-pool-size=1",
        "spring.datasource.hikari.connection-timeout=250", "logging.level.dev.autogenerate=info")) {
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
      assertEquals(1, context.getBean(Books.class).count());
    }
    assertTrue(output.getOut().contains("The connection pool lends one connection at a time"), output::getOut);
    assertFalse(output.getOut().contains("no second connection for the migration lock"), output::getOut);
  }

  /** SQLite has no migration lock: a pool of one there is not told of PgBouncer. */
  @Test
  void aSqlitePoolOfOneIsNotToldOfTheMigrationLock(CapturedOutput output) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (ConfigurableApplicationContext context = start(database, "spring.datasource.hikari.maximum-pool-size=1",
        "logging.level.dev.autogenerate=info")) {
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
    }
    assertFalse(output.getOut().contains("The connection pool lends one connection at a time"), output::getOut);
  }

  /** Every way Spring reads a boolean as false turns it off, as the property binds. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"false", "off", "no", "0", "FALSE"})
  void disabledTheApplicationStartsWithoutMigrating(String off) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    try (ConfigurableApplicationContext context = start(database, "autogenerate.enabled=" + off,
        "spring.jpa.hibernate.ddl-auto=none")) {
      assertTrue(context.getBeansOfType(StartupMigration.class).isEmpty());
    }
    assertFalse(hasVersionTable(database));
  }

  @Test
  void twoInstancesStartingTogetherOnPostgresqlApplyEachMigrationOnce() throws Exception {
    twoInstancesStartingTogetherApplyEachMigrationOnce(DatabaseKind.POSTGRESQL);
  }

  @Test
  void twoInstancesStartingTogetherOnSqliteApplyEachMigrationOnce() throws Exception {
    twoInstancesStartingTogetherApplyEachMigrationOnce(DatabaseKind.SQLITE);
  }

  /** Spring Boot's switch for its logging system ({@code LoggingSystem.SYSTEM_PROPERTY}). */
  private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

  private static void twoInstancesStartingTogetherApplyEachMigrationOnce(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    CountDownLatch ready = new CountDownLatch(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    // Real instances are separate processes; two in one JVM would configure Spring Boot's one
    // logging system at the same moment, which it does not support ("Unable to find Spring
    // Environment in logger context", seen in CI). The migration under test does not log through it.
    String loggingSystemBefore = System.getProperty(LOGGING_SYSTEM);
    System.setProperty(LOGGING_SYSTEM, "none");
    try {
      List<Future<Integer>> applied = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        applied.add(threads.submit(() -> {
          ready.countDown();
          ready.await();
          try (ConfigurableApplicationContext context = start(database)) {
            return context.getBean(StartupMigration.class).applied().size();
          }
        }));
      }
      int total = 0;
      for (Future<Integer> each : applied) {
        total += each.get();
      }
      assertEquals(2, total, "the two revisions were applied once between the two instances");
    } finally {
      threads.shutdownNow();
      if (loggingSystemBefore == null) {
        System.clearProperty(LOGGING_SYSTEM);
      } else {
        System.setProperty(LOGGING_SYSTEM, loggingSystemBefore);
      }
    }
    assertEquals(1, count(database, "select count(*) from books"));
    assertEquals(2, count(database, "select count(*) from autogenerate_history"));
  }

  @Test
  void anEntityTheMigrationsDoNotHaveFailsStartUpWithOneClearLine(CapturedOutput output) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    Exception failure = assertThrows(Exception.class, () -> start(database, "autogenerate.fail-on-drift=true",
        "autogenerate.entity-packages=dev.autogenerate.spring.drifted"));

    AutogenerateStartupException cause = rootStartupException(failure);
    assertEquals("the database, migrated to the newest migration, does not match the entities: add column books.isbn",
        cause.getMessage());
    assertTrue(output.getOut().contains("APPLICATION FAILED TO START"), output.getOut());
    assertTrue(output.getOut().contains(cause.getMessage()), output.getOut());
    assertTrue(output.getOut().contains("autogenerate.fail-on-drift=false"), output.getOut());
    // The migrations ran before the comparison.
    assertEquals(1, count(database, "select count(*) from books"));
  }

  /**
   * Found by a user test adopting a database: the command line's check passed with exclude.tables,
   * and the starter, which had no such setting, failed start-up on the same database. A table it
   * excludes is neither read nor compared, as on the command line.
   */
  @Test
  void anExcludedTableIsNotComparedByTheDriftCheck() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    try (ConfigurableApplicationContext context = start(database, "autogenerate.fail-on-drift=true",
        "autogenerate.entity-packages=dev.autogenerate.spring.drifted", "autogenerate.exclude-tables=audit_*, books")) {
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
    }
  }

  /**
   * The field's column added to the database ahead of the migrations (as {@code ddl-auto=update}
   * does): nothing for a migration to change, yet the migrations never create it, so the drift
   * check fails naming it.
   */
  @Test
  void aColumnMadeAheadOfTheMigrationsFailsTheDriftCheckNamingIt() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (ConfigurableApplicationContext context = start(database)) {
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
    }
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("alter table books add column isbn varchar(20)");
    }

    Exception failure = assertThrows(Exception.class, () -> start(database, "autogenerate.fail-on-drift=true",
        "autogenerate.entity-packages=dev.autogenerate.spring.drifted"));

    AutogenerateStartupException cause = rootStartupException(failure);
    assertTrue(cause.getMessage().startsWith("the database, migrated to the newest migration, does not match the"
        + " entities: the database has 1 column (books.isbn) of the entities that no migration creates"),
        cause.getMessage());
  }

  /**
   * An instance of the release before (a rolling deploy, a rollback) starts on a database a newer
   * release migrated further, applying and comparing nothing, as Flyway's default has it: it failed
   * on the revision id it does not know, and kept failing until the deploy ended. Refusing is a
   * setting; a database at an unknown revision with this release's own not all applied still fails.
   */
  @Test
  void anInstanceOfTheReleaseBeforeStartsOnADatabaseANewerReleaseMigrated(CapturedOutput output) throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (ConfigurableApplicationContext context = start(database)) {
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
    }
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      // What the newer release's third revision left.
      statement.execute("alter table books add column isbn varchar(20)");
      statement.execute("update autogenerate_version set version_num = '51ee90000006', checksum = null");
      statement.execute("insert into autogenerate_history (revision, applied_order) values ('51ee90000006', 3)");
    }

    try (ConfigurableApplicationContext context = start(database, "autogenerate.fail-on-drift=true")) {
      assertEquals(List.of(), context.getBean(StartupMigration.class).applied());
      assertEquals(1, context.getBean(Books.class).count());
    }
    assertTrue(output.getOut().contains("Database is at 51ee90000006, which these migrations do not define"),
        output.getOut());

    AutogenerateStartupException refused = rootStartupException(assertThrows(Exception.class,
        () -> start(database, "autogenerate.accept-newer-database=false")));
    assertTrue(refused.getMessage().contains("a newer release of the application migrated it"), refused.getMessage());

    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("delete from autogenerate_history where applied_order = 2");
    }
    AutogenerateStartupException unknown = rootStartupException(assertThrows(Exception.class, () -> start(database)));
    // Said as a Spring Boot application is configured: by its package, not a folder.
    assertTrue(unknown.getMessage().contains("which no migration in package dev.autogenerate.spring.library.migrations"
        + " defines") && unknown.action().contains("autogenerate.migrations-package")
        && !unknown.getMessage().contains("directory"), unknown.getMessage());
  }

  /**
   * The same while this instance waits: it found the database at a revision it knows, with one of
   * its own to apply, and waited for the lock; a newer instance meanwhile applied that one and
   * one of its own. When its turn comes, this one starts on the database as it is.
   */
  @Test
  void anInstanceOfTheReleaseBeforeWaitingWhileANewerOneMigratesStartsAllTheSame(CapturedOutput output)
      throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (ConfigurableApplicationContext context = start(database)) {
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
    }
    List<String> revisions = new ArrayList<>();
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("select revision from autogenerate_history order by applied_order")) {
        while (rows.next()) {
          revisions.add(rows.getString(1));
        }
      }
      // Back at the first revision, the second yet to apply.
      statement.execute("delete from books");
      statement.execute("delete from autogenerate_history where revision = '" + revisions.get(1) + "'");
      statement.execute("update autogenerate_version set version_num = '" + revisions.get(0) + "'");
    }
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (Connection newer = database.open(); Statement statement = newer.createStatement()) {
      newer.setAutoCommit(false);
      statement.execute("insert into books (id, title) values (1, 'The Left Hand of Darkness')");
      Future<List<Integer>> started = thread.submit(() -> {
        try (ConfigurableApplicationContext context = start(database, "logging.level.dev.autogenerate=info")) {
          return List.of(context.getBean(StartupMigration.class).applied().size());
        }
      });
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!output.getOut().contains("waiting for the write lock") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(output.getOut().contains("waiting for the write lock"), output.getOut());
      // The newer release's second revision and third, committed while this instance waits.
      statement.execute("update autogenerate_version set version_num = '51ee90000006', checksum = null");
      statement.execute("insert into autogenerate_history (revision, applied_order) values ('" + revisions.get(1)
          + "', 2), ('51ee90000006', 3)");
      newer.commit();
      assertEquals(List.of(0), started.get());
    } finally {
      thread.shutdownNow();
    }
    assertTrue(output.getOut().contains("Database is at 51ee90000006, which these migrations do not define"),
        output.getOut());
  }

  /**
   * A pool lending connections in manual commit: the instance waiting for another's migration
   * keeps no transaction open on its connection meanwhile (its snapshot would hold up the other's
   * concurrent index build, which holds the lock this one waits for); and once the lock is free it
   * migrates, and hands the connection back as it came.
   */
  @Test
  void anInstanceOfAManualCommitPoolWaitsWithoutATransactionOpenThenMigrates() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    ExecutorService starter = Executors.newSingleThreadExecutor();
    try (Connection holder = database.open(); Statement holding = holder.createStatement()) {
      // Another instance migrating: it holds the migration lock (a session's, as a caller giving a connection holds it).
      holding.execute("select pg_advisory_lock(x'6175746f'::int, hashtext('public'))");
      Future<ConfigurableApplicationContext> started = starter.submit(() -> start(database,
          "spring.datasource.hikari.auto-commit=false", "autogenerate.lock-timeout=30s",
          "spring.datasource.hikari.data-source-properties.ApplicationName=manual-commit-instance"));
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Thread.sleep(500);
        // The lock's own connection is in a transaction for a moment at each try: not that one.
        try (ResultSet state = holding.executeQuery("select count(*) from pg_stat_activity"
            + " where application_name = 'manual-commit-instance' and state = 'idle in transaction'"
            + " and query not like '%advisory%' and query not like 'set transaction%'")) {
          state.next();
          seen.add(state.getString(1));
        }
      }
      assertTrue(seen.stream().allMatch("0"::equals), "connections idle in a transaction while waiting: " + seen);
      holding.execute("select pg_advisory_unlock_all()");
      try (ConfigurableApplicationContext context = started.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
        assertEquals(2, context.getBean(StartupMigration.class).applied().size());
        assertEquals(1, context.getBean(Books.class).count());
      }
    } finally {
      starter.shutdownNow();
    }
  }

  @Test
  void anInstanceWaitingLongerThanTheLockTimeoutForAnotherFailsStartUpSayingSo() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (Connection other = database.open(); Statement statement = other.createStatement()) {
      // Another process in the middle of writing: it holds SQLite's write lock until it commits.
      other.setAutoCommit(false);
      statement.execute("create table held (x integer)");

      Exception failure = assertThrows(Exception.class, () -> start(database, "autogenerate.lock-timeout=1s"));

      AutogenerateStartupException cause = rootStartupException(failure);
      assertTrue(cause.getMessage().contains("gave up after 1 s waiting for the write lock"), cause.getMessage());
      assertTrue(cause.action().contains("autogenerate.lock-timeout"), cause.action());
      other.rollback();
    }
    assertFalse(hasVersionTable(database));
  }

  @Test
  void aMisspeltMigrationsPackageFailsStartUpNamingIt() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    Exception failure = assertThrows(Exception.class,
        () -> start(database, "autogenerate.migrations-package=dev.autogenerate.spring.library.migratoins"));

    assertTrue(rootStartupException(failure).getMessage()
        .startsWith("autogenerate: no migrations in package dev.autogenerate.spring.library.migratoins"));
    assertFalse(hasVersionTable(database));
  }

  /**
   * Two branches each added a migration on the same parent: the start-up applies none of them
   * and says to merge them, with the tools that write a merge (the command's own advice named
   * upgrade heads, which the starter does not run).
   */
  @Test
  void migrationsThatBranchedFailStartUpSayingToMergeThem() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    Exception failure = assertThrows(Exception.class,
        () -> start(database, "autogenerate.migrations-package=dev.autogenerate.spring.branched"));

    AutogenerateStartupException startup = rootStartupException(failure);
    assertTrue(startup.getMessage().contains("the migrations branched (2 heads: 2b0000000002 (note one),"
        + " 3c0000000003 (note two))"), startup::getMessage);
    assertTrue(startup.action().startsWith("Join them with a merge revision (autogenerate merge -m \"merge\", or mvn"
        + " autogenerate:merge -Dautogenerate.message=merge)"), startup::action);
    assertFalse(startup.action().contains("upgrade heads"), startup::action);
    assertFalse(hasVersionTable(database));
  }

  /** An edited migration applies nothing: the action said a failed revision was rolled back, though none ran. */
  @Test
  void aMigrationEditedAfterItRanFailsStartUpSayingNothingWasApplied() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    start(database).close();
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      // What an edit does, seen from the database: the file's operations no longer match what ran.
      statement.execute("update autogenerate_history set checksum = 'edited'");
      statement.execute("update autogenerate_version set checksum = 'edited'");
    }

    Exception failure = assertThrows(Exception.class, () -> start(database));

    AutogenerateStartupException startup = rootStartupException(failure);
    assertTrue(startup.getMessage().contains("was edited after it was applied to this database"), startup::getMessage);
    assertTrue(startup.action().startsWith("Nothing was applied."), startup::action);
    assertFalse(startup.action().contains("rolled back"), startup::action);
  }

  /** Spring binds the keys it knows and ignores the rest: a misspelt fail-on-drift left the check off. */
  @Test
  void aMisspeltStarterKeyFailsStartUpNamingItAndTheKeyItMeant() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    Exception failure = assertThrows(Exception.class, () -> start(database, "autogenerate.fail-on-drfit=true",
        "autogenerate.migrationsPackage=dev.autogenerate.spring.library.migrations"));

    AutogenerateStartupException startup = rootStartupException(failure);
    assertEquals("autogenerate: unknown setting autogenerate.fail-on-drfit in defaultProperties (did you mean"
        + " autogenerate.fail-on-drift?)", startup.getMessage());
    assertTrue(startup.action().contains("autogenerate.fail-on-drift"), startup::action);
    assertFalse(hasVersionTable(database));
  }

  /** The command line's and the Maven plugin's -Dautogenerate.* are not the starter's: no reason to fail. */
  @Test
  void theCommandLinesSystemPropertiesAreNotTakenForMisspeltStarterKeys() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    System.setProperty("autogenerate.url", "jdbc:sqlite:elsewhere.db");
    try (ConfigurableApplicationContext context = start(database)) {
      assertEquals(2, context.getBean(StartupMigration.class).applied().size());
    } finally {
      System.clearProperty("autogenerate.url");
    }
  }

  @Test
  void aDialectOfAnotherDatabaseFailsTheDriftCheckNamingTheSetting() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

    Exception failure = assertThrows(Exception.class, () -> start(database, "autogenerate.fail-on-drift=true",
        "spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect"));

    assertTrue(rootStartupException(failure).getMessage().contains(
        "hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect in spring.jpa.properties.hibernate.dialect is a"
            + " PostgreSQL dialect, but the database is SQLite"), rootStartupException(failure).getMessage());
  }

  private static AutogenerateStartupException rootStartupException(Throwable failure) {
    for (Throwable each = failure; each != null; each = each.getCause()) {
      if (each instanceof AutogenerateStartupException startup) {
        return startup;
      }
    }
    return assertInstanceOf(AutogenerateStartupException.class, failure);
  }
}
