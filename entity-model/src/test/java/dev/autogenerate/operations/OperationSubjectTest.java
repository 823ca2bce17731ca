package dev.autogenerate.operations;

import static dev.autogenerate.operations.Fixtures.FK_TEAM;
import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each operation acts on ({@link Operation#subject()}) and every name it needs the runtime to
 * know ({@link Operation#namesUsed()}): the subject, plus the tables its foreign keys reference.
 */
class OperationSubjectTest {

  private static void assertNames(Operation operation, String subject, List<String> namesUsed) {
    assertEquals(subject, operation.subject(), operation.describe());
    assertEquals(namesUsed, operation.namesUsed(), operation.describe());
  }

  @Test
  void tableOperationsActOnTheirTable() {
    assertNames(new DropTable("sales.orders"), "sales.orders", List.of("sales.orders"));
    assertNames(new AddColumn("users", column("x", SqlType.TEXT)), "users", List.of("users"));
    assertNames(new DropColumn("users", "x"), "users", List.of("users"));
    assertNames(AlterColumn.of("users", "x", List.of(ColumnChange.setNotNull())), "users", List.of("users"));
    assertNames(new SetTableComment("users", "c"), "users", List.of("users"));
    assertNames(new DropConstraint("users", "fk_users_team_id_teams"), "users", List.of("users"));
    assertNames(new CreateIndex("users", index("ix_users_x", "x")), "users", List.of("users"));
    assertNames(new DropIndex("users", "ix_users_x"), "users", List.of("users"));
  }

  @Test
  void createTableAlsoNamesTheTablesItsForeignKeysReference() {
    Table orders = Table.of("sales.orders", List.<TableElement>of(
        column("id", SqlType.BIGINT), column("user_id", SqlType.BIGINT), column("team_id", SqlType.BIGINT),
        primaryKey("id"),
        foreignKey(null, List.of("user_id"), "users", List.of("id")),
        foreignKey(null, List.of("team_id"), "crm.teams", List.of("id"))));
    assertNames(new CreateTable(orders), "sales.orders", List.of("sales.orders", "users", "crm.teams"));
  }

  @Test
  void createTableWithoutForeignKeysNamesOnlyItself() {
    Table plain = Table.of("plain", List.of(column("id", SqlType.BIGINT), primaryKey("id")));
    assertNames(new CreateTable(plain), "plain", List.of("plain"));
  }

  @Test
  void addConstraintNamesTheReferencedTableOfAForeignKeyOnly() {
    assertNames(new AddConstraint("users", FK_TEAM), "users", List.of("users", "teams"));
    assertNames(new AddConstraint("users", unique("uq_users_x", "x")), "users", List.of("users"));
    assertNames(new AddConstraint("users", check("ck_users_x", "x > 0")), "users", List.of("users"));
    assertNames(new AddConstraint("users", primaryKey("x").named("pk_users")), "users", List.of("users"));
  }

  @Test
  void sequencesAndEnumTypesActOnThemselves() {
    assertNames(new CreateSequence(sequence("users_seq", 1, 50)), "users_seq", List.of("users_seq"));
    assertNames(new DropSequence("users_seq"), "users_seq", List.of("users_seq"));
    assertNames(new CreateEnumType(enumType("mood", "a")), "mood", List.of("mood"));
    assertNames(new DropEnumType("mood"), "mood", List.of("mood"));
    assertNames(new AlterEnumType("mood", List.of("a", "b")), "mood", List.of("mood"));
  }

  @Test
  void rawSqlHasNoSubjectAndNamesNothing() {
    ExecuteSql sql = new ExecuteSql("delete from users");
    assertNull(sql.subject());
    assertEquals(List.of(), sql.namesUsed());
  }
}
