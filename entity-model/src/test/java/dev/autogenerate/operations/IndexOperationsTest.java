package dev.autogenerate.operations;

import static dev.autogenerate.operations.Fixtures.BEFORE;
import static dev.autogenerate.operations.Fixtures.USERS;
import static dev.autogenerate.operations.Fixtures.assertRoundTrip;
import static dev.autogenerate.operations.Fixtures.replay;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.Index.verbatim;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Creating and dropping indexes: applied, and undone by the inverse. */
class IndexOperationsTest {

  private static final Index IX_TEAM = index("ix_users_team_id", "team_id");
  private static final Index IX_MANAGER = index("ix_users_manager_id", desc("manager_id"));

  /** The users table of the fixture with other indexes. */
  private static Table usersWithIndexes(Index... indexes) {
    return new Table("users", USERS.columns(), USERS.primaryKey(), USERS.uniqueConstraints(), USERS.foreignKeys(),
        USERS.checks(), List.of(indexes), USERS.comment());
  }

  @Test
  void createUniqueIndexWithMixedOrderIsUndoneByDroppingIt() {
    Index index = uniqueIndex("ux_users_email_age", asc("email"), desc("age"));
    CreateIndex create = new CreateIndex("users", index);
    assertEquals(List.of(new DropIndex("users", "ux_users_email_age")), create.inverse(BEFORE));
    assertRoundTrip(create, BEFORE, BEFORE.withTable(usersWithIndexes(IX_TEAM, IX_MANAGER, index)));
  }

  @Test
  void createExpressionIndexKeepsItsDefinition() {
    Index index = verbatim("ix_users_lower_email", false, "CREATE INDEX ix_users_lower_email ON users (lower(email))");
    Schema after = assertRoundTrip(new CreateIndex("users", index), BEFORE,
        BEFORE.withTable(usersWithIndexes(IX_TEAM, IX_MANAGER, index)));
    assertEquals("CREATE INDEX ix_users_lower_email ON users (lower(email))",
        after.requireTable("users").index("ix_users_lower_email").orElseThrow().definition());
  }

  @Test
  void createIndexNeedsANameAndRefusesATakenNameAMissingColumnOrTable() {
    assertThrows(IllegalArgumentException.class, () -> new CreateIndex("users", index(null, "email")));
    assertThrows(IllegalArgumentException.class,
        () -> new CreateIndex("users", index("ix_users_team_id", "email")).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class,
        () -> new CreateIndex("users", index("ix_users_nope", "nope")).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class,
        () -> new CreateIndex("nope", index("ix_nope", "id")).applyTo(BEFORE));
  }

  @Test
  void dropIndexIsUndoneByCreatingItAgainWithItsDescendingColumn() {
    DropIndex drop = new DropIndex("users", "ix_users_manager_id");
    assertEquals(List.of(new CreateIndex("users", IX_MANAGER)), drop.inverse(BEFORE));
    assertRoundTrip(drop, BEFORE, BEFORE.withTable(usersWithIndexes(IX_TEAM)));
  }

  @Test
  void anIndexDroppedFromTheMiddleComesBackLast() {
    DropIndex drop = new DropIndex("users", "ix_users_team_id");
    assertEquals(BEFORE.withTable(usersWithIndexes(IX_MANAGER, IX_TEAM)),
        replay(drop.applyTo(BEFORE), drop.inverse(BEFORE)));
  }

  @Test
  void dropIndexRefusesAMissingIndexOrTable() {
    assertThrows(IllegalArgumentException.class, () -> new DropIndex("users", "nope").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropIndex("users", "nope").inverse(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropIndex("nope", "ix_users_team_id").applyTo(BEFORE));
  }
}
