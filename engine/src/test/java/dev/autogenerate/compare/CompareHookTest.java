package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.POSTGRES;
import static dev.autogenerate.compare.CompareTesting.SQLITE;
import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.identity;
import static dev.autogenerate.inspect.InspectorTesting.pk;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.operations.ColumnChange.type;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TEXT;
import static dev.autogenerate.schema.SqlType.numeric;
import static dev.autogenerate.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.changes.CompareHook;
import dev.autogenerate.codegen.MigrationSource;
import dev.autogenerate.codegen.MigrationWriter;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompareHookTest {

  /** users loses {@code legacy}, widens {@code age} and gains {@code nick}; {@code old} goes. */
  private static final Schema CURRENT = schema(
      table("users", identity("id", BIGINT), pk("users_pkey", "id"), col("age", INTEGER), col("legacy", TEXT)),
      table("old", identity("id", BIGINT), pk("old_pkey", "id")));
  private static final Schema WANTED = schema(
      table("users", identity("id", BIGINT), pk("users_pkey", "id"), col("age", BIGINT), col("nick", varchar(20))));

  private static MigrationPlan compare(ComparisonRules rules, CompareHook hook) {
    return new SchemaComparison(rules, DiffOptions.defaults().withHook(hook)).compare(CURRENT, WANTED);
  }

  private static String render(MigrationPlan plan) {
    return new MigrationWriter().write(new MigrationSource("com.example.migrations", "M1", "aaaaaaaaaaaa", null, "m",
        Instant.parse("2026-01-01T00:00:00Z"), plan.upgradeChanges(), plan.downgradeChanges()));
  }

  @Test
  void keepAllKeepsEveryChangeAsProposed() {
    MigrationPlan plan = compare(POSTGRES, DiffOptions.KEEP_ALL);

    assertEquals(new SchemaComparison(POSTGRES).compare(CURRENT, WANTED), plan);
    assertEquals(List.of(
        new AddColumn("users", col("nick", varchar(20))),
        new AlterColumn("users", "age", List.of(type(BIGINT))),
        new DropColumn("users", "legacy"),
        new DropTable("old")), operations(plan.upgradeChanges()));
    assertSame(DiffOptions.KEEP_ALL, DiffOptions.defaults().hook());
    Change change = Change.of(new DropTable("t"), "why");
    assertEquals(Optional.of(change), DiffOptions.KEEP_ALL.review(change));
  }

  @Test
  void theHookSeesEveryChangeWithItsReasonInPlanOrder() {
    List<Change> seen = new ArrayList<>();

    MigrationPlan plan = compare(POSTGRES, change -> {
      seen.add(change);
      return Optional.of(change);
    });

    assertEquals(plan.upgradeChanges(), seen);
    assertEquals("users.legacy is in the database but no entity maps it: dropping it deletes its data",
        seen.get(2).reason());
  }

  @Test
  void aDroppedChangeLeavesTheUpgradeAndTheDowngrade() {
    CompareHook keepTheColumn = change -> change.operation() instanceof DropColumn ? Optional.empty() : Optional.of(change);

    for (ComparisonRules rules : List.of(POSTGRES, SQLITE)) {
      MigrationPlan plan = compare(rules, keepTheColumn);

      assertEquals(List.of(
          new AddColumn("users", col("nick", varchar(20))),
          new AlterColumn("users", "age", List.of(type(BIGINT))),
          new DropTable("old")), operations(plan.upgradeChanges()));
      assertFalse(operations(plan.downgradeChanges()).contains(new AddColumn("users", col("legacy", TEXT))),
          plan.downgradeChanges().toString());
      assertEquals(3, plan.downgradeChanges().size(), plan.downgradeChanges().toString());
    }
  }

  @Test
  void anAdjustedChangeIsWrittenAdjustedAndUndoneAsAdjusted() {
    // The team widens to numeric by hand instead: the hook changes the type, keeping the reason.
    CompareHook adjust = change -> Optional.of(change.operation() instanceof AlterColumn alter && alter.column().equals("age")
        ? change.withOperation(new AlterColumn("users", "age", List.of(type(numeric(20)))))
        : change);

    MigrationPlan plan = compare(POSTGRES, adjust);

    Change adjusted = plan.upgradeChanges().get(1);
    assertEquals(new AlterColumn("users", "age", List.of(type(numeric(20)))),
        adjusted.operation());
    assertEquals("users.age: type integer -> bigint", adjusted.reason());
    String source = render(plan);
    assertTrue(source.contains("op.alterColumn(\"users\", \"age\", type(numeric(20, 0)));"), source);
    assertFalse(source.contains("type(BIGINT)"), source);
    // The downgrade undoes what the upgrade now does: back to integer.
    assertTrue(source.contains("op.alterColumn(\"users\", \"age\", type(INTEGER));"), source);
  }

  @Test
  void aHookMayDropEverything() {
    MigrationPlan plan = compare(SQLITE, change -> Optional.empty());

    assertTrue(plan.isEmpty());
    assertEquals(List.of(), plan.downgrade());
  }
}
