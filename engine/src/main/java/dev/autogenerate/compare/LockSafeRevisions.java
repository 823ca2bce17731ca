package dev.autogenerate.compare;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateIndexConcurrently;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.LockTimeout;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.TableConstraint;
import dev.autogenerate.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites an upgrade into the forms that keep busy PostgreSQL tables available, as {@link
 * LockSafety} asks, and splits it into the revisions those forms need:
 *
 * <ol>
 *   <li>the upgrade itself, a foreign key or check on a table with rows added {@code not valid}
 *       (an instant's lock), NOT NULL on such a column replaced by a {@code not valid} check
 *       {@code column is not null};
 *   <li>the validations, in a revision of their own, because a lock taken in a transaction is held
 *       until it commits: validated in the same transaction, the strong lock of the {@code add}
 *       would be held through the scan. Then each NOT NULL is set (PostgreSQL 12 and later skip the
 *       scan when a validated check proves it) and its check dropped;
 *   <li>each new index on a table with rows, {@code create index concurrently}, alone in its
 *       revision, since it cannot run in a transaction and a failure must leave nothing else half
 *       done; a new unique constraint's index too, under the constraint's name;
 *   <li>those unique constraints, each taking over its index ({@code add constraint ... unique
 *       using index}, an instant's lock). A unique constraint on a table that a foreign key of the
 *       upgrade references keeps the ordinary form: the key may need it in the first revision.
 * </ol>
 *
 * Tables the upgrade creates hold no rows and keep the ordinary forms. Each revision starts with
 * the lock timeout, if one is set, and gets its downgrade derived from its own upgrade. The forms
 * run on SQLite as their ordinary equivalents, so the same revisions apply there.
 */
public final class LockSafeRevisions {

  static final String WHY_NOT_VALID = "added NOT VALID: PostgreSQL locks the table only for an instant; the rows"
      + " already there are checked by the next revision's validation, which lets reads and writes go on";
  static final String WHY_VALIDATE = "validated in a revision of its own, so the lock of adding it was released"
      + " before this scan; a row that breaks it fails this revision";
  static final String WHY_NOT_NULL_CHECK = "NOT NULL through a check: added NOT VALID now, validated in the next"
      + " revision, where SET NOT NULL then needs no scan of the table (PostgreSQL 12+)";
  static final String WHY_SET_NOT_NULL = "the validated check proves no row is null, so SET NOT NULL takes its"
      + " lock for an instant instead of scanning; the check is then dropped";
  static final String WHY_CONCURRENTLY = "CONCURRENTLY: built without blocking writes to the table; it cannot run"
      + " in a transaction, so it is alone in its revision. If it fails, PostgreSQL may leave an invalid index:"
      + " drop it (drop index concurrently ...) and upgrade again";
  static final String WHY_UNIQUE_CONCURRENTLY = "the unique constraint's index, built CONCURRENTLY first so that"
      + " writes go on; a revision after it makes it the constraint's. Duplicates fail it, and PostgreSQL may leave"
      + " an invalid index: drop it (drop index concurrently ...) and upgrade again";
  static final String WHY_USING_INDEX = "takes over the index built concurrently before: PostgreSQL locks the table"
      + " only for an instant instead of while the index is built (its downgrade builds the index again, under"
      + " the table's lock)";
  static final String WHY_LOCK_TIMEOUT = "a statement waiting longer than this for a lock fails the revision and"
      + " rolls it back, instead of queueing every query on the table behind it; run it again when it is quieter";

  /** One revision to write: what it is for (added to the message), its upgrade and its downgrade. */
  public record Revision(String purpose, List<Change> upgrade, List<Change> downgrade) {

    public Revision {
      upgrade = List.copyOf(upgrade);
      downgrade = List.copyOf(downgrade);
    }
  }

  private LockSafeRevisions() {}

  /**
   * @param current the database before the upgrade
   * @param upgrade the reviewed upgrade, in order
   * @return the revisions to write, in order: the upgrade's own first (purpose empty), unless all
   *     of it moved to the others
   */
  public static List<Revision> of(Schema current, List<Change> upgrade, LockSafety safety) {
    List<Change> main = new ArrayList<>();
    List<Change> validations = new ArrayList<>();
    List<Change> notNulls = new ArrayList<>();
    List<Change> indexes = new ArrayList<>();
    List<Change> uniqueConstraints = new ArrayList<>();
    Set<String> created = new HashSet<>();
    Schema schema = current;
    for (Change change : upgrade) {
      Operation operation = change.operation();
      boolean hasRows = operation.subject() != null && !created.contains(operation.subject())
          && schema.hasTable(operation.subject());
      if (hasRows && safety.concurrentIndexes() && operation instanceof CreateIndex create && create.index().isManaged()) {
        indexes.add(new Change(new CreateIndexConcurrently(create.table(), create.index()), why(change, WHY_CONCURRENTLY)));
      } else if (hasRows && safety.concurrentIndexes() && operation instanceof AddConstraint add
          && add.constraint() instanceof UniqueConstraint unique && !referenced(upgrade, add.table())) {
        AddUniqueUsingIndex attach = new AddUniqueUsingIndex(add.table(), unique);
        indexes.add(new Change(new CreateIndexConcurrently(add.table(), attach.index()), why(change, WHY_UNIQUE_CONCURRENTLY)));
        uniqueConstraints.add(new Change(attach, WHY_USING_INDEX));
      } else if (hasRows && safety.validatedConstraints() && operation instanceof AddConstraint add
          && (add.constraint() instanceof ForeignKey || add.constraint() instanceof CheckConstraint)) {
        main.add(new Change(new AddConstraintNotValid(add.table(), add.constraint()), why(change, WHY_NOT_VALID)));
        validations.add(new Change(new ValidateConstraint(add.table(), add.constraint().name()), WHY_VALIDATE));
      } else if (hasRows && safety.validatedConstraints() && operation instanceof AlterColumn alter
          && settingNotNull(alter, schema)) {
        CheckConstraint check = new CheckConstraint(notNullCheckName(alter), quoted(alter.column()) + " is not null");
        List<ColumnChange> others = alter.changes().stream()
            .filter(each -> !(each instanceof ColumnChange.SetNullable)).toList();
        if (!others.isEmpty()) {
          main.add(new Change(new AlterColumn(alter.table(), alter.column(), others), change.reason()));
        }
        main.add(new Change(new AddConstraintNotValid(alter.table(), check),
            why(others.isEmpty() ? change : new Change(alter, null), WHY_NOT_NULL_CHECK)));
        validations.add(new Change(new ValidateConstraint(alter.table(), check.name()), WHY_VALIDATE));
        notNulls.add(new Change(new AlterColumn(alter.table(), alter.column(), List.of(ColumnChange.setNotNull())),
            WHY_SET_NOT_NULL));
        notNulls.add(new Change(new DropConstraint(alter.table(), check.name()), null));
      } else {
        main.add(change);
      }
      if (operation instanceof CreateTable create) {
        created.add(create.table().name());
      }
      schema = operation.applyTo(schema);
    }
    validations.addAll(notNulls);
    List<Revision> revisions = new ArrayList<>();
    Schema before = current;
    // A change made only of lock-safe forms needs no revision of its own before theirs.
    if (!main.isEmpty() || (validations.isEmpty() && indexes.isEmpty())) {
      before = add(revisions, "", main, before, safety);
    }
    if (!validations.isEmpty()) {
      before = add(revisions, "validate constraints", validations, before, safety);
    }
    for (Change index : indexes) {
      CreateIndexConcurrently create = (CreateIndexConcurrently) index.operation();
      // Outside a transaction a lock timeout would outlive the revision: none here.
      before = add(revisions, "index " + create.index().name() + " concurrently", List.of(index), before,
          LockSafety.NONE);
    }
    if (!uniqueConstraints.isEmpty()) {
      add(revisions, "attach unique constraints", uniqueConstraints, before, safety);
    }
    return revisions;
  }

  /** Whether a foreign key the upgrade adds references the table. */
  private static boolean referenced(List<Change> upgrade, String table) {
    for (Change change : upgrade) {
      Operation operation = change.operation();
      List<TableConstraint> constraints = operation instanceof AddConstraint add ? List.of(add.constraint())
          : operation instanceof CreateTable create ? create.table().constraints() : List.of();
      if (constraints.stream().anyMatch(constraint -> constraint instanceof ForeignKey key
          && key.referencedTable().equals(table))) {
        return true;
      }
    }
    return false;
  }

  /** Adds a revision of these changes after the schema {@code before}, and returns the schema after it. */
  private static Schema add(List<Revision> revisions, String purpose, List<Change> changes, Schema before,
      LockSafety safety) {
    List<Change> upgrade = new ArrayList<>();
    List<Change> downgrade = new ArrayList<>();
    Optional<Change> timeout = safety.lockTimeout()
        .map(duration -> new Change(new LockTimeout(duration), WHY_LOCK_TIMEOUT));
    timeout.ifPresent(upgrade::add);
    timeout.ifPresent(downgrade::add);
    upgrade.addAll(changes);
    downgrade.addAll(SchemaComparison.downgradeOf(before, changes));
    revisions.add(new Revision(purpose, upgrade, downgrade));
    Schema after = before;
    for (Change change : changes) {
      after = change.operation().applyTo(after);
    }
    return after;
  }

  private static boolean settingNotNull(AlterColumn alter, Schema schema) {
    Optional<Column> column = schema.requireTable(alter.table()).column(alter.column());
    return alter.newNullable().map(nullable -> !nullable).orElse(false)
        && column.map(Column::nullable).orElse(false);
  }

  /** PostgreSQL's limit on a name, in bytes: a longer one is cut, and then named wrong by validate and drop. */
  private static final int MAX_NAME_BYTES = 63;

  /** {@code ck_<table>_<column>_not_null}; one too long ends in a hash of the whole name instead, to stay unique. */
  static String notNullCheckName(AlterColumn alter) {
    String name = "ck_" + alter.table().replace('.', '_') + "_" + alter.column() + "_not_null";
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
      return name;
    }
    String hash = String.format(java.util.Locale.ROOT, "%08x", name.hashCode());
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
      String next = new String(Character.toChars(name.codePointAt(i)));
      if ((kept + next).getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES - hash.length() - 1) {
        break;
      }
      kept.append(next);
    }
    return kept + "_" + hash;
  }

  /** A name as SQL writes it: quoted only where PostgreSQL would not fold it to itself. */
  static String quoted(String column) {
    return column.matches("[a-z_][a-z0-9_]*") ? column : "\"" + column.replace("\"", "\"\"") + "\"";
  }

  private static String why(Change change, String why) {
    return change.reason() == null ? why : change.reason() + "\n" + why;
  }
}
