package dev.autogenerate.project;

import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.codegen.MigrationNames;
import dev.autogenerate.codegen.MigrationSource;
import dev.autogenerate.codegen.MigrationWriter;
import dev.autogenerate.codegen.RevisionIds;
import dev.autogenerate.compare.DiffOptions;
import dev.autogenerate.compare.LockSafeRevisions;
import dev.autogenerate.compare.MigrationPlan;
import dev.autogenerate.compare.Risk;
import dev.autogenerate.compare.Risks;
import dev.autogenerate.compare.SchemaComparison;
import dev.autogenerate.database.CountBudget;
import dev.autogenerate.database.CountedRisk;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.Ddl;
import dev.autogenerate.database.SqlIdentifiers;
import dev.autogenerate.database.sqlite.SqliteFiles;
import dev.autogenerate.entities.EntityMappingException;
import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.EntityModelReader;
import dev.autogenerate.entities.HibernateBoot;
import dev.autogenerate.entities.RenameMappingException;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.runtime.AppliedRevisions;
import dev.autogenerate.runtime.KeptEntry;
import dev.autogenerate.runtime.MigrationLoader;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.Migrator;
import dev.autogenerate.runtime.OfflineScript;
import dev.autogenerate.runtime.RecordedRevisions;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.SourceCompiler;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.runtime.VersionTable;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The user's project as the commands see it: its database, its entities and its migrations.
 * Each method is one command's work; the command line only parses arguments and prints.
 */
public final class Project {

  private final Settings settings;
  /** Where the url came from (a file and key, a variable, an option), for a failed connection's message; or null. */
  private final String urlOrigin;
  private ClassLoader applicationLoader;
  /** See {@link #cacheUse()}; written by the threads reading the entities and the history. */
  private final Map<String, Optional<KeptEntry>> cacheUse = new ConcurrentSkipListMap<>();

  public Project(Settings settings) {
    this(settings, null);
  }

