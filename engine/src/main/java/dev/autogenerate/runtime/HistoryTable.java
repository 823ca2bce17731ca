package dev.autogenerate.runtime;

import dev.autogenerate.database.Ddl;
import dev.autogenerate.inspect.TableFilter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row per applied revision: its id, the checksum of the operations it ran, when, by whom
 * (database user and client host), how long it took, and the tool's version. An edit to any
 * applied revision is noticed against it. The row goes when the revision is reverted, so the
 * table always lists exactly what is applied, whichever branches that takes; {@link VersionTable}
 * keeps saying where the database is (its heads).
 *
 * <p>A database migrated by a release that kept only the version table gets this table the
 * first time an upgrade or downgrade runs: every revision up to the current one is recorded,
 * the current one with the checksum the version table kept, the older ones as their files are
 * now (that release did not record them).
 */
public final class HistoryTable {

  public static final String NAME = TableFilter.HISTORY_TABLE;

  private HistoryTable() {}

  /** One applied revision. */
  public record Entry(String revision, String checksum, String appliedAt, String appliedBy, Long durationMillis,
      String toolVersion) {}

  /** The applied revisions by id, in the order they were applied; empty when the table does not exist. */
  public static Map<String, Entry> entries(Connection connection) throws SQLException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (!VersionTable.tableExists(connection, NAME)) {
      return entries;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select revision, checksum, applied_at, applied_by, duration_ms,"
            + " tool_version from " + NAME + " order by applied_order")) {
      while (rows.next()) {
        long duration = rows.getLong(5);
        entries.put(rows.getString(1), new Entry(rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getString(4), rows.wasNull() ? null : duration, rows.getString(6)));
      }
    }
    return entries;
  }

  /**
   * Each applied revision's checksum (null where none was recorded) by id, in the order they were
   * applied; empty when the table does not exist. What every upgrade checks, so only the two
   * columns it needs: reading whole rows cost a command on a 200-revision history 5-8 ms.
   */
  public static Optional<Map<String, String>> checksums(Connection connection) throws SQLException {
    if (!VersionTable.tableExists(connection, NAME)) {
      return Optional.empty();
    }
    Map<String, String> checksums = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select revision, checksum from " + NAME + " order by applied_order")) {
      while (rows.next()) {
        checksums.put(rows.getString(1), rows.getString(2));
      }
    }
    return Optional.of(checksums);
  }

  public static boolean exists(Connection connection) throws SQLException {
    return VersionTable.tableExists(connection, NAME);
  }

  /** Creates the table; portable DDL, so both databases take it as written. */
  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createSql(false));
    }
  }

  /** The table's DDL; {@code ifNotExists} for scripts that may run twice. */
  static String createSql(boolean ifNotExists) {
    return "create table " + (ifNotExists ? "if not exists " : "") + NAME + " (\n"
        + "  revision varchar(32) not null,\n"
        + "  applied_order integer not null,\n"
        + "  checksum varchar(64),\n"
        + "  applied_at varchar(40),\n"
        + "  applied_by varchar(200),\n"
        + "  duration_ms bigint,\n"
        + "  tool_version varchar(40),\n"
        + "  constraint " + NAME + "_pkc primary key (revision)\n)";
  }

  /**
   * Creates the table where it is missing, recording the revisions a database migrated by the
   * previous release is at (see the class comment): every ancestor of the version table's heads.
   * Heads no migration defines are left out. Runs inside the caller's transaction.
   */
  static void createIfMissing(Connection connection, RevisionHistory history, List<VersionTable.Row> heads)
      throws SQLException {
    if (exists(connection)) {
      return;
    }
    create(connection);
    Map<String, String> recorded = new HashMap<>();
    List<String> known = new ArrayList<>();
    for (VersionTable.Row head : heads) {
      if (history.find(head.revision()).isPresent()) {
        known.add(head.revision());
        recorded.put(head.revision(), head.checksum());
      }
    }
    for (MigrationScript script : history.inOrder(history.ancestors(known))) {
      String checksum = recorded.get(script.id()) != null ? recorded.get(script.id()) : script.recordedChecksum();
      insert(connection, script.id(), checksum, null, "recorded from " + VersionTable.NAME, null);
    }
  }

  /** The row of a revision just applied, written with others in one batch by {@link #insertAll}. */
  record Applied(String revision, String checksum, String appliedAt, String appliedBy, Long durationMillis) {}

  static Applied appliedRow(Connection connection, MigrationScript script, String checksum, long durationMillis)
      throws SQLException {
    return new Applied(script.id(), checksum, Instant.now().toString(), whoAmI(connection), durationMillis);
  }

  /** Writes these rows in order, in one batch: one round trip to the server for them all. */
  static void insertAll(Connection connection, List<Applied> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Applied row : rows) {
        bind(insert, row.revision(), row.checksum(), row.appliedAt(), row.appliedBy(), row.durationMillis());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Deletes the rows of these revisions, in one batch. */
  static void deleteAll(Connection connection, List<String> revisions) throws SQLException {
    if (revisions.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
      for (String revision : revisions) {
        delete.setString(1, revision);
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }

  /**
   * Records a revision as applied without running it; one already recorded keeps when and by
   * whom, and takes the checksum its file has now (which is how an edit is accepted).
   */
  static void stamped(Connection connection, MigrationScript script, boolean alreadyRecorded) throws SQLException {
    if (!alreadyRecorded) {
      insert(connection, script.id(), script.recordedChecksum(), Instant.now().toString(), STAMPED_BY + whoAmI(connection),
          null);
      return;
    }
    try (PreparedStatement update = connection.prepareStatement("update " + NAME + " set checksum = ? where revision = ?")) {
      update.setString(1, script.recordedChecksum());
      update.setString(2, script.id());
      update.executeUpdate();
    }
  }

  /** What {@link #stamped} records as who applied a revision, before the user and host. */
  static final String STAMPED_BY = "stamp: ";

  /**
   * Whether this revision was recorded with {@code stamp} (or {@code baseline}) rather than run
   * here; false where the table is missing or does not list it.
   */
  static boolean wasStamped(Connection connection, String revision) throws SQLException {
    if (!exists(connection)) {
      return false;
    }
    try (PreparedStatement query = connection.prepareStatement("select applied_by from " + NAME + " where revision = ?")) {
      query.setString(1, revision);
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getString(1) != null && row.getString(1).startsWith(STAMPED_BY);
      }
    }
  }

  /** The revisions recorded with {@code stamp} (or {@code baseline}) rather than run here. */
  static Set<String> stamped(Connection connection) throws SQLException {
    Set<String> stamped = new HashSet<>();
    entries(connection).values().forEach(entry -> {
      if (entry.appliedBy() != null && entry.appliedBy().startsWith(STAMPED_BY)) {
        stamped.add(entry.revision());
      }
    });
    return stamped;
  }

  /**
   * An SQL condition, for a script written without the database, that holds unless one of these
   * revisions was recorded with {@code stamp} (or {@code baseline}) rather than run there.
   */
  static String noneStampedSql(List<String> revisions) {
    return "not exists (select 1 from " + NAME + " where revision in ("
        + revisions.stream().map(Ddl::literal).collect(Collectors.joining(", "))
        + ") and applied_by like '" + STAMPED_BY + "%')";
  }

  /** Forgets a revision just reverted. */
  static void reverted(Connection connection, String revision) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
      delete.setString(1, revision);
      delete.executeUpdate();
    }
  }

  /**
   * A row's insert. The order applied is counted here: timestamps tie within a millisecond, and
   * rows recorded from the version table have none.
   */
  private static final String INSERT = "insert into " + NAME
      + " (revision, applied_order, checksum, applied_at, applied_by, duration_ms, tool_version)"
      + " select ?, coalesce(max(applied_order), 0) + 1, ?, ?, ?, ?, ? from " + NAME;

  private static final String DELETE = "delete from " + NAME + " where revision = ?";

  private static void insert(Connection connection, String revision, String checksum, String appliedAt,
      String appliedBy, Long durationMillis) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, revision, checksum, appliedAt, appliedBy, durationMillis);
      insert.executeUpdate();
    }
  }

  private static void bind(PreparedStatement insert, String revision, String checksum, String appliedAt,
      String appliedBy, Long durationMillis) throws SQLException {
    insert.setString(1, revision);
    insert.setString(2, checksum);
    insert.setString(3, appliedAt);
    insert.setString(4, appliedBy);
    if (durationMillis == null) {
      insert.setNull(5, java.sql.Types.BIGINT);
    } else {
      insert.setLong(5, durationMillis);
    }
    insert.setString(6, ToolVersion.current());
  }

  /** {@code app@build-agent-7}: the database user, and the host this process runs on. */
  private static String whoAmI(Connection connection) throws SQLException {
    String user = connection.getMetaData().getUserName();
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown host";
    }
    String who = (user == null || user.isBlank() ? "" : user + "@") + host;
    return who.length() > 200 ? who.substring(0, 200) : who;
  }
}
