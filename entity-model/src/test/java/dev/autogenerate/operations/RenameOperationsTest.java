package dev.autogenerate.operations;

import static dev.autogenerate.operations.Fixtures.AGE;
import static dev.autogenerate.operations.Fixtures.BEFORE;
import static dev.autogenerate.operations.Fixtures.FK_MANAGER;
import static dev.autogenerate.operations.Fixtures.FK_TEAM;
import static dev.autogenerate.operations.Fixtures.TEAMS;
import static dev.autogenerate.operations.Fixtures.TEAM_ID;
import static dev.autogenerate.operations.Fixtures.USERS;
import static dev.autogenerate.operations.Fixtures.assertRoundTrip;
import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.verbatim;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.migration.Operations;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Renaming tables and columns: the schema value follows as the databases do (keys, indexes,
 * checks and the foreign keys of every table that name the renamed table or column), and the
 * inverse renames back to exactly the schema before.
 */
class RenameOperationsTest {

  @Test
  void renameTableMovesTheTableAndTheForeignKeysThatReferenceIt() {
    // users references teams (fk_users_team_id_teams) and itself (fk_users_manager_id_users).
    Table people = new Table("people", USERS.columns(), USERS.primaryKey(), USERS.uniqueConstraints(),
        List.of(FK_TEAM, FK_MANAGER.withReference("people", List.of("id"))), USERS.checks(), USERS.indexes(),
        USERS.comment());
    assertRoundTrip(new RenameTable("users", "people"), BEFORE,
        Schema.of(List.of(TEAMS, people), BEFORE.sequences().values(), BEFORE.enumTypes().values()));

    Table squads = new Table("squads", TEAMS.columns(), TEAMS.primaryKey(), TEAMS.uniqueConstraints(),
        TEAMS.foreignKeys(), TEAMS.checks(), TEAMS.indexes(), TEAMS.comment());
    Table usersOfSquads = new Table("users", USERS.columns(), USERS.primaryKey(), USERS.uniqueConstraints(),
        List.of(FK_TEAM.withReference("squads", List.of("id")), FK_MANAGER), USERS.checks(), USERS.indexes(),
        USERS.comment());
    assertRoundTrip(new RenameTable("teams", "squads"), BEFORE,
        Schema.of(List.of(squads, usersOfSquads), BEFORE.sequences().values(), BEFORE.enumTypes().values()));
  }

  @Test
  void renameTableRewritesTheTableInPartialAndExpressionIndexes() {
    Table users = USERS.withIndex(verbatim("ix_users_lower_email", false,
        "CREATE INDEX ix_users_lower_email ON public.users USING btree (lower((email)::text))"));
    Schema after = new RenameTable("users", "people").applyTo(BEFORE.withTable(users));
    assertEquals("CREATE INDEX ix_users_lower_email ON public.\"people\" USING btree (lower((email)::text))",
        after.requireTable("people").index("ix_users_lower_email").orElseThrow().definition());
  }

  @Test
  void renameTableRefusesAMissingTableATakenNameAndAnotherSchema() {
    assertThrows(IllegalArgumentException.class, () -> new RenameTable("nobody", "people").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new RenameTable("users", "teams").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new RenameTable("sales.orders", "orders"));
    assertThrows(IllegalArgumentException.class, () -> new RenameTable("users", "users"));
  }

