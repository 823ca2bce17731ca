package dev.autogenerate.operations;

import static dev.autogenerate.operations.Fixtures.BEFORE;
import static dev.autogenerate.operations.Fixtures.TEAMS;
import static dev.autogenerate.operations.Fixtures.USERS;
import static dev.autogenerate.operations.Fixtures.assertRoundTrip;
import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.verbatim;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Creating and dropping tables, and table comments: each applied, and undone by its inverse. */
class TableOperationsTest {

  private static final Table ORDERS = Table.of("orders", List.<TableElement>of(
      column("id", SqlType.BIGINT).generatedAsIdentity(),
      column("user_id", SqlType.BIGINT).notNull(),
      column("amount", SqlType.numeric(12, 2)).defaultSql("0"),
      primaryKey("id").named("pk_orders"),
      unique("uq_orders_user_id_amount", "user_id", "amount"),
      foreignKey("fk_orders_user_id_users", List.of("user_id"), "users", List.of("id")),
      check("ck_orders_amount", "amount >= 0")));

  @Test
  void createTableAddsTheTableAndIsUndoneByDroppingIt() {
    CreateTable create = new CreateTable(ORDERS);
    Schema after = assertRoundTrip(create, BEFORE, Schema.of(List.of(TEAMS, USERS, ORDERS),
        BEFORE.sequences().values(), BEFORE.enumTypes().values()));
    assertEquals(Set.of("orders", "teams", "users"), after.tables().keySet());
    assertEquals(List.of(new DropTable("orders")), create.inverse(BEFORE));
  }

  @Test
  void createTableRefusesATableThatExists() {
    assertThrows(IllegalArgumentException.class, () -> new CreateTable(TEAMS).applyTo(BEFORE));
  }

  @Test
  void createTableTakesNeitherIndexesNorComment() {
    // Both are operations of their own, so that a table's creation reads as in SQL.
    assertThrows(IllegalArgumentException.class, () -> new CreateTable(ORDERS.withComment("Orders")));
    Table indexed = new Table("orders", ORDERS.columns(), ORDERS.primaryKey(), List.of(), List.of(), List.of(),
        List.of(index("ix_orders_user_id", "user_id")), null);
    assertThrows(IllegalArgumentException.class, () -> new CreateTable(indexed));
  }

  @Test
  void dropTableRemovesTheTable() {
    Schema after = new DropTable("teams").applyTo(BEFORE);
    assertEquals(Set.of("users"), after.tables().keySet());
    assertEquals(BEFORE.sequences(), after.sequences());
    assertEquals(BEFORE.enumTypes(), after.enumTypes());
  }

  @Test
  void dropTableIsUndoneByCreatingItWithItsIndexesAndComment() {
    DropTable drop = new DropTable("users");
    Table bare = new Table("users", USERS.columns(), USERS.primaryKey(), USERS.uniqueConstraints(),
        USERS.foreignKeys(), USERS.checks(), List.of(), null);
    assertEquals(List.of(
            new CreateTable(bare),
            new CreateIndex("users", USERS.indexes().get(0)),
            new CreateIndex("users", USERS.indexes().get(1)),
            new SetTableComment("users", "People who log in")),
        drop.inverse(BEFORE));
    assertRoundTrip(drop, BEFORE, Schema.of(List.of(TEAMS), BEFORE.sequences().values(),
        BEFORE.enumTypes().values()));
  }

  @Test
  void dropTableRestoresAnExpressionIndexVerbatim() {
    Table things = new Table("things", List.of(column("label", SqlType.TEXT)), Optional.empty(), List.of(),
        List.of(), List.of(), List.of(verbatim("ix_things_lower", true, "CREATE UNIQUE INDEX ix_things_lower"
            + " ON things (lower(label))")), null);
    Schema before = BEFORE.withTable(things);
    assertRoundTrip(new DropTable("things"), before, BEFORE);
  }

  @Test
  void dropTableWithoutCommentOrIndexesIsUndoneByCreateTableAlone() {
    assertEquals(List.of(new CreateTable(TEAMS)), new DropTable("teams").inverse(BEFORE));
  }

  @Test
  void dropTableRefusesAMissingTable() {
    assertThrows(IllegalArgumentException.class, () -> new DropTable("nope").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropTable("nope").inverse(BEFORE));
  }

  @Test
  void setTableCommentReplacesTheCommentAndRestoresTheOldOne() {
    SetTableComment comment = new SetTableComment("users", "Accounts");
    Schema after = assertRoundTrip(comment, BEFORE, BEFORE.withTable(USERS.withComment("Accounts")));
    assertEquals("Accounts", after.requireTable("users").comment());
    assertEquals(List.of(new SetTableComment("users", "People who log in")), comment.inverse(BEFORE));
  }

  @Test
  void setTableCommentToNullRemovesItAndTheInverseAddsItBack() {
    Schema after = assertRoundTrip(new SetTableComment("users", null), BEFORE,
        BEFORE.withTable(USERS.withComment(null)));
    assertNull(after.requireTable("users").comment());
  }

  @Test
  void commentingATableThatHadNoneIsUndoneByRemovingIt() {
    SetTableComment comment = new SetTableComment("teams", "Groups of users");
    assertEquals(List.of(new SetTableComment("teams", null)), comment.inverse(BEFORE));
    assertRoundTrip(comment, BEFORE, BEFORE.withTable(TEAMS.withComment("Groups of users")));
  }

  @Test
  void setTableCommentRefusesAMissingTable() {
    assertThrows(IllegalArgumentException.class, () -> new SetTableComment("nope", "x").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new SetTableComment("nope", "x").inverse(BEFORE));
  }
}
