package dev.autogenerate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The version and history rows of the revisions a single transaction ran, written together just
 * before it commits: each kind in one batch, so that a long run costs a few round trips to the
 * server for its bookkeeping instead of three per revision. Nothing outside the transaction sees
 * the rows before it commits anyway, and the migration lock keeps other migrators out; inside it,
 * the runtime knows where the database is without reading the version table again.
 */
final class BookkeepingRows {

  /** Heads the version table held when the transaction began that are no longer heads. */
  private final Set<String> headsRemoved = new LinkedHashSet<>();
  /** Heads the transaction made, by revision: the rows to insert. */
  private final Map<String, VersionTable.Row> headsAdded = new LinkedHashMap<>();
  private final List<HistoryTable.Applied> applied = new ArrayList<>();
  private final List<String> reverted = new ArrayList<>();

  /** One revision's move of the version table: the heads it ends and the heads it makes. */
  void move(List<String> removed, List<VersionTable.Row> added) {
    for (String head : removed) {
      // A head this transaction made never reached the table: it only leaves the rows to insert.
      if (headsAdded.remove(head) == null) {
        headsRemoved.add(head);
      }
    }
    for (VersionTable.Row head : added) {
      headsAdded.put(head.revision(), head);
    }
  }

  void applied(HistoryTable.Applied row) {
    applied.add(row);
  }

  void reverted(String revision) {
    reverted.add(revision);
  }

  /** Writes what was kept and forgets it. */
  void write(Connection connection) throws SQLException {
    VersionTable.moveExisting(connection, headsRemoved, headsAdded.values());
    HistoryTable.insertAll(connection, applied);
    HistoryTable.deleteAll(connection, reverted);
    forget();
  }

  /** Forgets what was kept: the transaction rolled back. */
  void forget() {
    headsRemoved.clear();
    headsAdded.clear();
    applied.clear();
    reverted.clear();
  }
}
