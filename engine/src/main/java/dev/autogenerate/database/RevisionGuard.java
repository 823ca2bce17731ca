package dev.autogenerate.database;

import java.sql.SQLException;

/**
 * What one database does around a revision's transaction. The runtime begins it before the
 * transaction, calls {@link #check} once every statement ran, and {@link #close} after the
 * commit or the rollback, whatever happened.
 */
public interface RevisionGuard {

  /** Nothing to do: a database whose transactions guard everything themselves. */
  RevisionGuard NONE = new RevisionGuard() {
    @Override
    public void check(String subject) {}

    @Override
    public void close() {}
  };

  /**
   * Checks what the database did not check while the statements ran since the transaction began,
   * or since the last check: before a commit, and in a single transaction after each revision,
   * so that one is blamed for what it did, and a later one's undoing of an earlier state cannot
   * hide it.
   *
   * @param subject what ran, as the message names it: {@code migration abc (add x)}, or the
   *     single transaction of several
   * @throws dev.autogenerate.runtime.UserError when what ran must not commit; the runtime rolls
   *     it back
   */
  void check(String subject) throws SQLException;

  /** Restores the connection as it was before the revision. */
  void close() throws SQLException;
}
