package dev.autogenerate.runtime;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.compare.Risk;
import dev.autogenerate.database.AheadOfTransaction;
import dev.autogenerate.database.Database;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL an upgrade or downgrade would run, for a DBA to review and run by hand ({@code upgrade
 * --sql}), written without a database: the schema before each revision comes from replaying the
 * history. Each revision is one transaction with its version and history rows, exactly as the
 * runtime would commit it (on a branching history, in the runtime's order, one version row per
 * head); on SQLite, foreign-key enforcement is off for the script, as it is for
 * the runtime's revisions.
 *
 * <p>The script first checks that the database is where it starts (the version table lists
 * exactly its start: {@link Database#versionGuard}) and stops otherwise, before changing anything;
 * each later revision that begins a transaction checks the same of its own start, so that a client
 * going on after an error applies nothing on top of a revision that failed.
 * What only a live database can tell is left out: raw SQL in a migration is copied as written, and
 * the rows a step deletes are warned of without a count.
 */
public final class OfflineScript {

  private final RevisionHistory history;
  private final Database database;
  private final boolean singleTransaction;
  private final String url;

  public OfflineScript(RevisionHistory history, Database database) {
    this(history, database, false, null);
  }

  private OfflineScript(RevisionHistory history, Database database, boolean singleTransaction, String url) {
    this.history = history;
    this.database = database;
    this.singleTransaction = singleTransaction;
    this.url = url;
  }

  /** This script for the database this URL names: its session as the URL sets it (a schema). */
  public OfflineScript forUrl(String databaseUrl) {
    return new OfflineScript(history, database, singleTransaction, databaseUrl);
  }

  /**
   * This script, with every revision in one transaction when {@code single}, as {@link
   * Migrator#withSingleTransaction} runs them: one {@code begin} and one {@code commit}, but
   * around a revision that must run on its own.
   */
  public OfflineScript withSingleTransaction(boolean single) {
    return new OfflineScript(history, database, single, url);
  }

  /**
   * @param range {@code TO} (from base) or {@code FROM:TO}, each {@code base}, {@code head},
   *     {@code heads} or a revision id (prefix), or several revisions separated by commas where
   *     the database is at several heads; the revisions {@code TO} needs that {@code FROM}
   *     lacks run in history order, branches and merges included
   */
  public String upgrade(String range) {
    String[] ends = ends(range);
    AppliedRevisions from = ends.length == 2 ? state(ends[0]) : history.appliedExactly(Set.of());
    AppliedRevisions to = state(ends[ends.length - 1]);
    List<MigrationScript> steps = history.revisions().stream()
        .filter(script -> to.contains(script.id()) && !from.contains(script.id()))
        .toList();
    if (steps.isEmpty() && !to.ids().containsAll(from.ids())) {
      throw new UserError("upgrade --sql " + range + " goes backwards: use downgrade --sql");
    }
    AppliedRevisions applied = from;
    StringBuilder body = new StringBuilder();
    boolean open = false;
    for (MigrationScript revision : steps) {
      List<Operation> operations = revision.upgradeOperations();
      boolean alone = revision(body, revision, "upgrade", operations, applied, replayed(applied), applied == from, open);
      AppliedRevisions after = history.afterApplying(applied, revision);
      body.append(versionMove(applied, after));
      body.append(historyRow(revision, "'sql script'"));
      open = commitUnlessSingle(body, alone);
      applied = after;
    }
    if (open) {
      body.append("commit;\n");
    }
    StringBuilder script = header("upgrade", from, applied, List.of());
    if (from.isBase() && !steps.isEmpty()) {
      madeOtherwiseGuard(script, steps.get(0));
    }
    return script.append(body).toString();
  }

  /**
   * @param range {@code FROM:TO}: a downgrade must say where the database is. {@code TO} stays
   *     applied, and whatever of {@code FROM} descends from it is reverted (all of it for base).
   */
  public String downgrade(String range) {
    if (!range.contains(":")) {
      throw new UserError("downgrade --sql needs FROM:TO (where the database is, and where to go), not " + range);
    }
    String[] ends = ends(range);
    AppliedRevisions from = state(ends[0]);
    String target = ends[1].trim();
    if (target.contains(",")) {
      // Read as one revision id, a list was "unknown revision 'a,b'" (a user test).
      throw new UserError("downgrade --sql goes to one revision (or heads, or base), not to a list (" + target + ")");
    }
    Set<String> undo = new HashSet<>();
    if (target.equals(RevisionHistory.BASE)) {
      undo.addAll(from.ids());
    } else {
      List<MigrationScript> kept = target.equals("heads") ? history.heads() : List.of(history.resolveRevision(target));
      for (MigrationScript revision : kept) {
        if (!from.contains(revision.id())) {
          throw new UserError("downgrade --sql " + range + " goes forwards: use upgrade --sql");
        }
        history.descendants(revision.id()).stream().filter(from::contains).forEach(undo::add);
      }
    }
    List<MigrationScript> steps = new ArrayList<>(history.inOrder(undo));
    Collections.reverse(steps);
    AppliedRevisions applied = from;
    StringBuilder body = new StringBuilder();
    boolean open = false;
    List<String> destroying = new ArrayList<>();
    for (MigrationScript revision : steps) {
      Schema before = replayed(applied);
      if (!Migrator.destroying(before, revision.downgradeOperations()).isEmpty()) {
        destroying.add(revision.id());
      }
      boolean alone = revision(body, revision, "downgrade", revision.downgradeOperations(), applied, before,
          applied == from, open);
      AppliedRevisions after = history.afterReverting(applied, revision);
      body.append(versionMove(applied, after));
      body.append("delete from ").append(HistoryTable.NAME).append(" where revision = ")
          .append(literal(revision.id())).append(";\n");
      open = commitUnlessSingle(body, alone);
      applied = after;
    }
    if (open) {
      body.append("commit;\n");
    }
    return header("downgrade", from, applied, destroying).append(body).toString();
  }

  /**
   * The SQL of {@code stamp}: the version table moved and the history table made to list exactly
   * the revisions up to {@code TO}, without running any (a database adopted with {@code baseline},
   * recorded by the DBA who runs its SQL). Revisions recorded so are stamped ones, which
   * {@code downgrade} refuses to revert where that would destroy data.
   *
   * @param range {@code TO} (from base, a database never migrated) or {@code FROM:TO}
   */
  public String stamp(String range) {
    String[] ends = ends(range);
    AppliedRevisions from = ends.length == 2 ? state(ends[0]) : history.appliedExactly(Set.of());
    AppliedRevisions to = state(ends[ends.length - 1]);
    StringBuilder body = new StringBuilder();
    body.append("\n-- stamp ").append(history.describe(to)).append(" (nothing runs)\n");
    begin(body);
    List<String> forgotten = history.inOrder(from.ids()).stream().map(MigrationScript::id)
        .filter(id -> !to.contains(id)).toList();
    if (!forgotten.isEmpty()) {
      body.append("-- WARNING: no longer recorded, their changes stay: the next upgrade reaching them runs them"
          + " again\n");
      body.append("delete from ").append(HistoryTable.NAME).append(" where revision in (")
          .append(forgotten.stream().map(OfflineScript::literal).collect(Collectors.joining(", "))).append(");\n");
    }
    for (MigrationScript revision : history.inOrder(to.ids())) {
      if (from.contains(revision.id())) {
        // Kept as applied, with the checksum its file has now, as stamp accepts an edit.
        body.append("update ").append(HistoryTable.NAME).append(" set checksum = ")
            .append(literal(revision.recordedChecksum())).append(" where revision = ").append(literal(revision.id()))
            .append(";\n");
      } else {
        body.append(historyRow(revision, "'" + HistoryTable.STAMPED_BY + "sql script'"));
      }
    }
    body.append(versionMove(from, to)).append("commit;\n");
    return header("stamp", from, to, List.of()).append(body).toString();
  }

  /** The history row of a revision, as the runtime writes it. */
  private String historyRow(MigrationScript revision, String appliedBy) {
    return "insert into " + HistoryTable.NAME
        + " (revision, applied_order, checksum, applied_at, applied_by, duration_ms, tool_version)\n"
        + "  select " + literal(revision.id()) + ", coalesce(max(applied_order), 0) + 1, "
        + literal(revision.recordedChecksum()) + ", " + database.utcNowAsText() + ", " + appliedBy + ", null, "
        + literal(ToolVersion.current()) + " from " + HistoryTable.NAME + ";\n";
  }

  private static String[] ends(String range) {
    String[] parts = range.split(":", -1);
    if (parts.length > 2 || parts[parts.length - 1].isBlank() || parts[0].isBlank()) {
      throw new UserError("not a range: " + range + " (write TO, or FROM:TO, such as base:head)");
    }
    return parts;
  }

  /** The revisions applied at one end of a range. */
  private AppliedRevisions state(String spec) {
    String end = spec.trim();
    if (end.matches("[+-]\\d+")) {
      throw new UserError("--sql takes revisions, not steps (" + spec + "): without a database, " + end + " has no start");
    }
    if (end.equals("head")) {
      history.singleHead("write heads instead of head to script every branch, or run autogenerate merge -m \"MESSAGE\"");
    }
    return history.appliedExactly(RevisionTargets.toStamp(history, end, history.appliedExactly(Set.of())));
  }

  /** The version-table rows a step changes, as the runtime changes them. */
  private String versionMove(AppliedRevisions before, AppliedRevisions after) {
    List<VersionTable.Row> added = after.heads().stream().filter(head -> !before.heads().contains(head))
        .map(head -> new VersionTable.Row(head, history.get(head).recordedChecksum()))
        .toList();
    return VersionTable.moveSql(Migrator.removedHeads(before, after), added);
  }

  /**
   * The script's start: the bookkeeping tables, created if missing, and the checks that stop it
   * before it changes anything (before it creates those tables, where the database's checks can
   * read a missing one).
   *
   * @param destroying the revisions a downgrade reverts whose downgrade deletes or cuts data: the
   *     script stops where one was recorded with {@code stamp} or {@code baseline}, as {@code
   *     downgrade} refuses to revert it, since what it would drop was there before it
   */
  private StringBuilder header(String direction, AppliedRevisions from, AppliedRevisions to, List<String> destroying) {
    StringBuilder script = new StringBuilder();
    script.append("-- autogenerate ").append(direction).append(' ').append(history.describe(from))
        .append(" -> ").append(history.describe(to)).append(", for ")
        .append(database.kind().productName()).append(", written by autogenerate ").append(ToolVersion.current())
        .append(direction.equals("stamp")
            ? "\n-- Records the revisions as applied without running any, in one transaction, as stamp does.\n\n"
            : singleTransaction
            ? "\n-- All revisions in one transaction (but one that must run on its own), with the version and history"
                + " rows the runtime would write.\n\n"
            : "\n-- Each revision is one transaction, with the version and history rows the runtime would write.\n\n");
    script.append(database.scriptPreamble(url));
    boolean checkFirst = database.scriptChecksBeforeCreatingTables();
    if (checkFirst) {
      startGuard(script, direction, from);
      script.append('\n');
    }
    script.append(VersionTable.createSql(true)).append(";\n\n");
    script.append(HistoryTable.createSql(true)).append(";\n");
    if (!checkFirst) {
      script.append('\n');
      startGuard(script, direction, from);
    }
    if (!destroying.isEmpty()) {
      String labels = destroying.stream().map(id -> history.get(id).label()).collect(Collectors.joining(", "));
      script.append("\n-- Stops here if one of these was recorded with stamp or baseline rather than run: ")
          .append(labels).append(".\n");
      String failure = "this script reverts " + labels + ", which deletes or cuts data, but the database recorded one"
          + " of them with stamp or baseline instead of running it, so what it would drop was there before it;"
          + " nothing was changed. To forget such a revision and keep the database as it is, run autogenerate"
          + " stamp with its parent (after reverting what builds on it)";
      for (String statement : database.scriptStop(HistoryTable.noneStampedSql(destroying), failure)) {
        script.append(statement).append(";\n");
      }
    }
    return script;
  }

  /**
   * The check that a database the script starts at base has none of the tables its first
   * revision creates: one made otherwise (a legacy database, never adopted) has no version table
   * either, and passed the start's check, to stop at its first create table or type (found by a
   * user test handing a DBA the script for a copy of production).
   */
  private void madeOtherwiseGuard(StringBuilder script, MigrationScript first) {
    List<String> tables = first.upgradeOperations().stream()
        .filter(operation -> operation instanceof CreateTable)
        .map(operation -> ((CreateTable) operation).table().name()).toList();
    if (tables.isEmpty()) {
      return;
    }
    String failure = "this script starts at base, but the database has tables its first revision creates: it was"
        + " made otherwise; record the revision it matches with autogenerate stamp --sql REV (a baseline's), then"
        + " write the rest with autogenerate upgrade --sql REV:head";
    script.append("-- Stops here if the database has a table ").append(first.label()).append(" creates.\n");
    for (String statement : database.scriptStop(database.noTableNamed(tables), failure)) {
      script.append(statement).append(";\n");
    }
  }

  /** The check that the database is where the script starts. */
  private void startGuard(StringBuilder script, String direction, AppliedRevisions from) {
    // Run on a database elsewhere, the script would apply its revisions on top of others that
    // never ran there, and record it as migrated.
    String failure = "this script " + direction + "s from " + history.describe(from) + ", where the database is not:"
        + " write one from where it is (autogenerate " + direction + " --sql CURRENT:TO, with CURRENT the revision"
        + " autogenerate current prints, or its revisions joined by commas where it prints several)";
    script.append("-- Stops here unless the database is at ").append(history.describe(from)).append(".\n");
    for (String statement : database.versionGuard(from.heads().stream().sorted().toList(), failure)) {
      script.append(statement).append(";\n");
    }
  }

  /**
   * The check that a revision after the first starts where the one before it left the database,
   * first in its transaction: a client that goes on after an error (psql without ON_ERROR_STOP)
   * would otherwise apply it on top of a revision that failed and rolled back. On PostgreSQL the
   * failed check aborts the transaction, so nothing of the revision commits.
   */
  private void revisionGuard(StringBuilder script, MigrationScript revision, String direction,
      AppliedRevisions start) {
    String failure = "the " + direction + " of " + revision.label() + " starts at " + history.describe(start)
        + ", where the database is not: a revision before it failed, or another process moved the database; what"
        + " ran before it is committed, and the rest of the script does not run (run it with psql -v ON_ERROR_STOP=1"
        + " or sqlite3 -bail, to stop at the first error)";
    for (String statement : database.versionGuard(start.heads().stream().sorted().toList(), failure)) {
      script.append(statement).append(";\n");
    }
  }

  /**
   * Ends a revision: commits it, unless it joins a single transaction that goes on.
   *
   * @param alone whether the revision has a transaction of its own (or none)
   * @return whether a transaction is still open
   */
  private boolean commitUnlessSingle(StringBuilder body, boolean alone) {
    if (singleTransaction && !alone) {
      return true;
    }
    body.append("commit;\n");
    return false;
  }

  /**
   * Writes a revision's statements, from the {@code begin} of its transaction (none when it joins
   * the open single transaction) to the last before its version and history rows.
   *
   * @param start where the database is before it, which a revision after the first checks
   * @param before the schema the history records there
   * @param first whether it is the script's first, whose start the script's start checked
   * @param open whether a single transaction of the revisions before is open
   * @return whether the revision has a transaction of its own (or none), which ends
   *     the single transaction before it
   */
  private boolean revision(StringBuilder script, MigrationScript revision, String direction, List<Operation> operations,
      AppliedRevisions start, Schema before, boolean first, boolean open) {
    // As the runtime runs it: a statement that cannot run in a transaction (create index
    // concurrently) is alone in its revision and runs first, on its own; the rows follow in one.
    TransactionControl.requireNone(operations, revision);
    boolean outside = database.runsOutsideTransaction(operations);
    AheadOfTransaction ahead = Migrator.aheadOfTransaction(database, operations, before, revision);
    boolean alone = database.needsOwnTransaction(operations) || !ahead.statements().isEmpty();
    if (open && alone) {
      script.append("commit;\n");
    }
    script.append("\n-- ").append(direction).append(' ').append(revision.label()).append('\n');
    // In a single transaction a failure aborts all of it: only a revision that begins a
    // transaction (or runs without one) after the first checks where it starts.
    boolean checked = !first && (!open || alone);
    if (checked && (outside || !ahead.statements().isEmpty())) {
      revisionGuard(script, revision, direction, start);
    }
    if (!ahead.statements().isEmpty()) {
      script.append("-- ahead of the transaction, each on its own (this server cannot run them in one;"
          + " each may run again):\n");
      ahead.statements().forEach(statement -> script.append(statement).append(";\n"));
    }
    if (outside) {
      script.append("-- outside a transaction (it cannot run in one):\n");
    } else if (!open || alone) {
      begin(script);
      if (checked && ahead.statements().isEmpty()) {
        revisionGuard(script, revision, direction, start);
      }
    }
    database.scriptRevisionStart().forEach(statement -> script.append(statement).append(";\n"));
    Schema schema = applied(before, ahead.moved());
    for (ChangeGroup group : ChangeGroup.ofOperations(ahead.rest())) {
      try {
        List<String> statements = database.statements(group, schema);
        // What the Java file's WARNING comments say, for whoever reviews the SQL instead (no counts:
        // the script is written without the database).
        for (Risk risk : Migrator.risky(schema, group.operations())) {
          script.append("-- WARNING: ").append(risk.describe()).append('\n');
        }
        for (String statement : database.scriptGuards(group, schema, statements)) {
          script.append(statement).append(";\n");
        }
        for (String statement : statements) {
          script.append(statement).append(";\n");
        }
        schema = applied(schema, group.operations());
      } catch (IllegalArgumentException e) {
        // The recorded schema cannot take the step: it drops a constraint by the name the database
        // gave it, where the migration that created it gave none. The script cannot know that name.
        throw new UserError("cannot write the SQL of migration " + revision.origin() + " without a database: "
            + e.getMessage() + " in the schema the migrations record (one created without a name has only the name"
            + " the database gave it): apply it with upgrade instead of --sql", e);
      }
    }
    database.scriptRevisionEnd("the " + direction + " of " + revision.label())
        .forEach(statement -> script.append(statement).append(";\n"));
    if (outside) {
      begin(script);
    }
    return alone;
  }

  /** A transaction's {@code begin}, and what the database takes in it before anything is read. */
  private void begin(StringBuilder script) {
    script.append("begin;\n");
    database.scriptTransactionStart().forEach(statement -> script.append(statement).append(";\n"));
  }

  /** The schema the applied revisions record; a history that does not replay cannot be scripted. */
  private Schema replayed(AppliedRevisions applied) {
    return history.replayStrictly(applied).orElseThrow(() -> new UserError(
        "the migrations up to " + history.describe(applied) + " do not replay without a database (raw SQL"
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
