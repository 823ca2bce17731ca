package dev.autogenerate.database.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;

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
   * Turns the check on for this session, unless the session has one already (its value is
   * kept), the server predates it (PostgreSQL 11 to 13) or cannot do it (a server on Windows
   * refuses any value but 0): there a dead client is noticed at the statement's end, as before.
   */
  static DeadClientCheck enable(Connection connection) throws SQLException {
    return enable(connection, INTERVAL);
  }

  /** {@link #enable(Connection)} with another interval: a test's, which the server may refuse. */
  static DeadClientCheck enable(Connection connection, String interval) throws SQLException {
    String current = current(connection);
    if (!"0".equals(current)) {
      return new DeadClientCheck(null);
    }
    return trySet(connection, interval) ? new DeadClientCheck(current) : new DeadClientCheck(null);
  }

  /**
   * Whether the server took the value. A refusal leaves the session as it was, a transaction the
   * caller had open included (through a savepoint: a failed statement would abort it).
   */
  private static boolean trySet(Connection connection, String value) throws SQLException {
    Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
    try {
      set(connection, value);
    } catch (SQLException refused) {
      if (!INVALID_PARAMETER_VALUE.equals(refused.getSQLState())) {
        throw refused;
      }
      if (savepoint != null) {
        connection.rollback(savepoint);
      }
      return false;
    }
    if (savepoint != null) {
      connection.releaseSavepoint(savepoint);
    }
    return true;
  }

  /** Sets the session's own value again. */
  void restore(Connection connection) throws SQLException {
    if (before != null) {
      set(connection, before);
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
