package dev.autogenerate.runtime;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.database.Database;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL an upgrade or downgrade would run, for a DBA to review and run by hand ({@code upgrade
 * --sql}), written without a database: the schema before each revision comes from replaying the
 * history. Each revision is one transaction with its version and history rows, exactly as the
 * runtime would commit it; on SQLite, foreign-key enforcement is off for the script, as it is for
 * the runtime's revisions.
 *
 * <p>What only a live database can tell is left out: the script does not check that the
 * database is where it starts (the runtime does), and raw SQL in a migration is copied as
 * written.
 */
public final class OfflineScript {

  private final RevisionHistory history;
  private final Database database;

  public OfflineScript(RevisionHistory history, Database database) {
    this.history = history;
    this.database = database;
  }

  /**
   * @param range {@code TO} (from base) or {@code FROM:TO}, each {@code base}, {@code head} or a
   *     revision id (prefix)
   */
  public String upgrade(String range) {
    int[] span = span(range, -1);
    if (span[1] < span[0]) {
      throw new UserError("upgrade --sql " + range + " goes backwards: use downgrade --sql");
    }
    StringBuilder script = header("upgrade", span);
    Schema schema = replayed(span[0]);
    for (int position = span[0] + 1; position <= span[1]; position++) {
      MigrationScript revision = history.get(position);
      List<Operation> operations = revision.upgradeOperations();
      revision(script, revision, "upgrade", operations, schema);
      schema = applied(schema, operations);
      script.append("delete from ").append(VersionTable.NAME).append(";\n");
      script.append("insert into ").append(VersionTable.NAME).append(" (version_num, checksum) values (")
          .append(literal(revision.id())).append(", ").append(literal(revision.checksum())).append(");\n");
      script.append("insert into ").append(HistoryTable.NAME)
          .append(" (revision, applied_order, checksum, applied_at, applied_by, duration_ms, tool_version)\n")
          .append("  select ").append(literal(revision.id())).append(", coalesce(max(applied_order), 0) + 1, ")
          .append(literal(revision.checksum())).append(", cast(current_timestamp as varchar(40)), 'sql script', null, ")
          .append(literal(ToolVersion.current())).append(" from ").append(HistoryTable.NAME).append(";\n");
      script.append("commit;\n");
    }
    return script.toString();
  }

  /** @param range {@code FROM:TO}: a downgrade must say where the database is. */
  public String downgrade(String range) {
    if (!range.contains(":")) {
      throw new UserError("downgrade --sql needs FROM:TO (where the database is, and where to go), not " + range);
    }
    int[] span = span(range, -1);
    if (span[1] > span[0]) {
      throw new UserError("downgrade --sql " + range + " goes forwards: use upgrade --sql");
    }
    StringBuilder script = header("downgrade", span);
    for (int position = span[0]; position > span[1]; position--) {
      MigrationScript revision = history.get(position);
      Schema schema = replayed(position);
      revision(script, revision, "downgrade", revision.downgradeOperations(), schema);
      script.append("delete from ").append(VersionTable.NAME).append(";\n");
      if (position > 0) {
        MigrationScript parent = history.get(position - 1);
        script.append("insert into ").append(VersionTable.NAME).append(" (version_num, checksum) values (")
            .append(literal(parent.id())).append(", ").append(literal(parent.checksum())).append(");\n");
      }
      script.append("delete from ").append(HistoryTable.NAME).append(" where revision = ")
          .append(literal(revision.id())).append(";\n");
      script.append("commit;\n");
    }
    return script.toString();
  }

  private int[] span(String range, int defaultFrom) {
    String[] parts = range.split(":", -1);
    if (parts.length > 2 || parts[parts.length - 1].isBlank()) {
      throw new UserError("not a range: " + range + " (write TO, or FROM:TO, such as base:head)");
    }
    int from = parts.length == 2 ? position(parts[0]) : defaultFrom;
    return new int[] {from, position(parts[parts.length - 1])};
  }

  private int position(String spec) {
    if (spec.matches("[+-]\\d+")) {
      throw new UserError("--sql takes revisions, not steps (" + spec + "): without a database, +N has no start");
    }
    return history.resolve(spec, -1);
  }

  private StringBuilder header(String direction, int[] span) {
    StringBuilder script = new StringBuilder();
    script.append("-- autogenerate ").append(direction).append(' ').append(history.describePosition(span[0]))
        .append(" -> ").append(history.describePosition(span[1])).append(", for ")
        .append(database.kind().productName()).append(", written by autogenerate ").append(ToolVersion.current())
        .append("\n-- Each revision is one transaction, with the version and history rows the runtime would write.\n\n");
    if (database.kind() == DatabaseKind.SQLITE) {
      script.append("-- SQLite: tables are rebuilt to be altered; references are not enforced meanwhile.\n")
          .append("pragma foreign_keys = off;\n\n");
    }
    script.append(VersionTable.createSql(true)).append(";\n\n");
    script.append(HistoryTable.createSql(true)).append(";\n");
    return script;
  }

  private void revision(StringBuilder script, MigrationScript revision, String direction, List<Operation> operations,
      Schema before) {
    script.append("\n-- ").append(direction).append(' ').append(revision.label()).append('\n');
    script.append("begin;\n");
    Schema schema = before;
    for (ChangeGroup group : ChangeGroup.ofOperations(operations)) {
      for (String statement : database.statements(group, schema)) {
        script.append(statement).append(";\n");
      }
      schema = applied(schema, group.operations());
    }
  }

  /** The schema the revisions up to {@code position} record; a history that does not replay cannot be scripted. */
  private Schema replayed(int position) {
    if (position < 0) {
      return Schema.EMPTY;
    }
    return history.replayUpTo(history.get(position).id()).orElseThrow(() -> new UserError(
        "the migrations up to " + history.get(position).label() + " do not replay without a database (raw SQL"
            + " creates what a later operation changes): apply them with upgrade instead of --sql"));
  }

  private static Schema applied(Schema schema, List<Operation> operations) {
    Schema after = schema;
    for (Operation operation : operations) {
      after = operation.applyTo(after);
    }
    return after;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