  @Test
  void renameColumnFollowsItIntoKeysChecksIndexesAndForeignKeys() {
    // manager_id is in a unique, a self-referencing foreign key and a descending index.
    Table renamed = new Table("users",
        List.of(USERS.columns().get(0), USERS.columns().get(1), TEAM_ID, AGE, column("boss_id", SqlType.BIGINT)),
        USERS.primaryKey(),
        List.of(unique("uq_users_email", "email"), unique("uq_users_manager_id", "boss_id")),
        List.of(FK_TEAM, foreignKey("fk_users_manager_id_users", List.of("boss_id"), "users", List.of("id"))
            .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.RESTRICT)),
        USERS.checks(),
        List.of(index("ix_users_team_id", "team_id"), index("ix_users_manager_id", desc("boss_id"))),
        USERS.comment());
    assertRoundTrip(new RenameColumn("users", "manager_id", "boss_id"), BEFORE,
        BEFORE.withTable(renamed));
  }

  @Test
  void renameColumnFollowsItIntoThePrimaryKeyAndTheForeignKeysOfOtherTables() {
    Table teams = new Table("teams", TEAMS.columns().stream()
            .map(each -> each.name().equals("id") ? each.withName("team_no") : each).toList(),
        Optional.of(primaryKey("team_no").named("pk_teams")), TEAMS.uniqueConstraints(), List.of(), List.of(),
        List.of(), null);
    Table users = new Table("users", USERS.columns(), USERS.primaryKey(), USERS.uniqueConstraints(),
        List.of(FK_TEAM.withReference("teams", List.of("team_no")), FK_MANAGER), USERS.checks(), USERS.indexes(),
        USERS.comment());
    assertRoundTrip(new RenameColumn("teams", "id", "team_no"), BEFORE, Schema.of(List.of(teams, users),
        BEFORE.sequences().values(), BEFORE.enumTypes().values()));
  }

  @Test
  void renameColumnRewritesChecksAndPartialIndexesButNotStringsFunctionsOrTypes() {
    Table users = USERS
        .withConstraint(check("ck_users_age_text", "age::text <> 'age' and \"age\" < age(now()) and ages > 1"))
        .withIndex(verbatim("ix_users_adult", false, "create index ix_users_adult on users (email) where age >= 18"));
    Table after = new RenameColumn("users", "age", "years").applyTo(BEFORE.withTable(
        users.withColumn(column("ages", SqlType.INTEGER)))).requireTable("users");
    assertEquals("\"years\" >= 0", expression(after, "ck_users_age"));
    assertEquals("\"years\"::text <> 'age' and \"years\" < age(now()) and ages > 1",
        expression(after, "ck_users_age_text"));
    assertEquals("create index ix_users_adult on users (email) where \"years\" >= 18",
        after.index("ix_users_adult").orElseThrow().definition());
  }

  private static String expression(Table table, String check) {
    return ((CheckConstraint) table.constraint(check).orElseThrow()).expression();
  }

  @Test
  void renameColumnRefusesAMissingColumnAndATakenName() {
    assertThrows(IllegalArgumentException.class, () -> new RenameColumn("users", "nickname", "alias").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new RenameColumn("users", "age", "email").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new RenameColumn("nobody", "age", "years").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new RenameColumn("users", "age", "age"));
  }

  @Test
  void aRenamedColumnOfARenamedTableRoundTripsInOrder() {
    List<Operation> upgrade = List.of(new RenameTable("users", "people"),
        new RenameColumn("people", "manager_id", "boss_id"));
    Schema after = Fixtures.replay(BEFORE, upgrade);
    assertEquals(List.of("boss_id"), after.requireTable("people").foreignKeys().get(1).columns());
    assertEquals("people", after.requireTable("people").foreignKeys().get(1).referencedTable());
    // Undone the way the diff undoes an upgrade: each step inverted against the schema before it,
    // the inverses run last step first.
    Schema middle = upgrade.get(0).applyTo(BEFORE);
    Schema undone = Fixtures.replay(after, upgrade.get(1).inverse(middle));
    undone = Fixtures.replay(undone, upgrade.get(0).inverse(BEFORE));
    assertEquals(BEFORE, undone);
  }

  @Test
  void theSubjectIsTheNameTheFollowingStepsUseAndBothNamesAreUsed() {
    assertEquals("people", new RenameTable("users", "people").subject());
    assertEquals(List.of("sales.users", "sales.people"), new RenameTable("sales.users", "sales.people").namesUsed());
    assertEquals("users", new RenameColumn("users", "nickname", "alias").subject());
    assertEquals("rename table users to people", new RenameTable("users", "people").describe());
    assertEquals("rename column users.nickname to alias", new RenameColumn("users", "nickname", "alias").describe());
  }

  @Test
  void theMigrationApiRecordsThem() {
    Operations op = new Operations();
    op.renameTable("users", "people");
    op.renameColumn("people", "nickname", "display_name");
    assertEquals(List.of(new RenameTable("users", "people"), new RenameColumn("people", "nickname", "display_name")),
        op.recorded());
  }
}
