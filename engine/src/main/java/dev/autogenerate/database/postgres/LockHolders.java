package dev.autogenerate.database.postgres;

import dev.autogenerate.database.ConnectionOpener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Who holds the lock a migration's statement waits for: the commonest reason an {@code alter
 * table} runs for minutes is another session's open transaction on the table (a report, a
 * forgotten {@code psql}), and every query on the table queues behind the waiting DDL. Said
 * with the statement's "still running" line, so that the person deploying can end that session
 * or wait, instead of guessing. Asked on a connection of its own: the migrating one is busy.
 */
final class LockHolders {

  private static final int QUERY_SHOWN = 60;

  private LockHolders() {}

  /**
   * {@code "; waiting for a lock held by server process 4321 (psql, idle in transaction for
   * 312 s: update orders set ...)"}, or "" when the statement waits for no one, or when it
   * cannot be told (a pooler in front hides the server process).
   */
  static String of(Connection running, ConnectionOpener others) {
    int pid;
    try {
      pid = running.unwrap(PGConnection.class).getBackendPID();
    } catch (SQLException | RuntimeException notPostgres) {
      return "";
    }
    try (Connection own = others.open(); PreparedStatement query = own.prepareStatement(
        "select pid, coalesce(nullif(application_name, ''), usename::text, 'unknown client'), coalesce(state, '?'),"
            + " extract(epoch from now() - coalesce(xact_start, query_start))::bigint, coalesce(query, '')"
            + " from pg_stat_activity where pid = any(pg_blocking_pids(?)) order by pid")) {
      query.setInt(1, pid);
      List<String> holders = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          holders.add(rows.getInt(1) + " (" + rows.getString(2) + ", " + rows.getString(3) + " for " + rows.getLong(4)
              + " s" + lastQuery(rows.getString(5)) + ")");
        }
      }
      return holders.isEmpty() ? ""
          : "; waiting for a lock held by server process " + String.join(", ", holders)
              + ": end that transaction (select pg_terminate_backend(pid)) or wait";
    } catch (SQLException | RuntimeException unknown) {
      return "";
    }
  }

  private static String lastQuery(String query) {
    String line = query.strip().replaceAll("\\s+", " ");
    if (line.isEmpty()) {
      return "";
    }
    return ": " + (line.length() > QUERY_SHOWN ? line.substring(0, QUERY_SHOWN) + "..." : line);
  }
}
