package dev.autogenerate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a database records of its revisions: the version table's heads, and the revisions the
 * history table says ran, with their checksums.
 *
 * <p>Read in one statement where both tables exist, so that both come from one snapshot of the
 * database. Read one after the other, outside the migration lock (an upgrade's first look, a
 * relative downgrade's count), another process could commit between the two reads: one that
 * reverted two revisions in between left heads naming the newest and a history without the one
 * below it, which the skipped-revision check took for a revision that never ran.
 *
 * @param heads the version table's heads in order; none at base or without a version table
 * @param ran each revision the history table holds, in the order they were applied, with its
 *     checksum; empty where there is no history table (a database of the earliest release)
 */
public record RecordedRevisions(List<String> heads, Optional<Map<String, String>> ran) {

  public RecordedRevisions {
    heads = List.copyOf(heads);
    ran = ran.map(LinkedHashMap::new).map(Collections::unmodifiableMap);
  }

  public static RecordedRevisions read(Connection connection) throws SQLException {
    boolean versions = VersionTable.exists(connection);
    boolean history = HistoryTable.exists(connection);
    if (!versions || !history) {
      // At most one table to read: no two reads to keep together.
      return new RecordedRevisions(versions ? VersionTable.heads(connection) : List.of(),
          history ? HistoryTable.checksums(connection) : Optional.empty());
    }
    List<String> heads = new ArrayList<>();
    Map<String, String> ran = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select 0, version_num, null, 0 from " + VersionTable.NAME
            + " union all select 1, revision, checksum, applied_order from " + HistoryTable.NAME
            + " order by 1, 4, 2")) {
      while (rows.next()) {
        if (rows.getInt(1) == 0) {
          heads.add(rows.getString(2));
        } else {
          ran.put(rows.getString(2), rows.getString(3));
        }
      }
    }
    return new RecordedRevisions(heads, Optional.of(ran));
  }
}
