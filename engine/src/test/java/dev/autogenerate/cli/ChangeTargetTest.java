package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import org.junit.jupiter.api.Test;

/** What a report names for a step: its table, and its column when it is about one. */
class ChangeTargetTest {

  /** check --format json said "column": null for a renamed column, and github annotated no field. */
  @Test
  void aRenamedColumnIsNamedAsTheEntitiesNowNameIt() {
    assertEquals(new ChangeTarget("users", "display_name"),
        ChangeTarget.of(new RenameColumn("users", "nickname", "display_name")));
  }

  @Test
  void aStepOnTheWholeTableOrRawSqlNamesNoColumn() {
    assertEquals(new ChangeTarget("people", null), ChangeTarget.of(new RenameTable("users", "people")));
    assertEquals(new ChangeTarget(null, null), ChangeTarget.of(new ExecuteSql("update users set age = 0")));
  }
}
