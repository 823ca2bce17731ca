package dev.autogenerate.database.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Has the server end a migrating session whose process died in the middle of a statement.
 *
 * <p>A server process notices its client is gone only when it next reads from the socket, which
 * it does not while a statement runs. A CI job killed during a revision's long statement (an
 * index build, an update of every row) so left its session running to the statement's end with
 * the migration lock and the revision's locks held, for hours where the statement took hours,
 * and the next upgrade waited and gave up. {@code client_connection_check_interval} (PostgreSQL
 * 14 and later) has the server look for a closed socket while the statement runs, and roll it
 * back. The check costs a system call a second, so it is on only while the migration lock is
 * held, and the session's own value comes back after: an application's pooled connection leaves
 * as it came.
 *
 * <p>Only on a connection in auto-commit mode (the command line's, a pool's by default), where
 * each of these settings commits as it is made. A connection lent inside a transaction is left
 * alone: a setting made in the caller's transaction would be committed by the first revision,
 * and its restoring, made after the last, rolled back by whoever ends that transaction.
 */
final class DeadClientCheck {

  /** How often the server looks: the longest a dead migration's locks outlive it. */
  static final String INTERVAL = "1s";

  private static final String SETTING = "client_connection_check_interval";

  /** What the server says of a value it will not take for a setting. */
  private static final String INVALID_PARAMETER_VALUE = "22023";

  /** What {@link #restore} sets again; null where there is nothing to restore. */
  private final String before;

  private DeadClientCheck(String before) {
    this.before = before;
  }

  /**
   * Turns the check on for this session, unless the connection is in a transaction, the session
   * has a check already (its value is kept), the server predates it (PostgreSQL 11 to 13) or
   * cannot do it (a server on Windows refuses any value but 0): there a dead client is noticed at
   * the statement's end, as before.
   */
  static DeadClientCheck enable(Connection connection) throws SQLException {
    return enable(connection, INTERVAL);
  }

  /** {@link #enable(Connection)} with another interval: a test's, which the server may refuse. */
  static DeadClientCheck enable(Connection connection, String interval) throws SQLException {
    if (!connection.getAutoCommit()) {
      return new DeadClientCheck(null);
    }
    String current = current(connection);
    if (!"0".equals(current)) {
      return new DeadClientCheck(null);
    }
    try {
      set(connection, interval);
    } catch (SQLException refused) {
      if (!INVALID_PARAMETER_VALUE.equals(refused.getSQLState())) {
        throw refused;
      }
      return new DeadClientCheck(null);
    }
    return new DeadClientCheck(current);
  }

  /**
   * Sets the session's own value again. A failure is passed over: the migration has committed,
   * and the session is left checking every second, or is broken and of no further use.
   */
  void restore(Connection connection) {
    if (before == null) {
      return;
    }
    try {
      set(connection, before);
    } catch (SQLException e) {
      // See above: nothing of the migration is at stake.
    }
  }

  private static void set(Connection connection, String value) throws SQLException {
    // Session-wide (not local to a transaction): a revision's transaction begins after this.
    try (PreparedStatement set = connection.prepareStatement("select set_config('" + SETTING + "', ?, false)")) {
      set.setString(1, value);
      set.execute();
    }
  }

  /** The session's value ("0" when off), or null on a server without the setting. */
  private static String current(Connection connection) throws SQLException {
    // With missing_ok, an unknown setting reads as null instead of failing.
    try (PreparedStatement statement = connection.prepareStatement("select current_setting('" + SETTING + "', true)");
        ResultSet result = statement.executeQuery()) {
      return result.next() ? result.getString(1) : null;
    }
  }
}