  /**
   * @param urlOrigin where the url came from ({@link EffectiveSettings#origin}), which a failed
   *     connection's message names; null where it is not known
   */
  public Project(Settings settings, String urlOrigin) {
    this.settings = settings;
    this.urlOrigin = urlOrigin;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Opens the database; an unreachable one is a user error naming the URL. It must be there: a
   * SQLite file that is not is an error, not a new empty database, which a mistyped path would
   * otherwise look like (at base, nothing to revert, a 0-byte file left behind).
   */
  public Connection connect() {
    return connect(false);
  }

  /** Connects, making a SQLite file that is not there yet: what {@code upgrade} and {@code -m} do on a new project. */
  public Connection connectCreating() {
    return connect(true);
  }

  private Connection connect(boolean creating) {
    settings.requireSupportedUrl();
    Optional<Path> sqliteFile = SettingsLoader.sqliteFile(settings.url());
    Path folder = sqliteFile.map(file -> file.toAbsolutePath().getParent()).orElse(null);
    if (sqliteFile.isPresent() && folder != null && !Files.isDirectory(folder) && !Files.exists(sqliteFile.get())) {
      // SQLite creates a file, not its folder: upgrade head would fail there too.
      throw new UserError("the database file " + sqliteFile.get() + " does not exist, nor its folder " + folder
          + ": check the url (" + MaskedUrl.of(settings.url()) + "), or create the folder"
          + (creating ? "" : " and run autogenerate upgrade head to create the database"));
    }
    if (!creating && sqliteFile.isPresent() && !Files.exists(sqliteFile.get())) {
      throw new UserError("the database file " + sqliteFile.get() + " does not exist: check the url ("
          + MaskedUrl.of(settings.url()) + "), or run autogenerate upgrade head to create the database");
    }
    if (sqliteFile.isPresent() && Files.isDirectory(sqliteFile.get())) {
      throw new UserError("the database file " + sqliteFile.get() + " is a folder: the url (" + MaskedUrl.of(settings.url())
          + ") names a folder where it must name a SQLite file (jdbc:sqlite:" + sqliteFile.get().getFileName()
          + "/app.db)");
    }
    Properties credentials = new Properties();
    if (settings.user() != null) {
      credentials.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      credentials.setProperty("password", settings.password());
    }
    // Bound the whole start-up (PostgreSQL's driver reads these; SQLite's ignores them), so a
    // server that accepts the connection and never answers fails the command instead of hanging it.
    String seconds = String.valueOf(Math.max(1, settings.connectTimeout().toSeconds()));
    credentials.setProperty("loginTimeout", seconds);
    credentials.setProperty("connectTimeout", seconds);
    try {
      return DriverManager.getConnection(settings.url(), credentials);
    } catch (SQLException e) {
      Optional<String> explained = Database.explained(e);
      if (explained.isPresent()) {
        throw new UserError(explained.get(), e);
      }
      String url = MaskedUrl.of(settings.url());
      String reason = unknownHost(e).map(host -> "host " + host + " could not be resolved (no such name, or no DNS at hand)")
          .orElseGet(() -> MaskedUrl.withoutSecrets(UserError.firstLine(e.getMessage()), settings));
      throw new UserError("cannot connect to " + url + ": " + reason
          + " (" + whereToCheck() + "; connect.timeout=" + settings.connectTimeout().toSeconds() + " s)", e);
    }
  }

  /** What a failed connection's message tells to check: where the url came from, when known. */
  private String whereToCheck() {
    if (urlOrigin == null || urlOrigin.startsWith("default")) {
      return "check url, user and password in autogenerate.properties, AUTOGENERATE_URL or --url";
    }
    return "the url is from " + urlOrigin + ": check it, and the user and password";
  }

  /** The host name a failed connection could not resolve, when that is why it failed. */
  private static Optional<String> unknownHost(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.UnknownHostException unknown) {
        return Optional.ofNullable(unknown.getMessage()).map(String::strip).filter(host -> !host.isEmpty());
      }
    }
    return Optional.empty();
  }

  /**
   * On the run writing the launcher's class archive, the driver classes of the databases this
   * command does not use, so that the archive serves commands against either.
   */
  static void loadOtherDriverClasses(DatabaseKind used) {
    for (DatabaseKind kind : DatabaseKind.values()) {
      if (kind != used) {
        Database.forKind(kind).loadDriverClasses();
      }
    }
  }

  /**
   * What {@code history} and {@code heads} say of an empty history: a migrations folder that is
   * not there is named, since a mistyped one looks like a project without migrations.
   */
  public String noMigrationsYet() {
    Path folder = settings.migrations();
    return Files.isDirectory(folder)
        ? "No migrations yet: write one with autogenerate -m \"message\"."
        : "No migrations: the folder " + folder + " does not exist (check migrations in autogenerate.properties, or"
            + " --migrations); autogenerate -m \"message\" creates it with the first one.";
  }

  public TableFilter tableFilter() {
    return TableFilter.defaults().withExcluded(settings.excludeTables());
  }

  /**
   * Refuses a migrations folder that is not there: {@code upgrade} and {@code downgrade} would
   * otherwise take it for an empty history and say the database is at head (a mistyped
   * {@code migrations}, or a command run from the wrong folder, creating an empty SQLite file).
   */
  public void requireMigrationsFolder() {
    Path folder = settings.migrations();
    if (!Files.exists(folder)) {
      throw new UserError("there is no migrations folder " + folder + ": run the command from the project's folder,"
          + " point `migrations` (autogenerate.properties, --migrations) at the folder that holds them, or write the"
          + " first migration with autogenerate -m MESSAGE");
    }
    requireNotAFile(folder);
  }

  /** A migrations folder that is a file holds no history: told, never taken for an empty one. */
  private static void requireNotAFile(Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UserError("the migrations folder " + folder + " is a file: point `migrations` (autogenerate.properties,"
          + " --migrations) at the folder that holds the migrations");
    }
  }

  /**
   * The migrations, compiled from their sources in the migrations directory.
   *
   * @throws UserError when one does not compile
   */
  public RevisionHistory history() {
    requireNotAFile(settings.migrations());
    ClassLoader loader = applicationLoader();
    if (ARCHIVE_RUN_WITH_JAVAC.equals(System.getProperty(CLASS_ARCHIVE_RUN))) {
      // Its migrations may all be cached, or none written yet: javac is loaded whatever they are.
      SourceCompiler.loadCompiler(settings.classPath(), loader);
    }
    Consumer<KeptEntry> kept = needs(HISTORY);
    return PhaseTimings.time("migrations", () -> RevisionHistory.of(MigrationLoader.fromSources(settings.migrations(),
        settings.classPath(), loader, kept)));
  }

  /**
   * Connects and inspects, compiles the migrations, and reads the entities, all at the same time:
   * none needs another, and together they are most of a command's time. Each failure is told
   * when its result is asked for (see {@link Groundwork}); a connection or history that fails
   * stops the command here, after the other phases have stopped.
   */
  public Groundwork groundwork() throws SQLException {
    return groundwork(false);
  }

  /** @param creating whether a SQLite file not there yet is made (for {@code -m}) rather than refused */
  public Groundwork groundwork(boolean creating) throws SQLException {
    applicationLoader();
    Workers workers = new Workers(2);
    Connection connection = null;
    try {
      Future<RevisionHistory> history = workers.submit(this::history);
      // Completed as soon as the model is read; the worker then closes Hibernate and keeps the
      // model in the cache while the command compares (Groundwork's closing waits for it).
      CompletableFuture<EntityModel> entities = new CompletableFuture<>();
      workers.submit(() -> {
        try {
          return entityModel(entities::complete);
        } catch (RuntimeException | Error e) {
          entities.completeExceptionally(e);
          throw e;
        }
      });
      connection = connect(creating);
      if (archiveRun()) {
        loadOtherDriverClasses(Database.of(connection).kind());
      }
      Schema inspected = null;
      SQLException inspectionFailure = null;
      try {
        Connection open = connection;
        inspected = PhaseTimings.time("inspection", () -> databaseSchema(open));
      } catch (SQLException e) {
        Optional<String> explained = Database.explained(e);
        if (explained.isPresent()) {
          // A database locked by another process, a refused privilege: every read after this one
          // would wait or fail the same way (SQLite waits 3 s each), so it is told now.
          throw new UserError(explained.get(), e);
        }
        inspectionFailure = e;
      }
      return new Groundwork(connection, Groundwork.await(history), entities, inspected, inspectionFailure, workers);
    } catch (RuntimeException | Error e) {
      Groundwork.stop(workers);
      if (connection != null) {
        connection.close();
      }
      throw e;
    }
  }

  /**
   * The history as far as it can be read, for the commands that only show its shape: a
   * migration that does not compile is placed from its annotation's text and told to
   * {@code warnings}, one line each, instead of stopping the command.
   */
  public RevisionHistory readableHistory(Consumer<String> warnings) {
    requireNotAFile(settings.migrations());
    ClassLoader loader = applicationLoader();
    Consumer<KeptEntry> kept = needs(HISTORY);
    return PhaseTimings.time("migrations", () -> RevisionHistory.of(MigrationLoader.readSources(settings.migrations(),
        settings.classPath(), loader, warnings, kept)));
  }

  /** What {@link #readableHistoryWhileConnecting} gives the work: the history and the open database. */
  public record HistoryAndDatabase(RevisionHistory history, Connection connection) {}

  /** Work on the history and the database, which may fail as JDBC does. */
  public interface HistoryWork<R> {
    R apply(HistoryAndDatabase both) throws SQLException;
  }

  /**
   * The {@linkplain #readableHistory readable history} and a connection, opened on another thread
   * while the history is read: neither needs the other, so the command pays the longer of the two,
   * not both, and a long history's listing hides behind the connection. What is wrong with the
   * migrations is still said first; the connection is closed when the work is done or fails.
   */
  public <R> R readableHistoryWhileConnecting(Consumer<String> warnings, HistoryWork<R> work) throws SQLException {
    try (Overlapped<Connection> connecting = Overlapped.start("autogenerate-connect", this::connect)) {
      RevisionHistory history = readableHistory(warnings);
      return work.apply(new HistoryAndDatabase(history, connecting.get()));
    }
  }

  /**
   * The SQL scripts of upgrades and downgrades, written without connecting: the database is the
   * one the URL names, since there is no connection to ask.
   *
   * @param serverVersion the server's major version where the SQL depends on it, or {@code null}
   *     for a current one
   * @param singleTransaction all revisions in one transaction, or each in its own; {@code null}
   *     for what the settings say
   */
  public OfflineScript offlineScript(Integer serverVersion, Boolean singleTransaction) {
    settings.requireSupportedUrl();
    Database database = Database.forKind(DatabaseKind.fromJdbcUrl(settings.url()));
    return new OfflineScript(history(), serverVersion == null ? database : database.atServerVersion(serverVersion))
        .withSingleTransaction(singleTransaction(singleTransaction)).forUrl(settings.url());
  }

  /** As asked for this command, else as the settings say. */
  private boolean singleTransaction(Boolean asked) {
    return asked != null ? asked : settings.singleTransaction();
  }

  /**
   * The migrator, printing each revision's start and end to {@code out} as it happens, and holding
   * the migration lock on a connection of its own, opened as {@link #connect()} opens one.
   *
   * @param singleTransaction all revisions in one transaction, or each in its own; {@code null}
   *     for what the settings say
   */
  public Migrator migrator(PrintWriter out, Boolean singleTransaction) {
    return migrator().withProgress(line -> {
      out.println(line);
      out.flush();
    }).withLockTimeout(settings.lockTimeout()).withSingleTransaction(singleTransaction(singleTransaction))
        .withLockConnections(this::connect);
  }

  public Migrator migrator() {
    return new Migrator(history(), tableFilter());
  }

  /** The schema the entities map to. */
  public Schema entitySchema() {
    return entityModel().schema();
  }

  /**
   * Set by the launcher on the runs of a {@code check} that write its class-data-sharing archives
   * (see the {@code autogenerate} script), to {@code true}, {@link #ARCHIVE_RUN_WITH_JAVAC} or
   * {@link #ARCHIVE_RUN_WITH_MODEL_CACHED}. Every such run loads both databases' drivers. The
   * first two read the entities through Hibernate even when they are cached, after reading them
   * from the cache when they are, so that an archive holds the classes of a command after an
   * entity edit as well as those of one with the entities cached. The run for {@code check} and
   * {@code -m} finds the migrations compiled by the check before it and loads no javac; the run
   * for the other commands has an empty cache of its own, and compiles a small migration besides
   * (SourceCompiler.loadCompiler), so that javac is in its archive even for a project without
   * migrations yet. The third is a check as any other, with the entities' model and the
   * migrations cached by then, for the archive of a command that finds what it needs in the
   * caches: a third of the size without Hibernate's classes and javac's, and quicker to start
   * from ({@link LaunchHint}).
   */
  static final String CLASS_ARCHIVE_RUN = "autogenerate.class-archive-run";

  /** {@link #CLASS_ARCHIVE_RUN}'s value for the run writing the archive with javac. */
  static final String ARCHIVE_RUN_WITH_JAVAC = "javac";

  /** {@link #CLASS_ARCHIVE_RUN}'s value for the run writing the archive without Hibernate's classes. */
  static final String ARCHIVE_RUN_WITH_MODEL_CACHED = "cached";

  /** Whether this run writes one of the launcher's archives. */
  private static boolean archiveRun() {
    return !System.getProperty(CLASS_ARCHIVE_RUN, "").isEmpty();
  }

  /** Whether this run writes an archive that holds Hibernate's classes: it reads the entities through Hibernate. */
  private static boolean archiveRunThroughHibernate() {
    String run = System.getProperty(CLASS_ARCHIVE_RUN, "");
    return run.equals("true") || run.equals(ARCHIVE_RUN_WITH_JAVAC);
  }

  /**
   * What this project's commands needed from the caches (the entities' model, then the compiled
   * history), each with the cache's entry that holds it now, found there or put there; empty
   * where the cache does not hold it, so the next command will read or compile it again.
   */
  List<Optional<KeptEntry>> cacheUse() {
    return List.copyOf(cacheUse.values());
  }

  /** {@link #cacheUse()}'s name for the entities' model; names sort in the order told there. */
  private static final String ENTITIES = "entities";

  /** {@link #cacheUse()}'s name for the compiled history. */
  private static final String HISTORY = "history";

  /** Records {@code what} as needed and not kept yet; the consumer records the entry that keeps it. */
  private Consumer<KeptEntry> needs(String what) {
    cacheUse.put(what, Optional.empty());
    return kept -> cacheUse.put(what, Optional.of(kept));
  }

  /** The schema the entities map to, and the renames they state ({@code @RenamedFrom}). */
  public EntityModel entityModel() {
    return entityModel(model -> {});
  }

  /**
   * The same, told to {@code ready} as soon as it is read, before this returns: what is left then
   * (closing Hibernate, stamping the class files again, writing the model to the cache) is no
   * part of the command's answer, and a caller on another thread goes on comparing meanwhile
   * (25 ms at 1,000 entities).
   */
  private EntityModel entityModel(Consumer<EntityModel> ready) {
    // Hibernate's boot is most of a check: entities that did not change since the last command
    // come from the cache (EntityModelCache says what counts as a change).
    EntityModelCache cache = EntityModelCache.standard();
    Consumer<KeptEntry> kept = needs(ENTITIES);
    boolean archiveRun = archiveRunThroughHibernate();
    Optional<EntityModelCache.Stamps> stamps = EntityModelCache.stamps(settings);
    Optional<String> remembered = stamps.flatMap(cache::rememberedKey);
    EntityModelReader reader = new EntityModelReader(new EntityModelOptions(applicationLoader(),
        settings.implicitNamingStrategy(), settings.physicalNamingStrategy(), settings.hibernateSettings()));
    // Files the last command did not see as they are now were most likely rebuilt from edited
    // entities: Hibernate's boot starts at once on the other core, beside the hashing of the
    // class files (a cache hit then gives it up). Files seen before need no hashing, and hit.
    boolean guessMiss = archiveRun || remembered.isEmpty() && Runtime.getRuntime().availableProcessors() > 1;
    Overlapped<HibernateBoot> boot = guessMiss ? Overlapped.start("autogenerate-hibernate-boot", reader::boot) : null;
    Optional<String> key;
    Optional<EntityModelCache.Made> made;
    Optional<EntityModel> cached;
    try {
      // No stamps means the class path could not be listed (none, or an entry missing): nor can a key be made.
      made = remembered.isPresent() ? Optional.empty() : stamps.flatMap(listed -> EntityModelCache.make(settings, listed));
      key = remembered.or(() -> made.map(EntityModelCache.Made::key));
      if (remembered.isEmpty() && stamps.isPresent() && key.isPresent()) {
        cache.remember(stamps.get(), key.get());
      }
      Optional<String> found = key;
      cached = PhaseTimings.time("entities", () -> found.flatMap(cache::get)).filter(model -> !archiveRun);
    } catch (RuntimeException | Error e) {
      if (boot != null) {
        boot.abandon();
      }
      throw e;
    }
    if (cached.isPresent()) {
      if (boot != null) {
        boot.abandon();
      }
      kept.accept(cache.kept(key.get(), stamps.get()));
      ready.accept(cached.get());
      return cached.get();
    }
    EntityModel model;
    try (Overlapped<HibernateBoot> started = boot != null ? boot
        : Overlapped.start("autogenerate-hibernate-boot", reader::boot)) {
      // Hibernate's boot up to the classes and the finding and loading of the classes are each a
      // fixed part of a read the cache missed; two cores do them at once.
      // With the key remembered, what the files say of their classes is made now (from the memo).
      List<Class<?>> classes = EntityClasses.find(settings, applicationLoader(),
          made.or(() -> stamps.flatMap(listed -> EntityModelCache.make(settings, listed)))
              .map(EntityModelCache.Made::unmapped).orElse(Set.of()));
      model = readEntities(started, classes);
      ready.accept(model);
    }
    // Kept only when the class files are still as they were stamped before the key was made: a
    // file written meanwhile (a build still running) may have given the model other content.
    // Stamps that had not settled may hide a write of the same size within their clock's tick:
    // then the content is hashed again too.
    String before = stamps.map(EntityModelCache.Stamps::files).orElse("");
    boolean unchangedSince = !before.isEmpty()
        && EntityModelCache.stamps(settings).map(after -> after.files().equals(before)).orElse(false)
        && (stamps.get().settled() || EntityModelCache.key(settings).equals(key));
    if (unchangedSince && key.isPresent()) {
      cache.put(key.get(), model);
      kept.accept(cache.kept(key.get(), stamps.get()));
    }
    return model;
  }

  /**
   * Reads mapped classes into the tool's model; what Hibernate rejects is a one-line user error.
   * Public for an application reading its own entities (the Spring Boot starter).
   */
  public static EntityModel readEntities(EntityModelOptions options, List<Class<?>> classes) {
    return timedAsUserError(() -> new EntityModelReader(options).readModel(classes));
  }

  /** The same, with Hibernate's boot made (or being made) already; the caller closes it. */
  private static EntityModel readEntities(Supplier<HibernateBoot> boot, List<Class<?>> classes) {
    return timedAsUserError(() -> boot.get().read(classes));
  }

  private static EntityModel timedAsUserError(Supplier<EntityModel> reading) {
    try {
      return PhaseTimings.time("entities", reading::get);
    } catch (EntityMappingException e) {
      throw new UserError("Hibernate rejects the entities: " + UserError.firstLine(e.getMessage()), e);
    } catch (RenameMappingException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /**
   * The schema the entities map to, as seen from this connection: on PostgreSQL, names in the
   * connection's current schema lose their qualifier and every other schema they name must
   * exist; on SQLite, which has no schemas, a qualified name is a user error.
   */
  public Schema targetSchema(Connection connection) throws SQLException {
    return Database.of(connection).targetFor(entitySchema(), connection);
  }

  /** The schema the database has now, without the tables the tool does not own. */
  public Schema databaseSchema(Connection connection) throws SQLException {
    return databaseSchema(connection, Set.of());
  }

  /** The same, reading also the given schemas besides the current one. */
  public Schema databaseSchema(Connection connection, Set<String> schemas) throws SQLException {
    return Database.of(connection)
        .inspect(connection, tableFilter().withSchemas(schemas), InspectedSchemaCache.standard());
  }

  /**
   * What it takes to bring the database to the entities. What the applied migrations recorded
   * (replayed from the history) completes what the database cannot store (enum types and
   * comments on SQLite), and tells what the migrations created, which the tool may drop, from
   * what someone else added, which it keeps.
   */
  public MigrationPlan plan(Connection connection, RevisionHistory history) throws SQLException {
    return plan(connection, history, List.of());
  }

  /**
   * The same, with renames stated on the command line ({@code --rename users.nickname=display_name},
   * {@code --rename users=people}) besides those the entities state ({@code @RenamedFrom}): where the
   * database has the old name, the table or column is renamed, keeping its data.
   */
  public MigrationPlan plan(Connection connection, RevisionHistory history, List<String> renameOptions)
      throws SQLException {
    return comparison().plan(connection, history, entityModel(), Optional.empty(), renameOptions);
  }

  /** The same, from what {@link #groundwork} read. */
  public MigrationPlan plan(Groundwork groundwork, List<String> renameOptions) throws SQLException {
    return comparison().compare(groundwork.connection(), groundwork.history(), groundwork::entities,
        Optional.ofNullable(groundwork.inspected()), renameOptions).plan();
  }

  private EntityComparison comparison() {
    return new EntityComparison(diffOptions(), tableFilter());
  }

  /** How to compare: the configured options, and the project's {@code CompareHook} if it has one. */
  private DiffOptions diffOptions() {
    return settings.diffOptions().withHook(CompareHooks.find(settings.compareHook(), applicationLoader()));
  }

  /**
   * Why the database is not at the newest revision as that revision was written, if it is not: a
   * diff against an older database would repeat what the pending migrations already do, and one
   * against an edited revision would build on a schema its file no longer describes. A history
   * with several heads is not up to date either: a new revision could follow only one of them.
   *
   * @throws UserError when the database is at a revision no migration defines
   */
  public Optional<String> notUpToDate(Connection connection, RevisionHistory history) throws SQLException {
    // Heads and history from one snapshot (see RecordedRevisions).
    RecordedRevisions revisions = RecordedRevisions.read(connection);
    List<String> recorded = revisions.heads();
    Migrator migrator = new Migrator(history, tableFilter());
    if (recorded.stream().anyMatch(head -> history.find(head).isEmpty())) {
      // A newer release migrated it (an old release's CI after a rollback): told so, not "restore
      // that migration" (a user test).
      Optional<String> ahead = migrator.aheadOfHistory(connection);
      if (ahead.isPresent()) {
        return Optional.of("the database is " + ahead.get() + ": a newer release migrated it, and these migrations"
            + " are behind it, " + Migrator.OR_FILE_DELETED);
      }
    }
    Optional<String> inconsistency = migrator.inconsistency(revisions);
    if (inconsistency.isPresent()) {
      return inconsistency;
    }
    // A database at a revision no migration defines says so first (its file deleted, say): a merge
    // of the heads left would not help (found by a user test).
    AppliedRevisions applied = history.appliedAt(recorded);
    if (history.heads().size() > 1) {
      return Optional.of(history.describeHeads() + "; " + MERGE_FIRST);
    }
    // An edited migration first: on a database that is also behind, upgrade would refuse it (a user
    // test was sent to upgrade head, which then stopped on the edit).
    // The history table's rows, read once for what ran and whether it ran as its file says.
    Optional<String> edited = migrator.editedSinceApplied(connection, revisions.ran());
    if (edited.isPresent()) {
      return edited;
    }
    if (!applied.heads().equals(history.heads().stream().map(MigrationScript::id).toList())) {
      return Optional.of("the database is at " + history.describe(applied) + " but the newest migration is "
          + RevisionHistory.labels(history.heads()) + "; run `autogenerate upgrade head` first");
    }
    return Optional.empty();
  }

  /**
   * Whether a plan's warnings say the database must be adopted first ({@code baseline}): then
   * {@code -m} refuses, and {@code check}'s closing advice must not point at it.
   */
  public static boolean needsBaselineFirst(MigrationPlan plan) {
    return plan.warnings().stream().anyMatch(UnadoptedTables::isItsWarning);
  }

  /** The fix for a second head, where a new revision needs one. */
  private static final String MERGE_FIRST =
      "a new revision would follow only one of them: run autogenerate merge -m \"MESSAGE\" to join them, then"
          + " autogenerate upgrade head";

  /** Fails, as a user error, unless the database is {@linkplain #notUpToDate up to date}. */
  public void requireUpToDate(Connection connection, RevisionHistory history) throws SQLException {
    Optional<String> reason = notUpToDate(connection, history);
    if (reason.isPresent()) {
      throw new UserError(reason.get());
    }
  }


  /**
   * What a new revision is: its message, optionally a fixed id and time (for reproducible
   * output), whether a risky step stops it ({@code --strict}), and the renames the command line
   * states ({@code --rename}).
   *
   * @param renames the {@code --rename} options ({@code users.nickname=display_name},
   *     {@code users=people}), as typed
   */
  public record RevisionRequest(String message, String revisionId, Instant created, boolean strict,
      List<String> renames) {

    /** What an id may hold: what the version table's column takes, and no sign or dot a target reads. */
    private static final Pattern USABLE_ID = Pattern.compile("[A-Za-z0-9_]{1,32}");

    /** Words that name a place in the history where a revision id would stand. */
    private static final Set<String> TARGET_WORDS = Set.of(RevisionHistory.BASE, "head", "heads");

    /**
     * @throws UserError for a message that is not one line (it names the revision in every
     *     listing and progress line) or an id no command could name
     */
    public RevisionRequest {
      renames = List.copyOf(renames);
      if (message != null && (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0)) {
        throw new UserError("the message must be one line (it names the revision in history and in every progress"
            + " line): put the details in the migration's comment instead");
      }
      if (message != null && message.isBlank()) {
        throw new UserError("the message is empty: say what the revision does, as -m \"add age column\"");
      }
      if (revisionId != null && (!USABLE_ID.matcher(revisionId).matches()
          || TARGET_WORDS.contains(revisionId.toLowerCase(Locale.ROOT)))) {
        throw new UserError("revision id '" + revisionId + "' cannot be used: an id is 1 to 32 letters, digits or"
            + " underscores, and not base, head or heads; leave --rev-id out for a random one");
      }
    }

    /**
     * @throws UserError when the history already has a revision with the requested id: both
     *     files would then break every later command
     */
    void requireNewIdIn(RevisionHistory history) {
      if (revisionId != null && history.find(revisionId).isPresent()) {
        throw new UserError("revision id " + revisionId + " is already used by " + history.get(revisionId).origin()
            + ": choose another --rev-id, or leave it out for a random one");
      }
    }

    /** A request without {@code --rename}. */
    public RevisionRequest(String message, String revisionId, Instant created, boolean strict) {
      this(message, revisionId, created, strict, List.of());
    }

    /** A request that writes the migration whatever its risks. */
    public RevisionRequest(String message, String revisionId, Instant created) {
      this(message, revisionId, created, false);
    }
  }

  /**
   * Compares entities and database and writes a migration with the difference, if there is one.
   */
  public GeneratedRevision autogenerate(RevisionRequest request) throws SQLException {
    Optional<Path> newSqliteFile = SettingsLoader.sqliteFile(settings.url()).filter(file -> !Files.exists(file));
    try {
      return autogenerate(request, groundwork(true));
    } catch (SQLException | RuntimeException | Error e) {
      // A failed -m changes nothing: not even the SQLite file its connection made (a mistyped
      // url would otherwise be there for the next command, as an empty database).
      newSqliteFile.filter(SqliteFiles::holdsNothing).ifPresent(SqliteFiles::deleteWithJournal);
      throw e;
    }
  }

  private GeneratedRevision autogenerate(RevisionRequest request, Groundwork started) throws SQLException {
    try (Groundwork groundwork = started) {
      Connection connection = groundwork.connection();
      RevisionHistory history = groundwork.history();
      request.requireNewIdIn(history);
      requireUpToDate(connection, history);
      EntityComparison.Result compared = comparison().compare(connection, history, groundwork::entities,
          Optional.ofNullable(groundwork.inspected()), request.renames());
      if (!compared.unadoptedTables().isEmpty()) {
        throw new UserError(new UnadoptedTables(compared.unadoptedTables()).refusal());
      }
      MigrationPlan plan = compared.plan();
      List<CountedRisk> risks = countRisks(connection, plan);
      if (plan.isEmpty() || (request.strict() && !risks.isEmpty())) {
        return GeneratedRevision.none(plan, risks);
      }
      MigrationPlan noted = withDowngradeRiskNotes(withRiskNotes(plan, risks), compared.current());
      if (!settings.lockSafety().any()) {
        return GeneratedRevision.one(write(request, headIds(history), noted), noted, risks);
      }
      return writeLockSafe(request, headIds(history), compared.current(), noted, risks);
    }
  }

  /** The first {@code shown} names, comma-separated, then {@code ...} where there are more. */
  static String firstOf(List<String> names, int shown) {
    return String.join(", ", names.subList(0, Math.min(shown, names.size()))) + (names.size() > shown ? ", ..." : "");
  }

  /**
   * Writes the plan in the forms that keep busy tables available, as the settings ask: the
   * upgrade's own revision, then, where needed, one validating the constraints it added NOT VALID,
   * and one per index built concurrently, each revising the one before. The follow-ups are
   * created a second apart, so their files sort in the order they run.
   */
  private GeneratedRevision writeLockSafe(RevisionRequest request, List<String> heads, Schema current,
      MigrationPlan noted, List<CountedRisk> risks) {
    List<LockSafeRevisions.Revision> revisions =
        LockSafeRevisions.of(current, noted.upgradeChanges(), settings.lockSafety());
    Instant created = (request.created() != null ? request.created() : Instant.now()).truncatedTo(ChronoUnit.SECONDS);
    String firstId = request.revisionId() != null ? request.revisionId() : RevisionIds.random();
    List<String> revises = heads;
    List<Written> written = new ArrayList<>();
    Optional<Schema> before = Optional.of(current);
    for (int i = 0; i < revisions.size(); i++) {
      LockSafeRevisions.Revision revision = revisions.get(i);
      String id = i == 0 ? firstId : RevisionIds.derived(firstId, i);
      String message = revision.purpose().isEmpty() ? request.message() : request.message() + " (" + revision.purpose() + ")";
      // Each revision's downgrade is its own, derived from its upgrade: its warnings too.
      Optional<List<Risk>> downgradeRisks =
          before.flatMap(schema -> downgradeRisks(schema, revision.upgrade(), revision.downgrade()));
      List<Change> downgrade = downgradeRisks.isEmpty() ? revision.downgrade()
          : revision.downgrade().stream().map(change -> withDowngradeNotes(change, downgradeRisks.get())).toList();
      Path file = write(new RevisionRequest(message, id, created.plusSeconds(i), request.strict()), revises,
          revision.upgrade(), downgrade);
      before = before.flatMap(schema -> upgraded(schema, revision.upgrade()));
      written.add(new Written(file, revision.upgrade()));
      revises = List.of(id);
    }
    return new GeneratedRevision(noted, risks, written);
  }

  /** How many rows each risky step of the plan concerns in this database, now. */
  public List<CountedRisk> countRisks(Connection connection, MigrationPlan plan) throws SQLException {
    Database database = Database.of(connection);
    CountBudget budget = CountBudget.start();
    return plan.risks().stream().map(risk -> CountedRisk.of(connection, database, risk, budget)).toList();
  }

  /** The plan with each risky step's warning and count written above it, for the reviewer. */
  private static MigrationPlan withRiskNotes(MigrationPlan plan, List<CountedRisk> risks) {
    return plan.withUpgradeChanges(change -> withNotes(change,
        risks.stream().filter(risk -> risk.risk().change().equals(change)).map(CountedRisk::note).toList()));
  }

  /**
   * The plan with a warning above each downgrade step that may destroy data (dropping what the
   * upgrade adds deletes what was put there since): the reviewer sees it before anything runs,
   * and the downgrade counts the rows when it runs.
   */
  private static MigrationPlan withDowngradeRiskNotes(MigrationPlan plan, Schema current) {
    Optional<List<Risk>> risks = downgradeRisks(current, plan.upgradeChanges(), plan.downgradeChanges());
    return risks.isEmpty() ? plan : plan.withDowngradeChanges(change -> withDowngradeNotes(change, risks.get()));
  }

  /** The risks of a downgrade, from the schema its upgrade leaves; empty where that does not apply. */
  private static Optional<List<Risk>> downgradeRisks(Schema before, List<Change> upgrade, List<Change> downgrade) {
    return upgraded(before, upgrade).map(schema -> Risks.of(schema, downgrade));
  }

  /** The schema after the changes; empty where one does not apply to it. */
  private static Optional<Schema> upgraded(Schema before, List<Change> upgrade) {
    Schema schema = before;
    try {
      for (Change change : upgrade) {
        schema = change.operation().applyTo(schema);
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(schema);
  }

  private static Change withDowngradeNotes(Change change, List<Risk> risks) {
    return withNotes(change, risks.stream()
        .filter(risk -> risk.change().equals(change))
        .map(risk -> "WARNING: " + risk.kind().consequence() + (risk.kind().changesDataWithoutError()
            ? " (the downgrade counts the " + risk.kind().counted() + " when it runs)" : ""))
        .toList());
  }

  private static Change withNotes(Change change, List<String> notes) {
    if (notes.isEmpty()) {
      return change;
    }
    String reason = change.reason() == null ? "" : change.reason() + "\n";
    return new Change(change.operation(), reason + String.join("\n", notes));
  }

  /**
   * Adopts a database the tool has never migrated: writes a first migration that creates its
   * schema as it is (tables, keys, indexes, sequences, enum types, comments), and stamps the
   * database at it, so a fresh database built from the migrations equals this one and the next
   * {@code -m} holds only what the entities change. Where there are migrations, adopts what of the
   * entities the database has ahead of them instead ({@link #adoptMadeOutside}).
   *
   * @param progress where the stamp says what it recorded
   */
  public GeneratedRevision baseline(RevisionRequest request, PrintWriter progress) throws SQLException {
    try (Connection connection = connect()) {
      RevisionHistory history = history();
      if (!history.isEmpty()) {
        return adoptMadeOutside(request, history, connection, progress);
      }
      List<String> current = VersionTable.heads(connection);
      if (!current.isEmpty()) {
        throw new UserError("the database is already at revision " + String.join(", ", current)
            + " of another history: baseline is for a database this tool has never migrated");
      }
      Database database = Database.of(connection);
      // The database's views are its own, as always: adopted are its tables, sequences and types,
      // never its views (a comparison would take them for views of @View entities to create).
      Schema target = targetSchema(connection);
      Schema inspected = database.spelledAs(databaseSchema(connection, target.otherSchemas()), target);
      List<String> invalid = new ArrayList<>();
      Schema existing = AdoptionLeavesOut.from(AdoptedTypes.asTheEntitiesSayWhereAlike(
          inspected.withViewsAndTriggers(List.of(), List.of()), target, database.comparisonRules()), invalid);
      if (!invalid.isEmpty()) {
        progress.println("note: the baseline leaves out " + invalid.size() + " INVALID index(es) (" + firstOf(invalid, 5)
            + "): a failed concurrent build left them, and no query uses them; drop them (drop index concurrently"
            + " ...), and map them to have -m build them");
      }
      SchemaComparison comparison = new SchemaComparison(database.comparisonRules(), diffOptions());
      AdoptedSerials serials = AdoptedSerials.in(existing);
      MigrationPlan plan = comparison.compare(Schema.EMPTY, serials.schema());
      if (plan.isEmpty()) {
        throw new UserError("the database has no tables, sequences or enum types to adopt: start with -m instead");
      }
      List<Change> left = AdoptedButUnmapped.of(comparison.compare(existing, target, Optional.of(existing)),
          comparison.compare(existing, target, Optional.of(Schema.EMPTY)), target);
      plan = adoption(existing.otherSchemas(), plan, serials, left);
      Path file = write(request, List.of(), plan);
      migrator(progress, null).stamp(connection, "head");
      if (!inspected.views().isEmpty() || !inspected.triggers().isEmpty()) {
        List<String> own = new ArrayList<>();
        inspected.views().keySet().forEach(view -> own.add("view " + view));
        inspected.triggers().keySet().forEach(trigger -> own.add("trigger " + trigger));
        progress.println("note: the baseline leaves the database's own " + String.join(", ", own) + ": a database"
            + " built from the migrations lacks them (and a later migration that drops one to create it again fails"
            + " there); write them into a migration of their own with op.execute if it needs them");
      }
      List<String> unmapped = existing.tables().keySet().stream().filter(table -> !target.hasTable(table)).toList();
      if (!unmapped.isEmpty()) {
        // Adopted, they count as the migrations' own from now on: the next -m drops what no entity maps.
        progress.println("note: the baseline adopts " + unmapped.size() + " table(s) no entity maps ("
            + firstOf(unmapped, 5)
            + "): the next -m proposes dropping them, with their rows counted; map them, or list them in"
            + " exclude.tables to leave them to the database");
      }
      return GeneratedRevision.one(file, plan, List.of());
    }
  }

  /**
   * A baseline's plan in the order it runs: the schemas its tables are in, what creates the adopted
   * schema, its serials made their columns' own again, then the marks of what stays the
   * database's; the downgrade disowns the serials' sequences before it drops the tables.
   */
  private static MigrationPlan adoption(Collection<String> schemas, MigrationPlan plan, AdoptedSerials serials,
      List<Change> left) {
    List<Change> upgrade = new ArrayList<>(schemasFirst(schemas));
    upgrade.addAll(plan.upgradeChanges());
    upgrade.addAll(serials.owning());
    upgrade.addAll(left);
    List<Change> downgrade = new ArrayList<>(serials.disowning());
    downgrade.addAll(plan.downgradeChanges());
    return new MigrationPlan(ChangeGroup.consecutive(upgrade), ChangeGroup.consecutive(downgrade), plan.warnings(),
        plan.notices(), plan.risks());
  }

  /**
   * The schemas a baseline's tables are in, first: a database built from the migrations has none of
   * them (found adopting a database: a note said to add this by hand, and the edit then broke the
   * stamped database's checksum). Created only where missing: PostgreSQL asks for the right to
   * create schemas before it reads "if not exists", which a DBA who made the schema for the
   * application's role does not give it (found by a review). Left in place by the downgrade: other
   * objects may use them.
   */
  private static List<Change> schemasFirst(Collection<String> schemas) {
    return schemas.stream()
        .map(schema -> Change.of(new ExecuteSql("do $schema$ begin if not exists (select from pg_namespace where"
                + " nspname = " + Ddl.literal(schema) + ") then create schema " + SqlIdentifiers.quote(schema)
                + "; end if; end $schema$"),
            "schema " + schema + ", which the tables below are in, where it is missing; the downgrade leaves it"))
        .toList();
  }

  /**
   * {@code baseline} where there are migrations: a revision that creates what of the entities the
   * database has ahead of them ({@link MadeOutsideMigrations}: Hibernate's {@code ddl-auto=update},
   * a hand), a table as this database has it, recorded as applied here, which has it. Databases built from
   * the migrations get it from that revision; the next {@code -m} holds only what changed.
   */
  private GeneratedRevision adoptMadeOutside(RevisionRequest request, RevisionHistory history, Connection connection,
      PrintWriter progress) throws SQLException {
    request.requireNewIdIn(history);
    requireUpToDate(connection, history);
    EntityComparison.Result compared = comparison().compare(connection, history, this::entityModel, Optional.empty(),
        request.renames());
    if (compared.madeOutside().isEmpty()) {
      throw new UserError("the database has nothing of the entities that the migrations do not create: use -m for a"
          + " change, or stamp to record where a database is");
    }
    Database database = Database.of(connection);
    Schema replayed = history.replay(history.appliedAt(VersionTable.heads(connection)));
    SchemaComparison comparison = new SchemaComparison(database.comparisonRules(), diffOptions());
    Schema target = compared.target();
    // As a first baseline writes them: a serial as its parts, the schemas the tables are in first.
    AdoptedSerials serials = AdoptedSerials.in(
        compared.madeOutside().addedTo(replayed, target, compared.current(), database.comparisonRules()));
    Schema adopted = serials.schema();
    MigrationPlan plan = comparison.compare(replayed, adopted, Optional.of(replayed));
    // What of an adopted table no entity maps (a DBA's index, a check) is left to the database,
    // as a first baseline leaves it: created, and not proposed for dropping by the next -m.
    List<Change> left = AdoptedButUnmapped.of(comparison.compare(adopted, target, Optional.of(adopted)),
        comparison.compare(adopted, target, Optional.of(replayed)), target);
    Set<String> newSchemas = new TreeSet<>(adopted.otherSchemas());
    newSchemas.removeAll(replayed.otherSchemas());
    plan = adoption(newSchemas, plan, serials, left);
    Path file = write(request, headIds(history), plan);
    migrator(progress, null).stamp(connection, "head");
    return GeneratedRevision.one(file, plan, List.of());
  }

  /**
   * What {@link #autogenerate} planned, and the files it wrote, in the order they run: none when
   * nothing changed, one, or with lock-safe settings the upgrade's own and its follow-ups.
   */
  public record GeneratedRevision(MigrationPlan plan, List<CountedRisk> risks, List<Written> written) {

    public GeneratedRevision {
      written = List.copyOf(written);
    }

    /** Nothing written. */
    static GeneratedRevision none(MigrationPlan plan, List<CountedRisk> risks) {
      return new GeneratedRevision(plan, risks, List.of());
    }

    /** The whole plan in one file. */
    static GeneratedRevision one(Path file, MigrationPlan plan, List<CountedRisk> risks) {
      return new GeneratedRevision(plan, risks, List.of(new Written(file, plan.upgradeChanges())));
    }

    /** The first file written, if any. */
    public Optional<Path> file() {
      return written.stream().findFirst().map(Written::file);
    }
  }

  /** One file written, with the steps its upgrade takes, in the forms it takes them. */
  public record Written(Path file, List<Change> upgrade) {

    public Written {
      upgrade = List.copyOf(upgrade);
    }
  }

  /**
   * Writes an empty migration after the newest one, to be filled in by hand.
   *
   * @throws UserError when the history has several heads: it names them and the fix (merge)
   */
  public Path emptyRevision(RevisionRequest request) {
    RevisionHistory history = history();
    request.requireNewIdIn(history);
    history.singleHead(MERGE_FIRST);
    return write(request, headIds(history), MigrationPlan.empty());
  }

  private static List<String> headIds(RevisionHistory history) {
    return history.heads().stream().map(MigrationScript::id).toList();
  }

  /**
   * Writes a merge: a migration revising the given revisions (by default the heads), with
   * nothing to do, which joins their branches into one history again. Needs no database.
   *
   * @param revisions {@code head}, revision ids or unique prefixes; empty for every head
   * @throws UserError when there is nothing to merge (one head), or fewer than two distinct
   *     revisions, or one of them already descends from another
   */
  public Merge merge(RevisionRequest request, List<String> revisions) {
    RevisionHistory history = history();
    request.requireNewIdIn(history);
    List<MigrationScript> parents;
    if (revisions.isEmpty()) {
      parents = history.heads();
      if (parents.isEmpty()) {
        throw new UserError("nothing to merge: no migrations in " + settings.migrations()
            + " (check migrations= or --migrations)");
      }
      if (parents.size() < 2) {
        throw new UserError("nothing to merge: the history has " + history.describeHeads()
            + " (merge joins several heads; name the revisions to merge other ones)");
      }
    } else {
      parents = revisions.stream().map(history::resolveRevision).distinct().toList();
      if (parents.size() < 2) {
        throw new UserError("a merge joins two or more revisions, not " + RevisionHistory.labels(parents)
            + ": name another one");
      }
    }
    for (MigrationScript parent : parents) {
      for (MigrationScript other : parents) {
        if (parent != other && history.ancestors(List.of(other.id())).contains(parent.id())) {
          throw new UserError(other.label() + " already follows " + parent.label() + ": merge revisions on different"
              + " branches, such as the heads (autogenerate heads)");
        }
      }
    }
    // Branches a merge already joined, any two of them: merging them again would leave that merge
    // a head beside the new one.
    for (int i = 0; i < parents.size(); i++) {
      for (int j = i + 1; j < parents.size(); j++) {
        Set<String> joinedBy = new HashSet<>(history.descendants(parents.get(i).id()));
        joinedBy.retainAll(history.descendants(parents.get(j).id()));
        if (!joinedBy.isEmpty()) {
          throw new UserError(parents.get(i).label() + " and " + parents.get(j).label() + " are joined already, by "
              + history.inOrder(joinedBy).get(0).label() + ": merging them again would make another head; merge the"
              + " heads instead (autogenerate heads)");
        }
      }
    }
    List<BranchOverlap> overlaps = BranchOverlap.between(history, parents);
    List<BranchOrders> failingOrders = BranchOrders.failing(history, parents, overlaps.stream()
        .filter(BranchOverlap::bothCreate).map(BranchOverlap::subject).collect(Collectors.toSet()));
    Path file = write(request, parents.stream().map(MigrationScript::id).toList(), MigrationPlan.empty());
    return new Merge(file, parents, overlaps, failingOrders);
  }

  /** The merge written, the revisions it joins, and what their branches both change. */
  /** A merge written: its file, the revisions it joins, what both branches change, and the orders that fail. */
  public record Merge(Path file, List<MigrationScript> parents, List<BranchOverlap> overlaps,
      List<BranchOrders> failingOrders) {}

  private Path write(RevisionRequest request, List<String> revises, MigrationPlan plan) {
    return write(request, revises, plan.upgradeChanges(), plan.downgradeChanges());
  }

  private Path write(RevisionRequest request, List<String> revises, List<Change> upgrade, List<Change> downgrade) {
    Instant created = (request.created() != null ? request.created() : Instant.now()).truncatedTo(ChronoUnit.SECONDS);
    String revisionId = request.revisionId() != null ? request.revisionId() : RevisionIds.random();
    MigrationSource source = new MigrationSource(
        settings.migrationsPackage(),
        MigrationNames.className(created, request.message()),
        revisionId,
        revises,
        request.message(),
        created,
        upgrade,
        downgrade);
    try {
      return PhaseTimings.time("render", () -> new MigrationWriter().writeTo(createdDirectory(), source));
    } catch (IllegalStateException e) {
      throw new UserError(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UserError("cannot write the migration into " + settings.migrations() + " (" + reason(e.getCause())
          + "): make that folder writable, or set migrations= to one that is", e);
    }
  }

  /** What the file system said, without the path it repeats: "Operation not permitted". */
  private static String reason(IOException failure) {
    if (failure instanceof FileSystemException refused && refused.getReason() != null) {
      return refused.getReason();
    }
    return failure instanceof AccessDeniedException ? "permission denied" : String.valueOf(failure.getMessage());
  }

  private Path createdDirectory() {
    try {
      return Files.createDirectories(settings.migrations());
    } catch (IOException e) {
      throw new UserError("cannot create migrations directory " + settings.migrations() + ": " + e.getMessage(), e);
    }
  }

  private ClassLoader applicationLoader() {
    if (applicationLoader == null) {
      applicationLoader = EntityClasses.loaderFor(settings.classPath());
    }
    return applicationLoader;
  }
}
