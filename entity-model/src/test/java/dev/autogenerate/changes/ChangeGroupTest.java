package dev.autogenerate.changes;

import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChangeGroup#consecutive}: runs of changes to one subject, in the order given. */
class ChangeGroupTest {

  private static final Change ADD_A = Change.of(new AddColumn("users", column("a", SqlType.TEXT)), "users.a: new");
  private static final Change ADD_B = Change.of(new AddColumn("users", column("b", SqlType.TEXT)));
  private static final Change DROP_C = Change.of(new DropColumn("users", "c"));
  private static final Change COMMENT_TEAMS = Change.of(new SetTableComment("teams", "Teams"));
  private static final Change SQL_1 = Change.of(new ExecuteSql("update users set a = 'x'"), "backfill");
  private static final Change SQL_2 = Change.of(new ExecuteSql("update users set b = 'y'"));
  private static final Change DROP_SEQ = Change.of(new DropSequence("users_seq"));
  private static final Change ALTER_ENUM = Change.of(new AlterEnumType("mood", List.of("a")));

  @Test
  void groupsConsecutiveChangesToTheSameSubject() {
    List<ChangeGroup> groups = ChangeGroup.consecutive(List.of(ADD_A, ADD_B, DROP_C, COMMENT_TEAMS, DROP_SEQ));
    assertEquals(List.of(
            new ChangeGroup("users", List.of(ADD_A, ADD_B, DROP_C)),
            new ChangeGroup("teams", List.of(COMMENT_TEAMS)),
            new ChangeGroup("users_seq", List.of(DROP_SEQ))),
        groups);
  }

  @Test
  void aSubjectThatComesBackLaterStartsANewGroupSoOrderIsKept() {
    List<ChangeGroup> groups = ChangeGroup.consecutive(List.of(ADD_A, COMMENT_TEAMS, ADD_B));
    assertEquals(List.of("users", "teams", "users"), groups.stream().map(ChangeGroup::subject).toList());
    assertEquals(List.of(ADD_A, COMMENT_TEAMS, ADD_B), ChangeGroup.changesOf(groups));
  }

  @Test
  void rawSqlIsAlwaysAGroupOfItsOwn() {
    List<ChangeGroup> groups = ChangeGroup.consecutive(List.of(ADD_A, SQL_1, SQL_2, ADD_B, ALTER_ENUM));
    assertEquals(List.of(
            new ChangeGroup("users", List.of(ADD_A)),
            new ChangeGroup(null, List.of(SQL_1)),
            new ChangeGroup(null, List.of(SQL_2)),
            new ChangeGroup("users", List.of(ADD_B)),
            new ChangeGroup("mood", List.of(ALTER_ENUM))),
        groups);
  }

  @Test
  void rawSqlFirstDoesNotSwallowTheNextChange() {
    List<ChangeGroup> groups = ChangeGroup.consecutive(List.of(SQL_1, ADD_A));
    assertEquals(2, groups.size());
    assertNull(groups.get(0).subject());
    assertEquals("users", groups.get(1).subject());
  }

  @Test
  void operationsGroupAndFlattenBackInTheSameOrder() {
    List<Operation> operations = List.of(ADD_A.operation(), SQL_1.operation(), ADD_B.operation(),
        DROP_C.operation(), COMMENT_TEAMS.operation());
    List<ChangeGroup> groups = ChangeGroup.ofOperations(operations);
    assertEquals(4, groups.size());
    assertEquals(operations, ChangeGroup.operationsOf(groups));
    assertNull(groups.get(0).changes().get(0).reason(), "operations carry no reason");
  }

  @Test
  void noChangesMakeNoGroups() {
    assertEquals(List.of(), ChangeGroup.consecutive(List.of()));
  }

  @Test
  void aGroupRefusesAChangeToAnotherSubject() {
    assertThrows(IllegalArgumentException.class, () -> new ChangeGroup("users", List.of(ADD_A, COMMENT_TEAMS)));
    assertThrows(IllegalArgumentException.class, () -> new ChangeGroup("teams", List.of(ADD_A)));
    assertThrows(IllegalArgumentException.class, () -> new ChangeGroup(null, List.of(ADD_A)));
    assertThrows(IllegalArgumentException.class, () -> new ChangeGroup("users", List.of(SQL_1)));
  }

  @Test
  void aGroupRefusesTwoSqlStatementsOrNoChangeAtAll() {
    assertThrows(IllegalArgumentException.class, () -> new ChangeGroup(null, List.of(SQL_1, SQL_2)));
    assertThrows(IllegalArgumentException.class, () -> new ChangeGroup("users", List.of()));
  }

  @Test
  void aChangeKeepsItsReasonAndTreatsABlankOneAsNone() {
    assertEquals("users.a: new", ADD_A.reason());
    assertNull(Change.of(ADD_B.operation(), "  ").reason());
    Change replaced = ADD_A.withOperation(DROP_C.operation());
    assertEquals(DROP_C.operation(), replaced.operation());
    assertEquals("users.a: new", replaced.reason());
  }
}
