package dev.autogenerate.runtime;

import dev.autogenerate.database.Database;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.database.RevisionGuard;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The transaction revisions run in, with the database's {@link RevisionGuard} around it: begun
 * by the first revision that needs it, and holding either that one revision (the default) or, in
 * a {@linkplain Migrator#withSingleTransaction single transaction}, every revision of a call
 * until one must run on its own. It knows which revisions ran in it and are not committed yet,
 * so that a failure can say what the rollback took back with it.
 */
final class RevisionTransaction implements AutoCloseable {

  private final Connection connection;
  private final Database database;
  private final LockWait wait;
  private final List<MigrationScript> uncommitted = new ArrayList<>();
  private final BookkeepingRows rows = new BookkeepingRows();
  private RevisionGuard guard;
  private boolean autoCommitBefore;
  /** Where the database was when this transaction began: where a rollback leaves it. */
  private AppliedRevisions startedAt;
  /** Whether a revision committed in this command, before the transaction now open. */
  private boolean committedAny;

  RevisionTransaction(Connection connection, Database database, LockWait wait) {
    this.connection = connection;
    this.database = database;
    this.wait = wait;
  }

  boolean isOpen() {
    return guard != null;
  }

  /** Begins the transaction, and the guard. */
  void begin() throws SQLException {
    autoCommitBefore = connection.getAutoCommit();
    guard = database.beginRevision(connection, wait);
  }

  /** Notes where the first revision found the database, in this transaction. */
  void startsAt(AppliedRevisions found) {
    startedAt = found;
  }

  /** Notes a revision whose statements and bookkeeping rows ran in this transaction. */
  void ran(MigrationScript script) {
    uncommitted.add(script);
  }

  /** The version and history rows of the revisions that ran, written when the transaction commits. */
  BookkeepingRows rows() {
    return rows;
  }

  /** The revisions that ran in this transaction and are not committed yet, in order. */
  List<MigrationScript> uncommitted() {
    return List.copyOf(uncommitted);
  }

  AppliedRevisions startedAt() {
    return startedAt;
  }

  /**
   * Commits what ran so far, once the guard found nothing wrong with it; the transaction stays
   * open (the driver begins the next one).
   *
   * @param subject what the guard's message names: {@code migration abc (add x)}, or the
   *     transaction of several
   */
  void commit(String subject) throws SQLException {
    rows.write(connection);
    guard.check(subject);
    connection.commit();
    committedAny |= !uncommitted.isEmpty();
    uncommitted.clear();
  }

  /** Whether a revision committed, in a transaction before the one now open. */
  boolean committedAny() {
    return committedAny;
  }

  /**
   * Checks, without committing, what the database did not check while the last revision ran
   * (SQLite: rows left referencing missing rows), so that in a single transaction each revision
   * answers for its own.
   */
  void check(String subject) throws SQLException {
    guard.check(subject);
  }

  /** Rolls back whatever this transaction holds; the revisions that ran in it are undone. */
  void rollback() throws SQLException {
    uncommitted.clear();
    rows.forget();
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }

  /**
   * Rolls back after a failure: a rollback that fails too (the connection is gone, and the server
   * rolls back by itself) is added to the failure, which stays the error to tell.
   */
  void rollbackAfter(Exception failure) {
    try {
      rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }

  /**
   * Restores the connection as it was before {@link #begin}, rolling back first whatever is not
   * committed (a command that stopped between revisions, or in the middle of one on an error no
   * handler caught): setting auto-commit would commit it. After a commit the rollback does nothing.
   * On a connection that is gone (the server ended it) there is nothing left to restore, and
   * nothing is thrown: the error that ended it is the one to tell.
   */
  @Override
  public void close() throws SQLException {
    if (guard == null) {
      return;
    }
    RevisionGuard closing = guard;
    guard = null;
    SQLException failure = null;
    try {
      rollback();
      connection.setAutoCommit(autoCommitBefore);
    } catch (SQLException e) {
      failure = e;
    }
    try {
      closing.close();
    } catch (SQLException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null && !connection.isClosed()) {
      throw failure;
    }
  }
}
