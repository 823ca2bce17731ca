package dev.autogenerate.operations;

import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.List;
import java.util.Optional;

/**
 * A small schema that every operation test starts from. The {@code users} table has one of
 * everything, and its {@code manager_id} column comes last in every list it appears in (columns,
 * uniques, foreign keys, indexes), so that dropping it and undoing the drop can give back the very
 * same table: additions always append, as {@code alter table ... add} does in SQL.
 */
final class Fixtures {

  private Fixtures() {}

  static final Column TEAM_ID = column("team_id", SqlType.BIGINT);
  static final Column AGE = column("age", SqlType.INTEGER).notNull().defaultSql("0").comment("in years");
  static final Column MANAGER_ID = column("manager_id", SqlType.BIGINT);

  static final ForeignKey FK_TEAM = foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams", List.of("id"))
      .onDelete(ReferentialAction.SET_NULL);
  static final ForeignKey FK_MANAGER = foreignKey("fk_users_manager_id_users", List.of("manager_id"), "users",
      List.of("id")).onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.RESTRICT);

  static final Table TEAMS = new Table("teams",
      List.of(column("id", SqlType.BIGINT).generatedAsIdentity(), column("name", SqlType.varchar(100)).notNull(),
          column("code", SqlType.TEXT)),
      Optional.of(primaryKey("id").named("pk_teams")),
      List.of(unique("uq_teams_code", "code")), List.of(), List.of(), List.of(), null);

  static final Table USERS = new Table("users",
      List.of(column("id", SqlType.BIGINT).generatedAsIdentity(), column("email", SqlType.varchar(255)).notNull(),
          TEAM_ID, AGE, MANAGER_ID),
      Optional.of(primaryKey("id").named("pk_users")),
      List.of(unique("uq_users_email", "email"), unique("uq_users_manager_id", "manager_id")),
      List.of(FK_TEAM, FK_MANAGER),
      List.of(check("ck_users_age", "age >= 0")),
      List.of(index("ix_users_team_id", "team_id"), index("ix_users_manager_id", desc("manager_id"))),
      "People who log in");

  static final Schema BEFORE = Schema.of(List.of(TEAMS, USERS), List.of(sequence("users_seq", 1, 50)),
      List.of(enumType("mood", "happy", "sad")));

  /** The schema after running the operations in order. */
  static Schema replay(Schema schema, List<Operation> operations) {
    for (Operation operation : operations) {
      schema = operation.applyTo(schema);
    }
    return schema;
  }

  /**
   * Checks an operation both ways: applied to {@code before} it gives {@code expectedAfter}, and
   * its inverse, applied to that, gives {@code before} back exactly.
   *
   * @return the schema after the operation, for further checks
   */
  static Schema assertRoundTrip(Operation operation, Schema before, Schema expectedAfter) {
    Schema after = operation.applyTo(before);
    assertEquals(expectedAfter, after, "after " + operation.describe());
    assertEquals(before, replay(after, operation.inverse(before)), "after undoing " + operation.describe());
    return after;
  }
}
