package dev.autogenerate.operations;

import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.Index.verbatim;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.UniqueConstraint.unique;

import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import java.util.List;

/**
 * One revision's worth of operations, every kind at least once, with absent and present values,
 * for the canonical form's golden text and the checksum's pinned value. Built anew on each call,
 * so that equal checksums of two calls show the checksum depends on values, not on instances.
 */
final class EveryOperation {

  private EveryOperation() {}

  static List<Operation> list() {
    Table orders = Table.of("orders", List.<TableElement>of(
        column("id", SqlType.BIGINT).generatedAsIdentity().comment("key"),
        column("status", SqlType.varchar(20)).notNull().defaultSql("'NEW'"),
        column("amount", SqlType.numeric(12, 2)),
        column("placed_at", SqlType.timestampTz(6)),
        column("mood", SqlType.sqlType("mood")),
        primaryKey("id").named("pk_orders"),
        unique(null, "status"),
        foreignKey("fk_orders_id_users", List.of("id"), "users", List.of("id"))
            .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.SET_NULL),
        check("ck_orders_amount", "amount >= 0")));
    return List.of(
        new CreateTable(orders),
        new DropTable("old_things"),
        new AddColumn("users", column("nickname", SqlType.varchar(40)).defaultSql("'anon'").comment("shown")),
        new DropColumn("users", "legacy"),
        AlterColumn.of("users", "age", List.of(ColumnChange.setComment("years"), ColumnChange.setNotNull(),
            ColumnChange.type(SqlType.numeric(10)), ColumnChange.setDefault("0"))),
        AlterColumn.of("users", "email", List.of(ColumnChange.dropComment(), ColumnChange.dropDefault())),
        new SetTableComment("users", "People"),
        new SetTableComment("teams", null),
        new AddConstraint("users", foreignKey("fk_users_team", List.of("team_id", "team_code"), "teams",
            List.of("id", "code")).onDelete(ReferentialAction.SET_DEFAULT)),
        new AddConstraint("users", unique("uq_users_email", "email")),
        new AddConstraint("users", check("ck_users_age", "age >= 0")),
        new DropConstraint("users", "uq_users_legacy"),
        new CreateIndex("users", uniqueIndex("ux_users_team_id_rank", asc("team_id"), desc("rank"))),
        new CreateIndex("users", verbatim("ix_users_lower_email", false,
            "CREATE INDEX ix_users_lower_email ON users (lower(email))")),
        new DropIndex("users", "ix_users_age"),
        new CreateSequence(sequence("users_seq", 1, 50)),
        new DropSequence("old_seq"),
        new CreateEnumType(enumType("mood", "happy", "it's \"complicated\"")),
        new DropEnumType("old_status"),
        new AlterEnumType("order_status", List.of("NEW", "PAID", "SHIPPED")),
        new ExecuteSql("UPDATE users\nSET nickname = 'x'"));
  }
}
