package dev.autogenerate.compare;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.database.Database;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.schema.ColumnRename;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import dev.autogenerate.schema.TableRename;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where renames are decided, from schema values alone: a dropped and an added table or column that
 * a rename names become a rename, before anything else, so that a renamed column whose type also
 * changed is renamed and then altered; the downgrade renames back; what only looks like a rename
 * is pointed out, never guessed; a rename that cannot be carried out is refused.
 */
class RenameComparisonTest {

  private static final Table TEAMS = Table.of("teams", List.<TableElement>of(
      column("id", SqlType.BIGINT).generatedAsIdentity(), column("code", SqlType.varchar(10)), primaryKey("id")));

  private static final Table USERS = new Table("users",
      List.of(column("id", SqlType.BIGINT).generatedAsIdentity(), column("nickname", SqlType.varchar(40)),
          column("team_id", SqlType.BIGINT)),
      Optional.of(primaryKey("id").named("users_pkey")), List.of(),
      List.of(foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams", List.of("id"))),
      List.of(), List.of(index("ix_users_nickname", "nickname")), null);

  private static final Schema CURRENT = Schema.of(List.of(TEAMS, USERS));

  /** The users table of the entities, its nickname field renamed to display_name of this type. */
  private static Table usersWithDisplayName(SqlType type, String teamsTable) {
    return new Table("users",
        List.of(column("id", SqlType.BIGINT).generatedAsIdentity(), column("display_name", type),
            column("team_id", SqlType.BIGINT)),
        Optional.of(primaryKey("id")), List.of(),
        List.of(foreignKey(null, List.of("team_id"), teamsTable, List.of("id"))),
        List.of(), List.of(index(null, "display_name")), null);
  }

  private static Table teamsNamed(String name) {
    return new Table(name, TEAMS.columns(), TEAMS.primaryKey(), List.of(), List.of(), List.of(), List.of(), null);
  }

  private static final Renames NICKNAME = new Renames(List.of(),
      List.of(new ColumnRename("users", "display_name", List.of("nickname"), "--rename users.nickname=display_name")));

  private static final Renames TEAMS_TO_SQUADS = new Renames(
      List.of(new TableRename("squads", List.of("teams"), "@RenamedFrom(\"teams\") on Squad")), List.of());

  private static MigrationPlan compare(DatabaseKind kind, Schema target, Renames renames) {
    return compare(kind, target, Optional.empty(), renames);
  }

  private static MigrationPlan compare(DatabaseKind kind, Schema target, Optional<Schema> recorded, Renames renames) {
    return new SchemaComparison(Database.forKind(kind).comparisonRules()).compare(CURRENT, target, recorded, renames);
  }

  private static List<Operation> upgrade(MigrationPlan plan) {
    return plan.upgradeChanges().stream().map(Change::operation).toList();
  }

  private static List<Operation> downgrade(MigrationPlan plan) {
    return plan.downgradeChanges().stream().map(Change::operation).toList();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aNamedColumnRenameIsARenameBothWaysAndItsIndexFollows(DatabaseKind kind) {
    Schema target = Schema.of(List.of(TEAMS, usersWithDisplayName(SqlType.varchar(40), "teams")));

    MigrationPlan plan = compare(kind, target, NICKNAME);

    assertEquals(List.of(new RenameColumn("users", "nickname", "display_name")), upgrade(plan));
    assertEquals(List.of(new RenameColumn("users", "display_name", "nickname")), downgrade(plan));
    assertEquals("--rename users.nickname=display_name: renamed, keeping its values",
        plan.upgradeChanges().get(0).reason());
    assertEquals(List.of(), plan.warnings());
    assertEquals(List.of(), plan.risks());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void withoutTheRenameTheSameChangeIsADropAndAnAddPointedOutAsALookAlike(DatabaseKind kind) {
    Schema target = Schema.of(List.of(TEAMS, usersWithDisplayName(SqlType.varchar(40), "teams")));

    MigrationPlan plan = compare(kind, target, Renames.NONE);

    String hint = "users.nickname and users.display_name look like a rename: add @RenamedFrom(\"nickname\") to keep"
        + " the data (or, for a join or collection table, which has no field for it, --rename"
        + " users.nickname=display_name)";
    assertEquals(List.of(hint), plan.warnings());
    Change drop = plan.upgradeChanges().stream().filter(change -> change.operation() instanceof DropColumn)
        .findFirst().orElseThrow();
    assertTrue(drop.reason().endsWith("\n" + hint), drop.reason());
    assertTrue(upgrade(plan).contains(new AddColumn("users", column("display_name", SqlType.varchar(40)))));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDropAndAnAddOfAnotherTypeDoNotLookLikeARename(DatabaseKind kind) {
    Schema target = Schema.of(List.of(TEAMS, usersWithDisplayName(SqlType.BIGINT, "teams")));

    assertEquals(List.of(), compare(kind, target, Renames.NONE).warnings());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRenamedColumnWhoseTypeChangedIsRenamedThenAltered(DatabaseKind kind) {
    Schema target = Schema.of(List.of(TEAMS, usersWithDisplayName(SqlType.varchar(80), "teams")));

    MigrationPlan plan = compare(kind, target, NICKNAME);

    assertEquals(List.of(new RenameColumn("users", "nickname", "display_name"),
        AlterColumn.of("users", "display_name", List.of(ColumnChange.type(SqlType.varchar(80))))), upgrade(plan));
    assertEquals(List.of(AlterColumn.of("users", "display_name", List.of(ColumnChange.type(SqlType.varchar(40)))),
        new RenameColumn("users", "display_name", "nickname")), downgrade(plan));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRenamedTableKeepsTheForeignKeysThatReferenceIt(DatabaseKind kind) {
    Schema target = Schema.of(List.of(teamsNamed("squads"), usersWithDisplayName(SqlType.varchar(40), "squads")));

    MigrationPlan plan = compare(kind, target, TEAMS_TO_SQUADS.and(NICKNAME));

    // The key users -> teams follows the rename, so nothing drops and re-adds it.
    assertEquals(List.of(new RenameTable("teams", "squads"), new RenameColumn("users", "nickname", "display_name")),
        upgrade(plan));
    assertEquals(List.of(new RenameColumn("users", "display_name", "nickname"), new RenameTable("squads", "teams")),
        downgrade(plan));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void withoutTheRenameADroppedAndANewTableWithTheSameColumnsArePointedOut(DatabaseKind kind) {
    Schema target = Schema.of(List.of(teamsNamed("squads"), USERS.withForeignKeysChanged(
        key -> key.withReference("squads", key.referencedColumns()))));

    MigrationPlan plan = compare(kind, target, Renames.NONE);

    assertTrue(plan.warnings().contains("tables teams and squads look like a rename: add @RenamedFrom(\"teams\") to the"
        + " entity to keep the data (or, for a join or collection table, which has no entity, --rename teams=squads)"), plan.warnings()::toString);
  }

  /**
   * Found by a user test: a table moved to another schema was pointed out as a rename, with
   * @RenamedFrom and --rename, both refused (a rename keeps a table in its schema). The hint
   * says how to move it instead.
   */
  @Test
  void aTableMovedToAnotherSchemaIsPointedOutAsAMoveWithItsStatement() {
    Schema target = Schema.of(List.of(teamsNamed("audit.AuditTeams"), USERS.withForeignKeysChanged(
        key -> key.withReference("audit.AuditTeams", key.referencedColumns()))));

    MigrationPlan plan = compare(DatabaseKind.POSTGRESQL, target, Renames.NONE);

    assertTrue(plan.warnings().contains("tables teams and audit.AuditTeams look like the same table moved to schema"
        + " audit, which a rename does not do: to keep the data, move it in a revision of its own before this one"
        + " (op.execute(\"alter table teams set schema audit\"), the default schema's name where it is not public),"
        + " then run -m again"), plan.warnings()::toString);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRenameTheDatabaseHasDoneAlreadyChangesNothing(DatabaseKind kind) {
    Schema renamed = CURRENT;
    for (Operation operation : upgrade(compare(kind,
        Schema.of(List.of(teamsNamed("squads"), usersWithDisplayName(SqlType.varchar(40), "squads"))),
        TEAMS_TO_SQUADS.and(NICKNAME)))) {
      renamed = operation.applyTo(renamed);
    }
    Schema target = Schema.of(List.of(teamsNamed("squads"), usersWithDisplayName(SqlType.varchar(40), "squads")));

    MigrationPlan plan = new SchemaComparison(Database.forKind(kind).comparisonRules())
        .compare(renamed, target, Optional.empty(), TEAMS_TO_SQUADS.and(NICKNAME));

    assertTrue(plan.isEmpty(), () -> upgrade(plan).toString());
    assertEquals(List.of(), plan.warnings());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void whatTheMigrationsCreatedUnderTheOldNameTheyOwnUnderTheNewOne(DatabaseKind kind) {
    // The history knows ix_users_nickname; the entities no longer declare it: it is the tool's to drop.
    Table unindexed = new Table("users", usersWithDisplayName(SqlType.varchar(40), "teams").columns(),
        Optional.of(primaryKey("id")), List.of(),
        List.of(foreignKey(null, List.of("team_id"), "teams", List.of("id"))), List.of(), List.of(), null);

    MigrationPlan plan = compare(kind, Schema.of(List.of(TEAMS, unindexed)), Optional.of(CURRENT), NICKNAME);

    assertEquals(List.of(new RenameColumn("users", "nickname", "display_name"), new DropIndex("users", "ix_users_nickname")),
        upgrade(plan));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRenameThatCannotBeCarriedOutIsRefusedNamingTheFix(DatabaseKind kind) {
    Schema target = Schema.of(List.of(TEAMS, usersWithDisplayName(SqlType.varchar(40), "teams")));
    Renames misspelt = new Renames(List.of(), List.of(
        new ColumnRename("users", "display_name", List.of("nicknam"), "@RenamedFrom(\"nicknam\") on User.displayName")));
    assertEquals("@RenamedFrom(\"nicknam\") on User.displayName: table users has no column nicknam (nor display_name);"
            + " name the old column as the database has it",
        assertThrows(RenameConflict.class, () -> compare(kind, target, misspelt)).getMessage());

    Renames stillMapped = new Renames(List.of(), List.of(
        new ColumnRename("users", "display_name", List.of("team_id"), "--rename users.team_id=display_name")));
    assertTrue(assertThrows(RenameConflict.class, () -> compare(kind, target, stillMapped)).getMessage()
        .contains("the entities still map a column users.team_id"));

    // An old name the database has in other case: --rename takes names as written, so the fix is that spelling.
    Schema quoted = Schema.of(List.of(TEAMS.withName("Teams"), USERS));
    Schema crews = Schema.of(List.of(TEAMS.withName("crews"), usersWithDisplayName(SqlType.varchar(40), "crews")));
    Renames folded = new Renames(List.of(new TableRename("crews", List.of("teams"), "--rename teams=crews")), List.of());
    assertEquals("--rename teams=crews: the database has no table teams (nor crews), but it has \"Teams\", which differs"
            + " in case: --rename takes names as written: write Teams",
        assertThrows(RenameConflict.class, () -> new SchemaComparison(Database.forKind(kind).comparisonRules())
            .compare(quoted, crews, Optional.empty(), folded)).getMessage());

    Renames unmapped = new Renames(List.of(new TableRename("crews", List.of("teams"), "--rename teams=crews")), List.of());
    assertEquals("--rename teams=crews: the entities map no table crews (name the table as the entities map it now)",
        assertThrows(RenameConflict.class, () -> compare(kind, target, unmapped)).getMessage());

    // A typo in a sequence's new name reads as a table rename (no sequence has that name): the old
    // name, a sequence of the database, tells which was meant.
    Schema withSequence = CURRENT.withSequence(dev.autogenerate.schema.Sequence.sequence("users_seq", 1, 50));
    Renames mistyped = new Renames(List.of(new TableRename("user_idz", List.of("users_seq"), "--rename users_seq=user_idz")),
        List.of());
    assertEquals("--rename users_seq=user_idz: the entities use no sequence user_idz (name the sequence as the entities"
            + " use it now)",
        assertThrows(RenameConflict.class, () -> new SchemaComparison(Database.forKind(kind).comparisonRules())
            .compare(withSequence, target, Optional.empty(), mistyped)).getMessage());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSequenceNamedAfterARenamedTableFollowsIt(DatabaseKind kind) {
    Schema current = Schema.of(List.of(TEAMS, USERS), List.of(new dev.autogenerate.schema.Sequence("teams_seq", 1, 50),
        new dev.autogenerate.schema.Sequence("other_seq", 1, 1)), List.of());
    Schema target = Schema.of(List.of(teamsNamed("squads"), USERS), List.of(new dev.autogenerate.schema.Sequence("squads_seq", 1, 50),
        new dev.autogenerate.schema.Sequence("other_seq", 1, 1)), List.of());

    MigrationPlan plan = new SchemaComparison(Database.forKind(kind).comparisonRules())
        .compare(current, target, Optional.empty(), TEAMS_TO_SQUADS);

    assertEquals(List.of(new RenameTable("teams", "squads"),
        new dev.autogenerate.operations.RenameSequence("teams_seq", "squads_seq")), upgrade(plan).subList(0, 2));
    assertTrue(upgrade(plan).stream().noneMatch(operation -> operation.describe().contains("sequence")
        && !(operation instanceof dev.autogenerate.operations.RenameSequence)), upgrade(plan)::toString);
    assertTrue(downgrade(plan).contains(new dev.autogenerate.operations.RenameSequence("squads_seq", "teams_seq")));
  }

  /**
   * A dropped and a created sequence are pointed out as a rename only where they cannot be
   * confused: one of each, not named after a table the upgrade drops (its rows go with it).
   */
  @Test
  void aSequenceLookAlikeIsOneOldAndOneNewNotOfADroppedTable() {
    Schema withSequence = CURRENT.withSequence(dev.autogenerate.schema.Sequence.sequence("users_seq", 1, 50));
    Schema renamedSequence = CURRENT.withSequence(dev.autogenerate.schema.Sequence.sequence("user_ids", 1, 50));
    SchemaComparison comparison = new SchemaComparison(Database.forKind(DatabaseKind.POSTGRESQL).comparisonRules());
    assertTrue(comparison.compare(withSequence, renamedSequence, Optional.empty(), Renames.NONE).warnings()
        .contains("sequences users_seq and user_ids look like a rename: user_ids starts again at its first value,"
            + " handing out ids the rows may hold already; --rename users_seq=user_ids keeps the value"));

    // users replaced by an unrelated invoices table: its sequence goes with its rows.
    Table invoices = new Table("invoices", USERS.columns(), USERS.primaryKey());
    Schema replaced = Schema.of(List.of(TEAMS, invoices))
        .withSequence(dev.autogenerate.schema.Sequence.sequence("invoices_seq", 1, 50));
    assertTrue(comparison.compare(withSequence, replaced, Optional.empty(), Renames.NONE).warnings().stream()
        .noneMatch(warning -> warning.startsWith("sequences")), "no sequence hint");
  }
}
