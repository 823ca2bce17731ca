package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.POSTGRES;
import static dev.autogenerate.compare.CompareTesting.SQLITE;
import static dev.autogenerate.compare.CompareTesting.applied;
import static dev.autogenerate.compare.CompareTesting.canonical;
import static dev.autogenerate.compare.CompareTesting.ck;
import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.compare.CompareTesting.uq;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.comment;
import static dev.autogenerate.inspect.InspectorTesting.fk;
import static dev.autogenerate.inspect.InspectorTesting.identity;
import static dev.autogenerate.inspect.InspectorTesting.notNull;
import static dev.autogenerate.inspect.InspectorTesting.pk;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.ReferentialAction.CASCADE;
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TEXT;
import static dev.autogenerate.schema.SqlType.sqlType;
import static dev.autogenerate.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Schema;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The downgrade is derived from the upgrade: run after it, it gives the database back as it was.
 * And the upgrade brings the database to the entities: compared again, nothing is left to do.
 */
class DowngradeTest {

  /** A database with something of every kind that the entities below change, keep or drop. */
  private static final Schema CURRENT = Schema.of(List.of(
      table("teams", identity("id", BIGINT), pk("teams_pkey", "id"), col("name", TEXT), col("code", TEXT),
          uniqueIndex("teams_code_idx", desc("code")), comment("teams")),
      table("users", identity("id", BIGINT), pk("users_pkey", "id"),
          col("team_id", BIGINT), col("email", TEXT), col("age", INTEGER), col("legacy", TEXT), col("mood", sqlType("mood")),
          fk("users_team_id_fkey", List.of("team_id"), "teams", List.of("id")),
          uq("users_email_key", "email"), ck("users_age_check", "(age >= 0)"),
          index("users_legacy_idx", "legacy"), index("ix_dba_only", "age")),
      table("orders", notNull("id", BIGINT), pk("orders_pkey", "id"), col("user_id", BIGINT), col("total", INTEGER),
          fk("orders_user_id_fkey", List.of("user_id"), "users", List.of("id"))),
      table("audit", identity("id", BIGINT), pk("audit_pkey", "id"), col("user_id", BIGINT),
          fk("audit_user_id_fkey", List.of("user_id"), "users", List.of("id"))),
      table("x_old", identity("id", BIGINT), pk("x_old_pkey", "id"), col("y_id", BIGINT),
          fk("x_old_y_id_fkey", List.of("y_id"), "y_old", List.of("id"))),
      table("y_old", identity("id", BIGINT), pk("y_old_pkey", "id"), col("x_id", BIGINT),
          fk("y_old_x_id_fkey", List.of("x_id"), "x_old", List.of("id")))),
      List.of(sequence("old_seq", 1, 1), sequence("users_seq", 1, 50)),
      List.of(enumType("mood", "HAPPY", "SAD"), enumType("old_status", "A")));

  /** The entities: names left to the convention where a mapping would leave them. */
  private static final Schema WANTED = Schema.of(List.of(
      table("teams", identity("id", BIGINT), pk(null, "id"), col("name", varchar(100)), col("code", TEXT), uq(null, "code"),
          comment("teams of users")),
      table("users", identity("id", BIGINT), pk(null, "id"),
          col("team_id", BIGINT), col("email", TEXT), notNull("age", BIGINT).defaultSql("0"), col("mood", sqlType("mood")),
          col("nick", TEXT), notNull("status", sqlType("status")).defaultSql("'NEW'"),
          fk(null, List.of("team_id"), "teams", List.of("id")).onDelete(CASCADE),
          uq(null, "nick"), ck(null, "age between 0 and 200"), index(null, "email", "nick")),
      table("orders", notNull("id", BIGINT), notNull("tenant", INTEGER).defaultSql("1"), pk(null, "id", "tenant"),
          col("user_id", BIGINT), col("total", INTEGER).comment("in cents"),
          fk(null, List.of("user_id"), "users", List.of("id"))),
      table("a_new", identity("id", BIGINT), pk(null, "id"), col("b_id", BIGINT),
          fk(null, List.of("b_id"), "b_new", List.of("id")), uniqueIndex(null, asc("b_id")), comment("new")),
      table("b_new", identity("id", BIGINT), pk(null, "id"), col("a_id", BIGINT), col("user_id", BIGINT),
          fk(null, List.of("a_id"), "a_new", List.of("id")), fk(null, List.of("user_id"), "users", List.of("id")))),
      List.of(sequence("users_seq", 1, 50), sequence("orders_seq", 1, 50)),
      List.of(enumType("mood", "HAPPY", "MEH", "SAD"), enumType("status", "NEW", "DONE")));

