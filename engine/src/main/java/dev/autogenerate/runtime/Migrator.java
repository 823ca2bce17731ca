package dev.autogenerate.runtime;

import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.compare.Risk;
import dev.autogenerate.compare.Risks;
import dev.autogenerate.database.AheadOfTransaction;
import dev.autogenerate.database.ConnectionOpener;
import dev.autogenerate.database.CountBudget;
import dev.autogenerate.database.CountedRisk;
import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.MigrationLock;
import dev.autogenerate.database.RevisionGuard;
import dev.autogenerate.database.RowCounts;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.CreateIndexConcurrently;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.OperationChecksum;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Applies and reverts migrations on a live database: the runtime behind {@code autogenerate
 * upgrade} and {@code downgrade}, and the API an application calls at start-up:
 *
 * <pre>{@code Migrator.fromClasspath("com.example.app.migrations").upgrade(dataSource);}</pre>
 *
 * <p>Each revision runs in its own transaction together with the version-table update, so a
 * failed revision leaves the database at the revision before it; or, {@linkplain
 * #withSingleTransaction in a single transaction}, all the revisions of a call together.
 *
 * <p>Each revision is applied exactly once, however many processes upgrade together (replicas of
 * an application starting at once): they take turns through the database's {@link
 * MigrationLock} (PostgreSQL) or its write lock (SQLite), and inside each revision's transaction
 * the runtime reads the version table again and applies the revision only if the database is
 * still where it starts: all its parents applied and itself not (reverts: itself a head), which
 * holds on branching histories too. A process that finds the work done by another moves on from
 * where the database is; one that waits says so after a couple of seconds and gives up after
 * {@link LockWait#timeout()}.
 */
public final class Migrator {

  private static final System.Logger LOG = System.getLogger(Migrator.class.getName());

  private final RevisionHistory history;
  private final TableFilter filter;
  private final Duration lockTimeout;
  private final Consumer<String> progress;
  private final StillRunning stillRunning;
  private final boolean singleTransaction;
  /** Where the migration lock gets a connection of its own; null to hold it on the one migrated. */
  private final ConnectionOpener lockConnections;

  public Migrator(RevisionHistory history, TableFilter filter) {
    this(history, filter, LockWait.DEFAULT_TIMEOUT, line -> LOG.log(isWarning(line) ? System.Logger.Level.WARNING
        : System.Logger.Level.INFO, line.strip()),
        StillRunning.DEFAULT, false, null);
  }

  private Migrator(RevisionHistory history, TableFilter filter, Duration lockTimeout, Consumer<String> progress,
      StillRunning stillRunning, boolean singleTransaction, ConnectionOpener lockConnections) {
    this.history = history;
    this.filter = filter;
    this.lockTimeout = lockTimeout;
    this.progress = progress;
    this.stillRunning = stillRunning;
    this.singleTransaction = singleTransaction;
    this.lockConnections = lockConnections;
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

  /**
   * Whether a progress line is a warning (rows a step deletes, revisions a stamp stops recording),
   * which a logger should log as one.
   */
  public static boolean isWarning(String progressLine) {
    return progressLine.strip().startsWith("warning:");
  }

  /** This migrator, waiting at most {@code timeout} for another process migrating the same database. */
  public Migrator withLockTimeout(Duration timeout) {
    return new Migrator(history, filter, timeout, progress, stillRunning, singleTransaction, lockConnections);
  }

  /**
   * This migrator, telling {@code listener} as it goes: each revision's start and end with its
   * duration, a statement still running after 10 s (and every 30 s after), and a wait for another
   * process. By default it logs through {@link System.Logger}.
   */
  public Migrator withProgress(Consumer<String> listener) {
    return new Migrator(history, filter, lockTimeout, listener, stillRunning, singleTransaction, lockConnections);
  }

  /**
   * Who a long statement waits for, asked of the database on a connection of its own: only where
   * this migrator may open one (as for the migration lock).
   */
  private Supplier<String> lockHolders(Database database, Connection running) {
    return lockConnections == null ? () -> "" : () -> database.lockHolders(running, lockConnections);
  }

  /** This migrator, saying when a statement is still running on another schedule (tests). */
  Migrator withStillRunning(StillRunning schedule) {
    return new Migrator(history, filter, lockTimeout, progress, schedule, singleTransaction, lockConnections);
  }

  /**
   * This migrator, running all the revisions of one upgrade or downgrade in a single transaction
   * when {@code single} (as Alembic does by default, and Flyway's {@code group}): all of them or
   * none are applied, and the run costs one commit instead of one per revision, which a long
   * history on a fresh database (tests, a new environment) feels most. A revision that needs a
   * transaction of its own ({@link Database#needsOwnTransaction}: on PostgreSQL a concurrent index,
   * new enum values, a lock timeout, the lock-safe forms) still has one, after what ran before it
   * commits. The tables the revisions alter stay locked until the end, so on a live database the
   * default, one transaction per revision, holds locks for less time.
   */
  public Migrator withSingleTransaction(boolean single) {
    return new Migrator(history, filter, lockTimeout, progress, stillRunning, single, lockConnections);
  }

  /**
   * This migrator, holding the migration lock on a connection of its own from {@code opener}
   * (PostgreSQL), in a transaction kept open while it migrates: the lock then holds behind a pool
   * that hands each transaction whichever server session is free, as PgBouncer does in
   * transaction pooling, where a session's lock, taken on one server session and released on
   * another, is lost. {@link #upgrade(DataSource)} does so by itself. The connection is opened
   * only when there is something to run, and a waiting process ends its transaction between
   * tries, so replicas waiting their turn each pin no server session. The opener must give a
   * second connection while the first is in use: a pool of one makes the upgrade wait for the
   * pool's timeout, then hold the lock on the first connection's session, with a warning; behind
   * PgBouncer, the pool needs two server connections for the database.
   */
  public Migrator withLockConnections(ConnectionOpener opener) {
    return new Migrator(history, filter, lockTimeout, progress, stillRunning, singleTransaction, opener);
  }

  public RevisionHistory history() {
    return history;
  }

  /** Brings the database to the newest revision; several heads are refused (merge them first). */
  public List<MigrationScript> upgrade(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return AutoCommitDuring.run(connection,
          () -> withLockConnections(dataSource::getConnection).upgrade(connection, "head"));
    }
  }

  /**
   * The revision the database is at, or null at base.
   *
   * @throws UserError when it is at several heads; {@link #heads} answers then
   */
  public String current(Connection connection) throws SQLException {
    return VersionTable.current(connection);
  }

  /** The heads the database is at, in id order: none at base, one on a linear history. */
  public List<String> heads(Connection connection) throws SQLException {
    return VersionTable.heads(connection);
  }

  /**
   * The other way a database gets ahead of its migrations, which it cannot tell from a newer
   * release: the newest applied migration's file deleted here (a user test regenerating an
   * unpushed migration was told only of a newer release).
   */
  public static final String OR_FILE_DELETED = "or the file of that migration was deleted here after it was applied:"
      + " restore it (git log --diff-filter=D -- '*.java' finds it), or downgrade a database before deleting one";

  /**
   * Whether a newer release has migrated the database past these migrations: it is at revisions
   * they do not define, and the history table lists every one they do define as applied. An
   * application instance of the release before, started during a rolling deploy or after a
   * rollback, finds its database so; Flyway ignores such "future" migrations by default, as the
   * Spring Boot starter does with this (upgrading or comparing would fail on the unknown ids).
   * A database without the history table (migrated by the earliest release) cannot tell, nor can
   * migrations of which there are none (more likely the wrong folder than a release before).
   *
   * @return a description of where the database is, to log; empty when it is not ahead
   */
  public Optional<String> aheadOfHistory(Connection connection) throws SQLException {
    List<String> unknown = VersionTable.heads(connection).stream()
        .filter(head -> history.find(head).isEmpty()).toList();
    if (unknown.isEmpty() || history.isEmpty()) {
      return Optional.empty();
    }
    Optional<Map<String, String>> applied = HistoryTable.checksums(connection);
    if (applied.isEmpty() || !history.revisions().stream().allMatch(script -> applied.get().containsKey(script.id()))) {
      return Optional.empty();
    }
    return Optional.of("at " + String.join(", ", unknown) + ", which these migrations do not define, with all of"
        + " theirs applied before it (newest: " + RevisionHistory.labels(history.heads()) + ")");
  }

  /**
   * Applies revisions up to a target, each once all its parents are applied, in history order.
   *
   * @param target {@code head}, {@code heads}, {@code +N} or a revision id (prefix); see
   *     {@link RevisionTargets}
   * @return the revisions this call applied, in order (none when another process did the work)
   */
  public List<MigrationScript> upgrade(Connection connection, String target) throws SQLException {
    Database database = Database.of(connection);
    LockWait wait = new LockWait(lockTimeout, progress);
    // Most upgrades have nothing to do (an application's every start, each replica of a deploy):
    // a database at its target stays there, so that is told without the lock, or its connection.
    AppliedRevisions found = buildableStart(connection);
    Set<String> seen = RevisionTargets.toApply(history, target, found);
    if (seen.stream().allMatch(found::contains)) {
      return List.of();
    }
    try (MigrationLock lock = lock(database, connection, wait)) {
      // Read again under the lock: another process may have moved the database meanwhile. A step
      // counted (+1) was counted from where this command found the database, before its wait.
      AppliedRevisions applied = buildableStart(connection);
      Set<String> goal = RevisionTargets.isRelative(target) ? seen : RevisionTargets.toApply(history, target, applied);
      List<MigrationScript> done = new ArrayList<>();
      Known known = Known.NOTHING;
      // Closed last, after the catch told what it rolls back; a failure to close a connection
      // the server ended is added to the error that ended it, not put in its place.
      try (RevisionTransaction transaction = new RevisionTransaction(connection, database, wait)) {
        try {
          // Recomputed from where the database is after every step, since another process may have
          // moved it: the next revision is the first in history order the goal lacks, whose parents
          // are then all applied (the goal holds every ancestor of what it holds).
          for (Optional<MigrationScript> next = nextToApply(goal, applied); next.isPresent();
              next = nextToApply(goal, applied)) {
            Step step = apply(connection, database, lock, transaction, next.get(), Direction.UPGRADE, applied, known);
            if (step.ran()) {
              done.add(next.get());
            }
            applied = step.after();
            known = step.known();
          }
          commitTheRest(transaction, Direction.UPGRADE);
        } catch (UserError e) {
          throw toldRolledBack(e, transaction);
        }
      }
      return done;
    }
  }

  /**
   * Where the database is, which an upgrade can build on: every revision applied there as its
   * file says, and the version table's heads one place in the history.
   */
  private AppliedRevisions buildableStart(Connection connection) throws SQLException {
    // One read for both: whether a revision changed since it ran, then whether the heads hold.
    RecordedRevisions recorded = RecordedRevisions.read(connection);
    Optional<String> edited = editedSinceApplied(connection, recorded.ran());
    if (edited.isPresent()) {
      throw new EditedMigrationError(edited.get());
    }
    return history.appliedAt(consistentHeads(recorded));
  }

  /** The migration lock, on a connection of its own when the migrator can open one. */
  private MigrationLock lock(Database database, Connection connection, LockWait wait) throws SQLException {
    return lockConnections == null
        ? database.lockMigrations(connection, wait)
        : database.lockMigrations(connection, lockConnections, wait);
  }

  /**
   * The version table's heads, which must be one place in the history for anything to run from it,
   * with every revision before them applied: a downgrade through one that never ran would undo
   * what it never did.
   */
  private List<String> consistentHeads(Connection connection) throws SQLException {
    // Heads and history from one snapshot: another process's revision commits its version and
    // history rows together, and read apart (outside the lock, an upgrade racing another), a
    // revision applied or reverted in between was taken for skipped (ConcurrentUpgradeTest).
    return consistentHeads(RecordedRevisions.read(connection));
  }

  private List<String> consistentHeads(RecordedRevisions recorded) {
    Optional<String> inconsistency = inconsistency(recorded);
    if (inconsistency.isPresent()) {
      throw new UserError(inconsistency.get());
    }
    return recorded.heads();
  }

  /**
   * Why the recorded heads are not one place in the history with every revision before them
   * applied, if they are not: {@link RevisionHistory#inconsistency}, then {@link
   * RevisionHistory#skipped} against what the history table says ran (nothing where there is no
   * history table).
   */
  public Optional<String> inconsistency(RecordedRevisions recorded) {
    Optional<String> inconsistency = history.inconsistency(recorded.heads());
    if (inconsistency.isEmpty() && recorded.ran().isPresent()) {
      inconsistency = history.skipped(recorded.heads(), recorded.ran().get().keySet());
    }
    return inconsistency;
  }

  private Optional<MigrationScript> nextToApply(Set<String> goal, AppliedRevisions applied) {
    return history.revisions().stream()
        .filter(script -> goal.contains(script.id()) && !applied.contains(script.id()))
        .findFirst();
  }

  /**
   * Reverts revisions, each after whatever applied revises it, down to a target, which stays
   * applied.
   *
   * @param target {@code -N}, {@code base} or a revision id (prefix): see {@link RevisionTargets};
   *     {@code -1} from a merge reverts the merge and leaves the database at its parents
   * @return the revisions this call reverted, in the order they were reverted
   */
  public List<MigrationScript> downgrade(Connection connection, String target) throws SQLException {
    Database database = Database.of(connection);
    LockWait wait = new LockWait(lockTimeout, progress);
    // A step counted (-1) is counted from where this command found the database, before it waits
    // for the lock: several processes asked for one step revert one revision between them.
    Optional<Set<String>> seen = RevisionTargets.isRelative(target)
        ? Optional.of(RevisionTargets.toRevert(history, target, history.appliedAt(consistentHeads(connection))))
        : Optional.empty();
    try (MigrationLock lock = lock(database, connection, wait)) {
      AppliedRevisions applied = history.appliedAt(consistentHeads(connection));
      Set<String> undo = seen.isPresent() ? seen.get() : RevisionTargets.toRevert(history, target, applied);
      refuseToUndoAStampAhead(connection, undo, applied);
      List<MigrationScript> reverted = new ArrayList<>();
      Known known = Known.NOTHING;
      try (RevisionTransaction transaction = new RevisionTransaction(connection, database, wait)) {
        try {
          for (Optional<MigrationScript> next = nextToRevert(undo, applied); next.isPresent();
              next = nextToRevert(undo, applied)) {
            MigrationScript script = next.get();
            if (!applied.canRevert(script)) {
              // Only another process upgrading meanwhile can put a revision the target keeps above one it reverts.
              throw new UserError("cannot revert " + script.label() + ": the database is now at "
                  + history.describe(applied) + ", which builds on it; run the command again");
            }
            Step step = apply(connection, database, lock, transaction, script, Direction.DOWNGRADE, applied, known);
            if (step.ran()) {
              reverted.add(script);
            }
            applied = step.after();
            known = step.known();
          }
          commitTheRest(transaction, Direction.DOWNGRADE);
        } catch (UserError e) {
          throw toldRolledBack(e, transaction);
        }
      }
      return reverted;
    }
  }

  private Optional<MigrationScript> nextToRevert(Set<String> undo, AppliedRevisions applied) {
    List<MigrationScript> candidates = history.inOrder(undo).stream()
        .filter(script -> applied.contains(script.id()))
        .toList();
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(candidates.size() - 1));
  }

  /**
   * Records the database as being at a target without running anything: for a database whose
   * schema is already there (adopted with {@code baseline}, or built by hand), or to accept an
   * edit to an applied migration. The version table then lists the target's heads and the
   * history table exactly the revisions up to them, with the checksums their files have now.
   *
   * @param target {@code head}, {@code heads}, {@code base}, or a revision id (prefix)
   * @return the heads the database is now recorded at: none for base
   */
  public List<String> stamp(Connection connection, String target) throws SQLException {
    Database database = Database.of(connection);
    LockWait wait = new LockWait(lockTimeout, progress);
    try (MigrationLock lock = lock(database, connection, wait)) {
      boolean autoCommit = connection.getAutoCommit();
      RevisionGuard guard = database.beginRevision(connection, wait);
      try {
        // Read in the transaction, once it holds the database's lock, as a revision reads it: a
        // relative target (+1, -1) counts from where another process's revision left the database.
        List<VersionTable.Row> recorded = VersionTable.rows(connection);
        // A record no migration defines is what a stamp may be correcting, so it is not an error here.
        AppliedRevisions current = history.appliedAt(recorded.stream().map(VersionTable.Row::revision)
            .filter(id -> history.find(id).isPresent()).toList());
        AppliedRevisions goal = history.appliedExactly(RevisionTargets.toStamp(history, target, current));
        HistoryTable.createIfMissing(connection, history, recorded);
        Map<String, HistoryTable.Entry> entries = HistoryTable.entries(connection);
        List<String> forgotten = new ArrayList<>();
        for (String applied : entries.keySet()) {
          if (!goal.contains(applied)) {
            HistoryTable.reverted(connection, applied);
            forgotten.add(applied);
          }
        }
        List<String> editsAccepted = new ArrayList<>();
        for (MigrationScript script : history.inOrder(goal.ids())) {
          HistoryTable.Entry entry = entries.get(script.id());
          if (entry != null && entry.checksum() != null && !script.matchesChecksum(entry.checksum())) {
            editsAccepted.add(script.origin());
          }
          HistoryTable.stamped(connection, script, entry != null);
        }
        VersionTable.set(connection, goal.heads().stream()
            .map(head -> new VersionTable.Row(head, history.get(head).recordedChecksum())).toList());
        connection.commit();
        progress.accept("Stamped " + history.describe(goal) + " (nothing ran)");
        if (!editsAccepted.isEmpty()) {
          // What accepting an edit means is said: a user test found three edits taken without a word.
          progress.accept("warning: accepted the edits of applied migration(s) " + String.join(", ", editsAccepted)
              + ": their files now count as what ran, and the database keeps what their applied versions did");
        }
        if (!forgotten.isEmpty()) {
          // Nothing of theirs was undone: an upgrade to a head that holds them runs them again.
          progress.accept("warning: no longer recorded: " + String.join(", ", forgotten) + ", whose changes stay in the"
              + " database; the next upgrade that reaches them runs them again (stamp them back if that is not meant)");
        }
        return goal.heads();
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
   * has them all; a database migrated by the earlier release has only its heads'). Downgrading
   * is still allowed (that is the way out); upgrading, checking and generating are not, since
   * they would build on a schema the files no longer describe.
   *
   * @return the message saying so, naming the file, or empty when every migration is as applied
   */
  public Optional<String> editedSinceApplied(Connection connection) throws SQLException {
    return editedSinceApplied(connection, HistoryTable.checksums(connection));
  }

  /** The same, the history table's rows ({@link HistoryTable#checksums}) read already. */
  public Optional<String> editedSinceApplied(Connection connection, Optional<Map<String, String>> applied)
      throws SQLException {
    Map<String, String> recorded = new LinkedHashMap<>();
    if (applied.isPresent()) {
      recorded.putAll(applied.get());
    } else {
      VersionTable.rows(connection).forEach(head -> recorded.put(head.revision(), head.checksum()));
    }
    List<MigrationScript> edited = new ArrayList<>();
    for (Map.Entry<String, String> revision : recorded.entrySet()) {
      Optional<MigrationScript> script = history.find(revision.getKey());
      if (revision.getValue() != null && script.isPresent() && !script.get().matchesChecksum(revision.getValue())) {
        edited.add(script.get());
      }
    }
    if (edited.isEmpty()) {
      return Optional.empty();
    }
    // The oldest edit decides the way back; the others are named too (a user test edited three,
    // and was told of the first only).
    List<MigrationScript> appliedInOrder = history.inOrder(recorded.keySet().stream()
        .filter(id -> history.find(id).isPresent()).toList());
    MigrationScript first = appliedInOrder.stream().filter(edited::contains).findFirst().orElse(edited.get(0));
    String heads = history.heads().size() > 1 ? "heads" : "head";
    String up = "upgrade " + heads;
    boolean newest = !appliedInOrder.isEmpty() && appliedInOrder.get(appliedInOrder.size() - 1).equals(first);
    String way = newest
        ? "run downgrade -1 and then " + up
        : "downgrade below it (autogenerate downgrade "
            + (first.parents().isEmpty() ? RevisionHistory.BASE : first.parents().get(0)) + ") and then " + up;
    String others = edited.size() == 1 ? ""
        : " (and " + String.join(", ", edited.stream().filter(each -> !each.equals(first))
            .map(MigrationScript::origin).toList()) + ", edited too)";
    if (HistoryTable.wasStamped(connection, first.id())) {
      // Recorded with stamp or baseline, nothing of it ran here, and a downgrade of it is refused
      // (a review was told to downgrade): the database is what it was adopted as.
      return Optional.of("migration " + first.origin() + " was edited after it was recorded here" + others + ", but it"
          + " was recorded with stamp or baseline, so nothing of it ran here: if this database is as the edited file"
          + " says, accept the edit with autogenerate stamp " + heads
          + " (where the database is at head); else undo the edit");
    }
    // The downgrade that runs is the edited file's: it must undo what ran, not what the edit says.
    return Optional.of("migration " + first.origin() + " was edited after it was applied to this database" + others
        + " (its operations differ from what ran): undo the edit, or " + way + " to apply the edited version (the"
        + " downgrade that runs is the edited file's: where it would not undo what ran, put the file back as"
        + " applied for the downgrade)");
  }

  /** Which way a revision runs, and how the progress lines say it. */
  private enum Direction {
    UPGRADE("Applying ", "Applied ", "applied"),
    DOWNGRADE("Reverting ", "Reverted ", "reverted");

    final String starting;
    final String done;
    final String past;

    Direction(String starting, String done, String past) {
      this.starting = starting;
      this.done = done;
      this.past = past;
    }

    /** The line after a single transaction committed. */
    String committed(int revisions) {
      return "Committed the " + revisions + " revision(s) " + past + " above, in one transaction";
    }
  }

  /**
   * What one attempt at a revision did: ran it, or found the database elsewhere; where the
   * database is now; and its schema after the revision, when this process knows it.
   */
  private record Step(boolean ran, AppliedRevisions after, Known known) {}

  /**
   * What a run knows from the revisions it applied. The schema the database has while it is at
   * {@code at}, reading the given schemas besides the current one: what it inspected, with the
   * operations it ran since applied to it (raw SQL was followed by another inspection). The next
   * revision starts from it instead of inspecting again, so an upgrade through 200 revisions
   * inspects once. Another process moving the database, or a revision naming a schema not read,
   * makes it unknown. And whether the version and history tables are there: a revision that
   * committed leaves both, and nothing drops them but emptying the database, so the next revision
   * reads the version table's rows without first looking for the two tables in the catalog (three
   * JDBC metadata queries, each with its round trip: a third of a small revision's time on
   * PostgreSQL); should they be gone all the same, the revision stops with one line.
   */
  private record Known(Schema schema, AppliedRevisions at, Set<String> schemas, boolean bookkeepingTables) {
    static final Known NOTHING = new Known(null, null, Set.of(), false);

    Optional<Schema> at(AppliedRevisions found, Set<String> needed) {
      // The same object when this call moved the database last: no need to compare every id.
      boolean same = found == at || found.equals(at);
      return schema != null && same && schemas.containsAll(needed) ? Optional.of(schema) : Optional.empty();
    }
  }

  /**
   * The version table's rows, the table being known to be there since an earlier revision of
   * this run committed.
   *
   * @throws UserError when it is gone all the same (a test emptying the database, say): the
   *     revision has not run, and the command says so rather than blame the migration
   */
  private static List<VersionTable.Row> rowsOfKnownTable(Connection connection, MigrationScript script) {
    try {
      return VersionTable.rowsOfExisting(connection);
    } catch (SQLException e) {
      throw new UserError("cannot read " + VersionTable.NAME + ", there when the revision before committed ("
          + UserError.firstLine(e.getMessage()) + "): did something empty the database meanwhile? Nothing of "
          + script.label() + " was applied; run the command again", e);
    }
  }

  /** The revision's operations in the other direction, or none where they cannot be recorded (a downgrade that throws). */
  private static List<Operation> otherDirection(MigrationScript script, Direction direction) {
    try {
      return direction == Direction.UPGRADE ? script.downgradeOperations() : script.upgradeOperations();
    } catch (RuntimeException unrecorded) {
      return List.of();
    }
  }

  /** Whether the version table's rows list exactly the heads of {@code state}, each once. */
  private static boolean sameHeads(List<String> rows, AppliedRevisions state) {
    return rows.size() == state.heads().size() && new HashSet<>(rows).equals(new HashSet<>(state.heads()));
  }

  /**
   * Runs one revision's operations in the transaction, if the database is still where they
   * start: for an upgrade, its parents applied and itself not; for a downgrade, itself a head.
   * That is decided from the version table read inside the transaction, after the database's
   * write lock, so that a revision another process applied meanwhile is not applied again. The
   * revision commits at its end, unless it joins a {@linkplain #withSingleTransaction single
   * transaction}, which the caller commits once the last revision ran.
   *
   * @param lock the migration lock, checked before a statement that only it guards
   * @param expected where the database was last seen: the state found, when the version table
   *     lists its heads
   * @return whether it ran, and where the database is now (as found, when it did not run)
   */
  private Step apply(Connection connection, Database database, MigrationLock lock, RevisionTransaction transaction,
      MigrationScript script, Direction direction, AppliedRevisions expected, Known known) throws SQLException {
    List<Operation> operations =
        direction == Direction.UPGRADE ? script.upgradeOperations() : script.downgradeOperations();
    Set<String> schemasNamed = schemasNamed(operations);
    // Inspecting again reads the schemas already read too, so the schema stays whole for the next revision.
    Set<String> schemasRead = new TreeSet<>(schemasNamed);
    schemasRead.addAll(known.schemas());
    TableFilter filter = this.filter.withSchemas(schemasRead);
    requireAloneIfNotTransactional(operations, script);
    TransactionControl.requireNone(operations, script);
    boolean outsideTransaction = database.runsOutsideTransaction(operations);
    boolean ownTransaction = database.needsOwnTransaction(operations);
    if (transaction.isOpen() && ownTransaction) {
      // What ran before it commits first: this revision has a transaction of its own (or none),
      // and a failure of its own must not take theirs back.
      commitTheRest(transaction, direction);
      transaction.close();
    }
    // A revision joining the single transaction finds the version table as this call left it:
    // nothing else writes it while the migration lock and the transaction's writes hold it.
    boolean joining = transaction.isOpen();
    if (!joining) {
      transaction.begin();
    }
    String statementSql = null;
    List<String> ranAhead = List.of();
    boolean runningAhead = false;
    boolean ends = false;
    Step done;
    String doneLine;
    try (Statement statement = connection.createStatement()) {
      AppliedRevisions seen = expected;
      if (!joining) {
        List<VersionTable.Row> rows =
            known.bookkeepingTables() ? rowsOfKnownTable(connection, script) : VersionTable.rows(connection);
        List<String> heads = rows.stream().map(VersionTable.Row::revision).toList();
        // Where it was last seen, unless another process moved it: then worked out from the heads.
        seen = sameHeads(heads, expected) ? expected : history.appliedAt(heads);
        boolean startsHere = direction == Direction.UPGRADE ? seen.canApply(script) : seen.canRevert(script);
        if (!startsHere) {
          transaction.rollback();
          ends = true;
          if (seen.equals(expected)) {
            throw new IllegalStateException(script.label() + " does not start at " + history.describe(seen));
          }
          return new Step(false, seen, Known.NOTHING);
        }
        transaction.startsAt(seen);
        if (!known.bookkeepingTables()) {
          HistoryTable.createIfMissing(connection, history, rows);
        }
      }
      AppliedRevisions found = seen;
      long start = System.nanoTime();
      // What SQLite cannot store (enum types, comments) comes from what the applied revisions recorded.
      Optional<Schema> held = known.at(found, schemasNamed);
      Schema schema = held.isPresent() ? held.get()
          : database.withUnstored(database.inspect(connection, filter), () -> Optional.of(history.replay(found)));
      // The file warned of these with the rows of the database it was written against (a
      // downgrade's without a count): here they are counted in this one, each right before its
      // step runs, after what the revision did before it (raw SQL that fixed the rows, say).
      List<Risk> risky = risky(database.spelledFor(schema, operations), operations);
      if (direction == Direction.DOWNGRADE) {
        refuseToUndoAStamp(connection, destroying(risky), script, found, !transaction.uncommitted().isEmpty(),
            !transaction.committedAny());
      }
      progress.accept(direction.starting + script.label() + " ...");
      ViewsAsHere views = ViewsAsHere.in(operations, () -> otherDirection(script, direction), schema);
      views.warnings().forEach(warning -> progress.accept("  " + warning));
      List<Risk> uncounted = new ArrayList<>(changing(database, risky));
      CountBudget budget = CountBudget.start();
      AheadOfTransaction ahead = aheadOfTransaction(database, views.operations(), schema, script);
      warnOfDataLoss(connection, database, takeRisks(uncounted, ahead.rest(), false), budget);
      if (!ahead.statements().isEmpty()) {
        if (joining) {
          throw new IllegalStateException(script.label() + " runs statements ahead of its transaction, yet joined"
              + " the single transaction: Database.needsOwnTransaction must hold for it");
        }
        // What ran so far (at most the history table's creation) is committed; these run each on
        // its own, then the revision's transaction, which finds the version table as it was: the
        // migration lock kept other migrators out meanwhile.
        lock.requireHeld();
        transaction.commit("migration " + script.label());
        connection.setAutoCommit(true);
        runningAhead = true;
        for (String sql : ahead.statements()) {
          statementSql = sql;
          try (StillRunning.Notice notice = stillRunning.watch(sql, progress, lockHolders(database, connection))) {
            statement.execute(sql);
          }
        }
        runningAhead = false;
        statementSql = null;
        ranAhead = ahead.statements();
        connection.setAutoCommit(false);
        requireStillAt(found, connection, script);
      }
      for (Operation moved : ahead.moved()) {
        schema = moved.applyTo(schema);
      }
      for (ChangeGroup group : ChangeGroup.ofOperations(ahead.rest())) {
        // Apply to the model first: a migration that names a missing table or column fails here
        // with a clear message instead of halfway through its SQL. What the database finds under
        // the migration's spelling (SQLite: in any case) it finds here too.
        schema = database.spelledFor(schema, group.operations());
        Schema after = group.subject() == null ? null : applyOrExplain(group, schema, script);
        if (outsideTransaction) {
          // The checks above changed nothing; the statement runs on its own, and the version
          // and history rows follow in a transaction of their own (the migration lock holds).
          lock.requireHeld();
          connection.commit();
          connection.setAutoCommit(true);
        }
        warnOfDataLoss(connection, database, takeRisks(uncounted, group.operations(), true), budget);
        for (String sql : database.statements(group, schema)) {
          statementSql = sql;
          try (StillRunning.Notice notice = stillRunning.watch(sql, progress, lockHolders(database, connection))) {
            statement.execute(sql);
          }
        }
        statementSql = null;
        if (outsideTransaction) {
          connection.setAutoCommit(false);
        }
        // Raw SQL may change anything, so look again rather than guess; what the database cannot
        // store is kept from the schema as it stood.
        Schema before = schema;
        schema = after != null ? after
            : database.withUnstored(database.inspect(connection, filter), () -> Optional.of(before));
      }
      AppliedRevisions after = direction == Direction.UPGRADE
          ? history.afterApplying(found, script)
          : history.afterReverting(found, script);
      // What ran, not a checksum kept with the compiled classes: the database records its own
      // truth, the same in the version row and the history row.
      String ran = direction == Direction.UPGRADE ? OperationChecksum.of(operations) : null;
      if (!known.bookkeepingTables()) {
        VersionTable.createIfMissing(connection);
      }
      // Written when the transaction commits: at the end of this revision, or of the single transaction.
      transaction.rows().move(removedHeads(found, after), addedHeads(found, after, script, ran));
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      if (direction == Direction.UPGRADE) {
        transaction.rows().applied(HistoryTable.appliedRow(connection, script, ran, millis));
      } else {
        transaction.rows().reverted(script.id());
      }
      transaction.ran(script);
      // Alone in its transaction unless it joins a single one; one that needs a transaction of
      // its own commits at its end even so, and the next revision begins afresh.
      boolean commitsNow = !singleTransaction || ownTransaction || !ranAhead.isEmpty();
      if (commitsNow) {
        transaction.commit("migration " + script.label());
        ends = true;
      } else {
        transaction.check("migration " + script.label());
      }
      // In a single transaction, a revision with a transaction of its own says it committed.
      doneLine = direction.done + script.label() + " in " + millis + " ms"
          + (singleTransaction && commitsNow ? " (committed on its own: it needs a transaction of its own)" : "");
      done = new Step(true, after, new Known(schema, after, schemasRead, true));
    } catch (SQLException | RuntimeException e) {
      List<MigrationScript> takenBack = transaction.uncommitted().stream().filter(each -> !each.equals(script)).toList();
      AppliedRevisions leftAt = transaction.startedAt();
      transaction.rollbackAfter(e);
      ends = true;
      String rolledBack = rolledBack(takenBack, leftAt);
      if (e instanceof UserError userError) {
        throw takenBack.isEmpty() ? userError : new UserError(userError.getMessage() + rolledBack, userError);
      }
      if (e instanceof IllegalStateException) {
        throw e;
      }
      String where = statementSql == null ? "" : " at `" + UserError.firstLine(statementSql) + "`";
      String aftermath = outsideTransaction && statementSql != null
          ? "; it ran outside a transaction, and PostgreSQL may have left an invalid index: drop it"
              + " (drop index concurrently ...) and upgrade again"
          : runningAhead
          ? "; it ran ahead of the revision's transaction, as this server needs: the statements before it stay"
              + " applied and nothing else of the revision ran; the next upgrade runs them again harmlessly"
          : !ranAhead.isEmpty()
          ? "; nothing of it was applied but what it ran ahead of its transaction, as this server needs (`"
              + String.join("`, `", ranAhead) + "`), which the next upgrade runs again harmlessly"
          : direction == Direction.DOWNGRADE ? "; nothing of it was reverted: it is still applied"
          : "; nothing of it was applied";
      throw new UserError("migration " + script.label() + " failed" + where + ": "
          + UserError.firstLine(String.valueOf(e.getMessage())) + database.explain(e, statementSql) + aftermath
          + rolledBack, e);
    } finally {
      if (ends) {
        transaction.close();
      }
    }
    // Told once the revision committed (or joined the single transaction): a listener that
    // fails now fails on its own, not as the revision that did commit. Where the revision only
    // joined the single transaction, the failure ends that transaction, which the caller says.
    try {
      progress.accept(doneLine);
    } catch (RuntimeException e) {
      if (transaction.uncommitted().isEmpty()) {
        throw e;
      }
      String reason = UserError.firstLine(e.getMessage());
      throw new UserError("the progress listener failed when told " + script.label() + " joined the single"
          + " transaction (" + e.getClass().getSimpleName() + (reason.isEmpty() ? "" : ": " + reason) + ")", e);
    }
    return done;
  }

  /**
   * Commits what a single transaction still holds, once the database's guard agrees; a failure
   * rolls all of it back and says so.
   */
  private void commitTheRest(RevisionTransaction transaction, Direction direction) throws SQLException {
    List<MigrationScript> held = transaction.uncommitted();
    if (!transaction.isOpen() || held.isEmpty()) {
      return;
    }
    String subject = "the single transaction of migration(s) " + describe(held);
    try {
      transaction.commit(subject);
    } catch (SQLException | RuntimeException e) {
      AppliedRevisions leftAt = transaction.startedAt();
      transaction.rollbackAfter(e);
      String back = "; the database is at " + history.describe(leftAt);
      if (e instanceof UserError userError) {
        throw new UserError(userError.getMessage() + back, userError);
      }
      throw new UserError(subject + " failed to commit: " + UserError.firstLine(String.valueOf(e.getMessage()))
          + "; nothing of it was applied" + back, e);
    }
    progress.accept(direction.committed(held.size()));
  }

  /**
   * The error of a run stopped between revisions (one whose operations cannot be listed, say),
   * saying what of a single transaction its close rolls back.
   */
  private UserError toldRolledBack(UserError e, RevisionTransaction transaction) {
    return transaction.uncommitted().isEmpty() ? e
        : new UserError(e.getMessage() + rolledBack(transaction.uncommitted(), transaction.startedAt()), e);
  }

  /** What a failure adds when a single transaction took back revisions that ran before it; "" when none. */
  private String rolledBack(List<MigrationScript> takenBack, AppliedRevisions leftAt) {
    return takenBack.isEmpty() ? ""
        : "; the " + takenBack.size() + " revision(s) this command ran before it in the same transaction ("
            + describe(takenBack) + ") were rolled back with it, and the database is at " + history.describe(leftAt);
  }

  /** A few revisions by label; a long run by its first and last. */
  private static String describe(List<MigrationScript> scripts) {
    if (scripts.size() <= 3) {
      return String.join(", ", scripts.stream().map(MigrationScript::label).toList());
    }
    return scripts.get(0).label() + " to " + scripts.get(scripts.size() - 1).label() + ", " + scripts.size() + " in all";
  }

  /**
   * Refuses, before anything is reverted, a downgrade that would reach a revision recorded with
   * {@code stamp} whose downgrade destroys data ({@link #refuseToUndoAStamp}), judged on the schema
   * the history records: {@code downgrade base} on an adopted database would otherwise revert the
   * revisions after the baseline, each committed, and only then stop at it. Where the history does
   * not replay (raw SQL), the check as each revision runs, on the inspected schema, remains.
   */
  private void refuseToUndoAStampAhead(Connection connection, Set<String> undo, AppliedRevisions applied)
      throws SQLException {
    List<MigrationScript> order = new ArrayList<>(history.inOrder(undo));
    Collections.reverse(order);
    Set<String> stamped = HistoryTable.stamped(connection);
    AppliedRevisions state = applied;
    for (MigrationScript script : order) {
      if (!state.contains(script.id())) {
        continue;
      }
      if (!stamped.contains(script.id())) {
        // Only a stamped revision is refused: no replay for the others.
        state = history.afterReverting(state, script);
        continue;
      }
      List<Risk> destroying = destroying(history.replay(state), script.downgradeOperations());
      refuseToUndoAStamp(connection, destroying, script, state, script != order.get(0), true);
      state = history.afterReverting(state, script);
    }
  }

  /**
   * Refuses to revert a revision recorded with {@code stamp} (or {@code baseline}) whose downgrade
   * destroys data: it never ran here, so what its upgrade creates was there before it, and its
   * drops would delete what it never made (a baseline's downgrade drops the whole adopted schema).
   * Forgetting it is a stamp, which leaves the database as it is.
   *
   * @param afterOthers whether revisions reverted before it in the same single transaction roll
   *     back with it: the database then stays above it, and stamping its parent would forget them
   * @param before where the database is just before it would be reverted: the stamp that forgets
   *     it keeps the other heads, on a branching history, as they are
   * @param nothingReverted whether no revision was reverted before it (the check ahead of all);
   *     otherwise those committed, each in its own transaction
   */
  private void refuseToUndoAStamp(Connection connection, List<Risk> destroying, MigrationScript script,
      AppliedRevisions before, boolean afterOthers, boolean nothingReverted) throws SQLException {
    if (destroying.isEmpty() || !HistoryTable.wasStamped(connection, script.id())) {
      return;
    }
    List<String> heads = history.afterReverting(before, script).heads();
    String back = heads.isEmpty() ? RevisionHistory.BASE : String.join(",", heads);
    String first = destroying.get(0).describe();
    throw new UserError("cannot revert " + script.label() + ": it was recorded with stamp or baseline, not run here,"
        + " so what its downgrade destroys was there before it (" + first
        + (destroying.size() > 1 ? " and " + (destroying.size() - 1) + " step(s) more" : "") + "); "
        + (nothingReverted ? "nothing was changed" : "it was left applied, with what was reverted before it")
        + ". To forget the revision and keep the database as it is, run "
        + (afterOthers ? "autogenerate downgrade " + script.id() + " (which reverts what builds on it), then " : "")
        + "autogenerate stamp " + back);
  }

  /**
   * How many rows a count before a revision reads at most: it runs before the statements, holding
   * the migration lock, and a deployment (or a rollback in a hurry) should not scan a large table
   * to the end to say how much a step deletes.
   */
  static final long COUNT_LIMIT = 1_000_000;

  /**
   * The steps of these operations that delete or cut data, in order, up to a step that does not
   * apply to the schema (applying it says so, or raw SQL before it made what it names).
   */
  static List<Risk> destroying(Schema schema, List<Operation> operations) {
    return destroying(risky(schema, operations));
  }

  private static List<Risk> destroying(List<Risk> risky) {
    return risky.stream().filter(risk -> risk.kind().destroysData()).toList();
  }

  /**
   * The steps that delete, cut or shift data without an error, those a revision says before it
   * runs; a time zone shifts nothing where the database keeps every value as it was given.
   */
  private static List<Risk> changing(Database database, List<Risk> risky) {
    return risky.stream().filter(risk -> risk.kind().changesDataWithoutError())
        .filter(risk -> risk.kind() != Risk.Kind.TIME_ZONE || database.enforcesColumnTypes()).toList();
  }

  /**
   * The risky steps of these operations, those that delete or cut data and those that fail on
   * rows that do not fit, in order, up to a step that does not apply to the schema.
   */
  static List<Risk> risky(Schema schema, List<Operation> operations) {
    // Step by step, so that a step the schema cannot follow (one after raw SQL that created what
    // it changes) hides only itself and what comes after it, not the steps before it.
    List<Risk> found = new ArrayList<>();
    Schema at = schema;
    for (Operation operation : operations) {
      try {
        // Counted right before its step runs (warnOfDataLoss), in the schema as it is then.
        found.addAll(Risks.of(at, List.of(Change.of(operation)), at));
        at = operation.applyTo(at);
      } catch (IllegalArgumentException e) {
        break;
      }
    }
    return found;
  }

  /**
   * Takes out of {@code uncounted}, in order, the risks of these operations ({@code of}) or of
   * all others; the same objects, as the risks were found for them.
   */
  private static List<Risk> takeRisks(List<Risk> uncounted, List<Operation> operations, boolean of) {
    Set<Operation> these = Collections.newSetFromMap(new IdentityHashMap<>());
    these.addAll(operations);
    List<Risk> taken = uncounted.stream().filter(risk -> these.contains(risk.change().operation()) == of).toList();
    uncounted.removeAll(taken);
    return taken;
  }

  /**
   * Says, before steps run, which of them delete or cut data and in how many rows of this
   * database (the file's comments counted those of the database it was written against, or none
   * for a downgrade), counting up to {@link #COUNT_LIMIT} matching rows, each count for at most
   * {@link RowCounts#TIME_LIMIT} (a mostly empty column of a huge table is read to its end) and
   * all of a revision's for about {@link CountBudget#TOTAL}, and so that a count the database
   * refuses or stops cannot end the revision's transaction ({@link Database#readWithin}); steps
   * that find no row say nothing.
   */
  private void warnOfDataLoss(Connection connection, Database database, List<Risk> destroying, CountBudget budget) {
    for (Risk risk : destroying) {
      CountedRisk counted = CountedRisk.upTo(connection, database, risk, COUNT_LIMIT, budget);
      if (counted.rows().isEmpty() || counted.rows().getAsLong() > 0) {
        progress.accept("  warning: " + counted.warning());
      }
    }
  }

  /**
   * Refuses a revision holding an operation PostgreSQL cannot run in a transaction beside other
   * operations: it must be alone, so that a failure leaves nothing half done. On every database,
   * since the same file runs on both.
   */
  private static void requireAloneIfNotTransactional(List<Operation> operations, MigrationScript script) {
    Optional<Operation> outside = operations.stream().filter(operation -> !operation.transactional()).findFirst();
    if (outside.isPresent() && operations.size() > 1) {
      throw new UserError("migration " + script.origin() + ": " + outside.get().describe() + " cannot run in a"
          + " transaction, so it must be the only operation of its revision: move the others to a revision of their own");
    }
  }

  /** What the database runs ahead of the revision's transaction; a revision it cannot split is a user error. */
  static AheadOfTransaction aheadOfTransaction(Database database, List<Operation> operations, Schema schema,
      MigrationScript script) {
    try {
      return database.aheadOfTransaction(operations, schema);
    } catch (IllegalArgumentException e) {
      throw new UserError("migration " + script.origin() + ": " + e.getMessage(), e);
    }
  }

  /** Checks, in the revision's transaction, that the version table still says what it said before. */
  private void requireStillAt(AppliedRevisions found, Connection connection, MigrationScript script)
      throws SQLException {
    AppliedRevisions now = history.appliedAt(VersionTable.heads(connection));
    if (!now.equals(found)) {
      throw new UserError("the database moved from " + history.describe(found) + " to " + history.describe(now)
          + " while migration " + script.label() + " ran ahead of its transaction (something migrated it without"
          + " the migration lock): run upgrade again");
    }
  }

  /** The version-table rows a step removes: heads it leaves. */
  static List<String> removedHeads(AppliedRevisions before, AppliedRevisions after) {
    return before.heads().stream().filter(head -> !after.heads().contains(head)).toList();
  }

  /**
   * The rows a step adds: its new heads, each with the checksum of what its file records; the
   * revision just applied with {@code ranChecksum} (null for a revert), recorded once for both tables.
   */
  List<VersionTable.Row> addedHeads(AppliedRevisions before, AppliedRevisions after, MigrationScript ran,
      String ranChecksum) {
    return after.heads().stream().filter(head -> !before.heads().contains(head))
        .map(head -> new VersionTable.Row(head,
            ranChecksum != null && head.equals(ran.id()) ? ranChecksum : history.get(head).recordedChecksum()))
        .toList();
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

  /**
   * An index a concurrent build of this revision would create, there already while the database
   * is at the revision's parent: the leftover of a run killed during or after its build (a pod's
   * probe, a CI job's timeout), which no process lived to report. Found by a user test, whose every
   * restart was then refused with "already has index" and nothing of why.
   */
  private static Optional<String> leftoverOfInterruptedBuild(Operation operation, Schema schema,
      MigrationScript script) {
    if (!(operation instanceof CreateIndexConcurrently create)) {
      return Optional.empty();
    }
    Optional<Index> there = schema.table(create.table()).flatMap(table -> table.indexes().stream()
        .filter(index -> create.index().name().equals(index.name())).findFirst());
    if (there.isEmpty()) {
      return Optional.empty();
    }
    String index = Schema.inSchemaOf(create.table(), create.index().name());
    String leftover = "table " + create.table() + " already has index " + index + ", though the database has not"
        + " recorded this revision: an earlier run of it was stopped during or after the build (a killed process, a"
        + " duplicate for a unique index). ";
    return Optional.of(leftover + (there.get().valid()
        ? "It is valid: if it is as the revision defines it, record the revision as applied with autogenerate stamp "
            + script.id() + "; if not, drop it (drop index concurrently " + index + ") and run upgrade again"
        : "PostgreSQL marks it INVALID (the build failed, and no query uses it): drop it (drop index concurrently "
            + index + "), mend what failed it (duplicates of a unique index), and run upgrade again"));
  }

  private static Schema applyOrExplain(ChangeGroup group, Schema schema, MigrationScript script) {
    Schema after = schema;
    for (Operation operation : group.operations()) {
      Optional<String> viewInTheWay = ViewsInTheWay.of(operation, after);
      if (viewInTheWay.isPresent()) {
        throw new UserError("migration " + script.origin() + ": cannot " + operation.describe() + ": "
            + viewInTheWay.get());
      }
      Optional<String> leftover = leftoverOfInterruptedBuild(operation, after, script);
      if (leftover.isPresent()) {
        throw new UserError("migration " + script.origin() + ": cannot " + operation.describe() + ": "
            + leftover.get());
      }
      try {
        after = operation.applyTo(after);
      } catch (IllegalArgumentException e) {
        // The first migration meeting its tables there already: a database made otherwise (by
        // Hibernate's ddl-auto, by hand, by another tool), which is adopted rather than migrated.
        String adopt = operation instanceof CreateTable && script.parents().isEmpty()
            ? " (the database has tables no migration made: adopt it with autogenerate baseline, or record the revision"
                + " that made them with autogenerate stamp; see Adopting an existing database in the README)" : "";
        throw new UserError("migration " + script.origin() + ": cannot " + operation.describe() + ": " + e.getMessage()
            + adopt, e);
      }
    }
    return after;
  }
}
