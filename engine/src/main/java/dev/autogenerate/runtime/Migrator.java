package dev.autogenerate.runtime;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Applies and reverts migrations on a live database: the runtime behind {@code autogenerate
 * upgrade} and {@code downgrade}, and the API an application calls at start-up:
 *
 * <pre>{@code Migrator.fromClasspath("com.example.app.migrations").upgrade(dataSource);}</pre>
 *
 * <p>Each revision runs in its own transaction together with the version-table update, so a
 * failed revision leaves the database at the revision before it.
 *
 * <p>Each revision is applied exactly once, however many processes upgrade together (replicas of
 * an application starting at once): they take turns through the database's {@link
 * MigrationLock} (PostgreSQL) or its write lock (SQLite), and inside each revision's transaction
 * the runtime reads the version again and applies the revision only if the database is still at
 * its parent. A process that finds the work done by another moves on from where the database
 * is; one that waits says so after a couple of seconds and gives up after {@link
 * LockWait#timeout()}.
 */
public final class Migrator {

  private static final System.Logger LOG = System.getLogger(Migrator.class.getName());

  private final RevisionHistory history;
  private final TableFilter filter;
  private final Duration lockTimeout;
  private final Consumer<String> progress;

  public Migrator(RevisionHistory history, TableFilter filter) {
    this(history, filter, LockWait.DEFAULT_TIMEOUT, line -> LOG.log(System.Logger.Level.INFO, line));
  }

  private Migrator(RevisionHistory history, TableFilter filter, Duration lockTimeout, Consumer<String> progress) {
    this.history = history;
    this.filter = filter;
    this.lockTimeout = lockTimeout;
    this.progress = progress;
  }

  /** The migrations compiled into {@code packageName}, found through the context class loader. */
  public static Migrator fromClasspath(String packageName) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return fromClasspath(packageName, loader != null ? loader : Migrator.class.getClassLoader());
  }

  /**
   * The migrations compiled into {@code packageName}.
   *
   * @throws UserError when the package holds none: a misspelt package must not start an
   *     application on an unmigrated database
   */
  public static Migrator fromClasspath(String packageName, ClassLoader loader) {
    List<MigrationScript> scripts = MigrationLoader.fromClasspath(packageName, loader);
    if (scripts.isEmpty()) {
      throw new UserError("no migrations in package " + packageName + " on the class path: check the package name,"
          + " and that the migrations are compiled into the application");
    }
    return new Migrator(RevisionHistory.of(scripts), TableFilter.defaults());
  }

  /** This migrator, waiting at most {@code timeout} for another process migrating the same database. */
  public Migrator withLockTimeout(Duration timeout) {
    return new Migrator(history, filter, timeout, progress);
  }

  /**
   * This migrator, telling {@code listener} as it goes: each revision's start and end with its
   * duration, and a wait for another process. By default it logs through {@link System.Logger}.
   */
  public Migrator withProgress(Consumer<String> listener) {
    return new Migrator(history, filter, lockTimeout, listener);
  }

  public RevisionHistory history() {
    return history;
  }

  /** Brings the database to the newest revision. */
  public List<MigrationScript> upgrade(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return upgrade(connection, "head");
    }
  }

  /** The revision the database is at, or null at base. */
  public String current(Connection connection) throws SQLException {
    return VersionTable.current(connection);
  }

  /**
   * Applies revisions up to a target.
   *
   * @param target {@code head}, {@code +N} or a revision id (prefix)
   * @return the revisions this call applied, in order (none when another process did the work)
   */
  public List<MigrationScript> upgrade(Connection connection, String target) throws SQLException {
    Database database = Database.of(connection);
    LockWait wait = new LockWait(lockTimeout, progress);
    try (MigrationLock lock = database.lockMigrations(connection, wait)) {
      Optional<String> edited = editedSinceApplied(connection);
      if (edited.isPresent()) {
        throw new UserError(edited.get());
      }
      int current = history.position(VersionTable.current(connection));
      int goal = history.resolve(target, current);
      if (goal < current) {
        throw new UserError("revision " + target + " is behind the current one (" + history.describePosition(current)
            + "): use downgrade to go back");
      }
      List<MigrationScript> applied = new ArrayList<>();
      while (current < goal) {
        MigrationScript script = history.get(current + 1);
        Optional<String> movedTo = apply(connection, database, wait, script, script.upgradeOperations(),
            script.revises(), script.id(), script.checksum(), "upgrade");
        if (movedTo.isEmpty()) {
          applied.add(script);
          current++;
        } else {
          current = history.position(movedTo.get().isEmpty() ? null : movedTo.get());
        }
      }
      return applied;
    }
  }

  /**
   * Reverts revisions down to a target, which stays applied.
   *
   * @param target {@code -N}, {@code base} or a revision id (prefix)
   * @return the revisions this call reverted, in the order they were reverted
   */
  public List<MigrationScript> downgrade(Connection connection, String target) throws SQLException {
    Database database = Database.of(connection);
    LockWait wait = new LockWait(lockTimeout, progress);
    try (MigrationLock lock = database.lockMigrations(connection, wait)) {
      int current = history.position(VersionTable.current(connection));
      int goal = history.resolve(target, current);
      if (goal > current) {
        throw new UserError("revision " + target + " is ahead of the current one (" + history.describePosition(current)
            + "): use upgrade to go forward");
      }
      List<MigrationScript> reverted = new ArrayList<>();
      while (current > goal) {
        MigrationScript script = history.get(current);
        String parentChecksum = current > 0 ? history.get(current - 1).checksum() : null;
        Optional<String> movedTo = apply(connection, database, wait, script, script.downgradeOperations(),
            script.id(), script.revises(), parentChecksum, "downgrade");
        if (movedTo.isEmpty()) {
          reverted.add(script);
          current--;
        } else {
          current = history.position(movedTo.get().isEmpty() ? null : movedTo.get());
        }
      }
      return reverted;
    }
  }

  /**
   * Records the database as being at a revision without running anything: for a database whose
   * schema is already there (adopted with {@code baseline}, or built by hand), or to accept an
   * edit to an applied migration. The history table then lists exactly the revisions up to the
   * target, with the checksums their files have now.
   *
   * @param target {@code head}, {@code base}, or a revision id (prefix)
   * @return the revision the database is now recorded at, or null for base
   */
  public String stamp(Connection connection, String target) throws SQLException {
    Database database = Database.of(connection);
    LockWait wait = new LockWait(lockTimeout, progress);
    try (MigrationLock lock = database.lockMigrations(connection, wait)) {
      String recorded = VersionTable.current(connection);
      int current = recorded == null || history.find(recorded).isEmpty() ? -1 : history.position(recorded);
      int goal = history.resolve(target, current);
      boolean autoCommit = connection.getAutoCommit();
      RevisionGuard guard = database.beginRevision(connection, wait);
      try {
        HistoryTable.createIfMissing(connection, history, recorded);
        Map<String, HistoryTable.Entry> entries = HistoryTable.entries(connection);
        for (String applied : entries.keySet()) {
          if (history.find(applied).map(script -> history.position(script.id()) > goal).orElse(true)) {
            HistoryTable.reverted(connection, applied);
          }
        }
        for (int position = 0; position <= goal; position++) {
          MigrationScript script = history.get(position);
          HistoryTable.stamped(connection, script, entries.containsKey(script.id()));
        }
        String id = goal < 0 ? null : history.get(goal).id();
        VersionTable.set(connection, id, goal < 0 ? null : history.get(goal).checksum());
        connection.commit();
        progress.accept("Stamped " + (id == null ? "base" : history.get(goal).label()) + " (nothing ran)");
        return id;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
        guard.close();
      }
    }
  }

  /**
   * Whether a revision applied here was edited after it ran: its operations no longer match the
   * checksum recorded when it was applied. Every applied revision is checked (the history table
   * has them all; a database migrated by the earlier release has only the current one's).
   * Downgrading is still allowed (that is the way out); upgrading, checking and generating are
   * not, since they would build on a schema the files no longer describe.
   *
   * @return the message saying so, naming the file, or empty when every migration is as applied
   */
  public Optional<String> editedSinceApplied(Connection connection) throws SQLException {
    String current = VersionTable.current(connection);
    Map<String, String> recorded = new LinkedHashMap<>();
    if (HistoryTable.exists(connection)) {
      HistoryTable.entries(connection).values().forEach(entry -> recorded.put(entry.revision(), entry.checksum()));
    } else if (current != null) {
      recorded.put(current, VersionTable.checksum(connection));
    }
    for (Map.Entry<String, String> applied : recorded.entrySet()) {
      Optional<MigrationScript> script = history.find(applied.getKey());
      if (applied.getValue() == null || script.isEmpty() || script.get().matchesChecksum(applied.getValue())) {
        continue;
      }
      String way = applied.getKey().equals(current)
          ? "run downgrade -1 and then upgrade head"
          : "downgrade below it (autogenerate downgrade " + (script.get().revises() == null ? "base" : script.get().revises())
              + ") and then upgrade head";
      return Optional.of("migration " + script.get().origin() + " was edited after it was applied to this database"
          + " (its operations differ from what ran): undo the edit, or " + way + " to apply the edited version");
    }
    return Optional.empty();
  }

  /**
   * Runs one revision's operations in one transaction, if the database is still where they start.
   *
   * @param from the version the operations start from (null for base)
   * @param to the version they leave the database at (null for base)
   * @return empty when it ran; otherwise the version another process left the database at ("" for
   *     base), read inside the transaction, and nothing ran
   */
  private Optional<String> apply(Connection connection, Database database, LockWait wait, MigrationScript script,
      List<Operation> operations, String from, String to, String newChecksum, String direction) throws SQLException {
    TableFilter filter = this.filter.withSchemas(schemasNamed(operations));
    boolean autoCommit = connection.getAutoCommit();
    RevisionGuard guard = database.beginRevision(connection, wait);
    String statementSql = null;
    try (Statement statement = connection.createStatement()) {
      String found = VersionTable.current(connection);
      if (!Objects.equals(found, from)) {
        connection.rollback();
        return Optional.of(found == null ? "" : found);
      }
      HistoryTable.createIfMissing(connection, history, from);
      long start = System.nanoTime();
      progress.accept((direction.equals("upgrade") ? "Applying " : "Reverting ") + script.label() + " ...");
      // What SQLite cannot store (enum types, comments) comes from what the applied revisions recorded.
      Schema schema = database.withUnstored(database.inspect(connection, filter), () -> history.replayUpTo(from));
      for (ChangeGroup group : ChangeGroup.ofOperations(operations)) {
        // Apply to the model first: a migration that names a missing table or column fails here
        // with a clear message instead of halfway through its SQL.
        Schema after = group.subject() == null ? null : applyOrExplain(group, schema, script);
        for (String sql : database.statements(group, schema)) {
          statementSql = sql;
          statement.execute(sql);
        }
        statementSql = null;
        // Raw SQL may change anything, so look again rather than guess; what the database cannot
        // store is kept from the schema as it stood.
        Schema before = schema;
        schema = after != null ? after
            : database.withUnstored(database.inspect(connection, filter), () -> Optional.of(before));
      }
      VersionTable.set(connection, to, newChecksum);
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      if (direction.equals("upgrade")) {
        HistoryTable.applied(connection, script, newChecksum, millis);
      } else {
        HistoryTable.reverted(connection, script.id());
      }
      guard.beforeCommit(script.label());
      connection.commit();
      progress.accept((direction.equals("upgrade") ? "Applied " : "Reverted ") + script.label() + " in " + millis + " ms");
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      if (e instanceof UserError userError) {
        throw userError;
      }
      String where = statementSql == null ? "" : " at `" + UserError.firstLine(statementSql) + "`";
      throw new UserError("migration " + script.label() + " failed" + where + ": " + UserError.firstLine(String.valueOf(e.getMessage()))
          + "; nothing of it was applied", e);
    } finally {
      connection.setAutoCommit(autoCommit);
      guard.close();
    }
  }

  /**
   * The schemas besides the current one that operations name ({@code sales} of
   * {@code sales.orders}), so that the inspection before a revision sees the tables it changes.
   */
  static Set<String> schemasNamed(List<Operation> operations) {
    Set<String> schemas = new TreeSet<>();
    for (Operation operation : operations) {
      for (String name : operation.namesUsed()) {
        String schema = Schema.schemaOf(name);
        if (schema != null) {
          schemas.add(schema);
        }
      }
    }
    return schemas;
  }

  private static Schema applyOrExplain(ChangeGroup group, Schema schema, MigrationScript script) {
    Schema after = schema;
    for (Operation operation : group.operations()) {
      try {
        after = operation.applyTo(after);
      } catch (IllegalArgumentException e) {
        throw new UserError("migration " + script.origin() + ": cannot " + operation.describe() + ": " + e.getMessage(), e);
      }
    }
    return after;
  }
}
