package dev.autogenerate.compare;

import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateIndexConcurrently;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.LockTimeout;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.IndexColumn;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.UniqueConstraint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an upgrade is rewritten and split into lock-safe revisions, from schema values alone. */
class LockSafeRevisionsTest {

  private static final Schema CURRENT = Schema.of(List.of(
      table("teams", col("id", BIGINT).notNull()),
      table("users", col("id", BIGINT).notNull(), col("name", TEXT), col("team_id", BIGINT))));

  private static final ForeignKey USERS_TEAM =
      ForeignKey.foreignKey("fk_users_team", List.of("team_id"), "teams", List.of("id"));

  private static final LockSafety ALL = new LockSafety(true, true, Optional.of(Duration.ofSeconds(3)));

  private static List<Operation> operations(List<Change> changes) {
    return changes.stream().map(Change::operation).toList();
  }

  @Test
  void tablesWithRowsGetTheLockSafeFormsInTheRevisionsTheyNeed() {
    List<Change> upgrade = List.of(
        Change.of(new AddConstraint("users", USERS_TEAM)),
        Change.of(new AlterColumn("users", "name", List.of(ColumnChange.setNotNull()))),
        Change.of(new CreateIndex("users", index("ix_users_name", "name"))));

    List<LockSafeRevisions.Revision> revisions = LockSafeRevisions.of(CURRENT, upgrade, ALL);

    LockTimeout timeout = new LockTimeout(Duration.ofSeconds(3));
    CheckConstraint notNull = new CheckConstraint("ck_users_name_not_null", "name is not null");
    assertEquals(List.of("", "validate constraints", "index ix_users_name concurrently"),
        revisions.stream().map(LockSafeRevisions.Revision::purpose).toList());
    assertEquals(List.of(timeout, new AddConstraintNotValid("users", USERS_TEAM), new AddConstraintNotValid("users", notNull)),
        operations(revisions.get(0).upgrade()));
    assertEquals(List.of(timeout, new DropConstraint("users", "ck_users_name_not_null"),
        new DropConstraint("users", "fk_users_team")), operations(revisions.get(0).downgrade()));
    assertEquals(List.of(timeout, new ValidateConstraint("users", "fk_users_team"),
        new ValidateConstraint("users", "ck_users_name_not_null"),
        new AlterColumn("users", "name", List.of(ColumnChange.setNotNull())),
        new DropConstraint("users", "ck_users_name_not_null")), operations(revisions.get(1).upgrade()));
    assertEquals(List.of(timeout, new AddConstraint("users", notNull),
        new AlterColumn("users", "name", List.of(ColumnChange.dropNotNull()))), operations(revisions.get(1).downgrade()));
    assertEquals(List.of(new CreateIndexConcurrently("users", index("ix_users_name", "name"))),
        operations(revisions.get(2).upgrade()));
    assertEquals(List.of(new DropIndex("users", "ix_users_name")), operations(revisions.get(2).downgrade()));
  }

  @Test
  void aUniqueConstraintTakesOverAnIndexBuiltConcurrentlyUnlessAForeignKeyOfTheUpgradeNeedsIt() {
    UniqueConstraint uniqueName = UniqueConstraint.unique("uk_users_name", "name");
    List<LockSafeRevisions.Revision> revisions =
        LockSafeRevisions.of(CURRENT, List.of(Change.of(new AddConstraint("users", uniqueName))), ALL);

    assertEquals(List.of("index uk_users_name concurrently", "attach unique constraints"),
        revisions.stream().map(LockSafeRevisions.Revision::purpose).toList());
    assertEquals(List.of(new CreateIndexConcurrently("users", Index.uniqueIndex("uk_users_name", IndexColumn.asc("name")))),
        operations(revisions.get(0).upgrade()));
    LockTimeout timeout = new LockTimeout(Duration.ofSeconds(3));
    assertEquals(List.of(timeout, new AddUniqueUsingIndex("users", uniqueName)), operations(revisions.get(1).upgrade()));
    assertEquals(List.of(timeout, new DropConstraint("users", "uk_users_name"),
        new CreateIndex("users", Index.uniqueIndex("uk_users_name", IndexColumn.asc("name")))),
        operations(revisions.get(1).downgrade()));

    ForeignKey toUserNames = ForeignKey.foreignKey("fk_teams_lead", List.of("lead"), "users", List.of("name"));
    List<Change> referenced = List.of(Change.of(new AddConstraint("users", uniqueName)),
        Change.of(new AddColumn("teams", Column.column("lead", TEXT))), Change.of(new AddConstraint("teams", toUserNames)));
    List<LockSafeRevisions.Revision> kept = LockSafeRevisions.of(CURRENT, referenced, ALL);
    assertEquals(List.of("", "validate constraints"), kept.stream().map(LockSafeRevisions.Revision::purpose).toList(),
        "no index built concurrently, no takeover");
    assertEquals(new AddConstraint("users", uniqueName), operations(kept.get(0).upgrade()).get(1));
  }

  @Test
  void aTableTheUpgradeCreatesKeepsTheOrdinaryForms() {
    List<Change> upgrade = List.of(
        Change.of(new CreateTable(table("orders", col("id", BIGINT).notNull(), col("team_id", BIGINT)))),
        Change.of(new AddConstraint("orders", ForeignKey.foreignKey("fk_orders_team", List.of("team_id"), "teams",
            List.of("id")))),
        Change.of(new CreateIndex("orders", index("ix_orders_team", "team_id"))));

    List<LockSafeRevisions.Revision> revisions =
        LockSafeRevisions.of(CURRENT, upgrade, new LockSafety(true, true, Optional.empty()));

    assertEquals(1, revisions.size());
    assertEquals(operations(upgrade), operations(revisions.get(0).upgrade()));
  }

  @Test
  void aNotNullCheckNameStaysWithinPostgresLimit() {
    String column = "a_column_with_a_name_long_enough_to_push_the_check_past_the_limit";
    String name = LockSafeRevisions.notNullCheckName(new AlterColumn("users", column, List.of(ColumnChange.setNotNull())));

    assertEquals(63, name.length(), name);
    assertEquals("ck_users_" + column.substring(0, 45), name.substring(0, 54));
    assertEquals("ck_users_name_not_null",
        LockSafeRevisions.notNullCheckName(new AlterColumn("users", "name", List.of(ColumnChange.setNotNull()))));
  }
}