  static Stream<Arguments> databasesAndOptions() {
    return Stream.of(
        Arguments.of("PostgreSQL", POSTGRES, false),
        Arguments.of("PostgreSQL, dropping unmapped indexes", POSTGRES, true),
        Arguments.of("SQLite", SQLITE, false),
        Arguments.of("SQLite, dropping unmapped indexes", SQLITE, true));
  }

  private static MigrationPlan plan(ComparisonRules rules, boolean dropUnmapped, Schema current, Schema wanted) {
    return new SchemaComparison(rules, new DiffOptions(NamingConvention.defaults(), dropUnmapped)).compare(current, wanted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databasesAndOptions")
  void downgradeAfterUpgradeGivesTheDatabaseBack(String name, ComparisonRules rules, boolean dropUnmapped) {
    MigrationPlan plan = plan(rules, dropUnmapped, CURRENT, WANTED);
    assertFalse(plan.isEmpty());

    Schema upgraded = applied(CURRENT, operations(plan.upgradeChanges()));
    Schema downgraded = applied(upgraded, operations(plan.downgradeChanges()));

    assertEquals(canonical(CURRENT), canonical(downgraded));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databasesAndOptions")
  void afterTheUpgradeNothingIsLeftToDo(String name, ComparisonRules rules, boolean dropUnmapped) {
    MigrationPlan plan = plan(rules, dropUnmapped, CURRENT, WANTED);

    Schema upgraded = applied(CURRENT, operations(plan.upgradeChanges()));
    MigrationPlan again = plan(rules, dropUnmapped, upgraded, WANTED);

    assertEquals(List.of(), again.upgradeChanges());
    assertEquals(List.of(), again.warnings());
  }

  @Test
  void aDroppedColumnComesBackWithTheIndexThatWentWithIt() {
    Schema current = schema(table("t", col("a", TEXT), col("b", TEXT), index("ix_t_b", "b")));
    Schema wanted = schema(table("t", col("a", TEXT)));

    MigrationPlan plan = plan(POSTGRES, false, current, wanted);

    assertEquals(List.of(new DropColumn("t", "b")), operations(plan.upgradeChanges()));
    assertEquals(List.<Operation>of(new AddColumn("t", col("b", TEXT)), new CreateIndex("t", index("ix_t_b", "b"))),
        operations(plan.downgradeChanges()));
  }

  @Test
  void theDowngradeRunsTheInversesInReverseOrder() {
    Schema current = schema(table("t", col("a", TEXT), index("ix_t_a", "a")));
    Schema wanted = schema(table("t", col("a", TEXT), col("b", TEXT), index("ix_t_b", "b")));

    MigrationPlan plan = plan(POSTGRES, true, current, wanted);

    assertEquals(List.of(new DropIndex("t", "ix_t_a"), new AddColumn("t", col("b", TEXT)),
        new CreateIndex("t", index("ix_t_b", "b"))), operations(plan.upgradeChanges()));
    assertEquals(List.of(new DropIndex("t", "ix_t_b"), new DropColumn("t", "b"), new CreateIndex("t", index("ix_t_a", "a"))),
        operations(plan.downgradeChanges()));
  }

  /**
   * Found by a user test: an id made IDENTITY dropped its sequence, and the downgrade created it
   * again at 1, below the ids it had handed out, without a word.
   */
  @Test
  void aDroppedSequenceComesBackSayingItStartsBelowTheIdsItHandedOut() {
    Schema current = schema(List.of(table("customers", notNull("id", BIGINT), pk("customers_pkey", "id"))),
        List.of(sequence("customer_seq", 1, 50)), List.of());
    Schema wanted = schema(table("customers", notNull("id", BIGINT), pk("customers_pkey", "id")));

    MigrationPlan plan = plan(POSTGRES, true, current, wanted);

    assertEquals(1, plan.downgradeChanges().size(), plan.downgradeChanges()::toString);
    assertTrue(plan.downgradeChanges().get(0).reason().startsWith("sequence customer_seq comes back at its start"
        + " value, below the ids it handed out before the upgrade"), plan.downgradeChanges().get(0)::reason);
  }
}
