package dev.autogenerate.codegen;

import dev.autogenerate.changes.Change;
import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.Index.verbatim;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.ReferentialAction.CASCADE;
import static dev.autogenerate.schema.ReferentialAction.NO_ACTION;
import static dev.autogenerate.schema.ReferentialAction.RESTRICT;
import static dev.autogenerate.schema.ReferentialAction.SET_DEFAULT;
import static dev.autogenerate.schema.ReferentialAction.SET_NULL;
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.UniqueConstraint.unique;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateIndexConcurrently;
import dev.autogenerate.operations.AdvanceSequence;
import dev.autogenerate.operations.AlterSequence;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.AddConstraintNotValid;
import dev.autogenerate.operations.AddUniqueUsingIndex;
import dev.autogenerate.operations.LeaveToDatabase;
import dev.autogenerate.operations.LockTimeout;
import dev.autogenerate.operations.RenameSequence;
import dev.autogenerate.operations.ValidateConstraint;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.View;
import dev.autogenerate.schema.TableElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A catalog of operations that, between them, use every operation type and every factory and
 * option of the model, with text that tries hard to break out of its string literal. The upgrade
 * applies to {@link #BEFORE}; its downgrade is derived the way the diff derives it, by walking
 * the upgrade forward and inverting each step.
 */
final class OperationSamples {

  private OperationSamples() {}

  /** Quotes, backslashes, a unicode escape, comment ends, CR LF, tabs, non-ASCII and a control character. */
  static final String HOSTILE = "it's \"quoted\" */ /* \\u000a \\\\u002a/ $L $S %s\r\nsecond line\tü 年 🚀 \u0001 end";

  static final String MULTI_LINE_COMMENT = "Order state:\nNEW until paid,\nthen PAID.\n";

  /** The schema the upgrade starts from. */
  static final Schema BEFORE = Schema.of(
      List.of(
          Table.of("teams", List.of(
              column("id", SqlType.BIGINT).generatedAsIdentity(),
              column("name", SqlType.varchar(100)).notNull(),
              column("code", SqlType.TEXT),
              primaryKey("id"))),
          new Table("users",
              List.of(
                  column("id", SqlType.BIGINT).generatedAsIdentity(),
                  column("email", SqlType.varchar(255)).notNull(),
                  column("age", SqlType.INTEGER),
                  column("team_id", SqlType.BIGINT),
                  column("legacy", SqlType.TEXT).defaultSql("'x'").comment("to be removed"),
                  column("status", SqlType.varchar(10)).comment("old comment"),
                  column("score", SqlType.INTEGER).notNull().defaultSql("0")),
              java.util.Optional.of(primaryKey("id").named("users_pkey")),
              List.of(unique("uq_users_legacy", "legacy")),
              List.of(),
              List.of(check("ck_users_score", "score >= 0")),
              List.of(index("ix_users_age", "age"), index("ix_users_legacy", "legacy")),
              "old comment"),
          new Table("old_things",
              List.of(column("id", SqlType.INTEGER).notNull(), column("label", SqlType.TEXT)),
              java.util.Optional.of(primaryKey("id")),
              List.of(), List.of(), List.of(),
              List.of(uniqueIndex("ux_old_things_label", desc("label")),
                  verbatim("ix_old_things_lower", false, "CREATE INDEX ix_old_things_lower ON old_things (lower(label))")),
              "Things\nfrom before")),
      List.of(sequence("old_seq", 1, 1)),
      List.of(enumType("old_status", "A", "B"), enumType("order_status", "NEW", "PAID")))
      .withViewsAndTriggers(List.of(View.of("user_emails", "SELECT users.email\n   FROM users")), List.of());

  /** The orders table: every column option, every constraint kind, every referential action. */
  static final Table ORDERS = Table.of("orders", List.<TableElement>of(
      column("id", SqlType.BIGINT).generatedAsIdentity().comment("Surrogate key"),
      column("customer_id", SqlType.BIGINT).notNull(),
      column("team_id", SqlType.BIGINT),
      column("team_code", SqlType.TEXT),
      column("status", SqlType.varchar(20)).notNull().defaultSql("'NEW'").comment("Order state"),
      column("note", SqlType.TEXT).defaultSql(HOSTILE).comment(HOSTILE),
      column("history", SqlType.TEXT).comment(MULTI_LINE_COMMENT),
      column("placed_at", SqlType.TIMESTAMP_TZ).notNull().defaultSql("now()"),
      column("amount", SqlType.numeric(12, 2)).defaultSql("0"),
      primaryKey("id").named("pk_orders"),
      unique("uq_orders_customer_id_placed_at", "customer_id", "placed_at"),
      unique(null, "note"),
      foreignKey("fk_orders_customer_id_users", List.of("customer_id"), "users", List.of("id")),
      foreignKey("fk_orders_team_id_teams", List.of("team_id"), "teams", List.of("id"))
          .onDelete(SET_NULL).onUpdate(SET_DEFAULT),
      foreignKey("fk_orders_team_code", List.of("team_id", "team_code"), "teams", List.of("id", "code"))
          .onDelete(RESTRICT).onUpdate(SET_NULL),
      foreignKey(null, List.of("customer_id"), "users", List.of("id")).onDelete(SET_DEFAULT).onUpdate(CASCADE),
      foreignKey("fk_orders_self", List.of("customer_id"), "orders", List.of("id"))
          .onDelete(NO_ACTION).onUpdate(RESTRICT),
      check("ck_orders_amount", "amount >= 0"),
      check("ck_orders_status", "status IN ('NEW', 'PAID')\nOR status = 'it''s \"odd\" */'"),
      check(null, "placed_at > '2000-01-01'")));

  /** An enum with enough values to wrap. */
  static final List<String> COUNTRIES = IntStream.range(0, 40).mapToObj(i -> "country_" + i).toList();

  /** Every operation type, each with every option it has. */
  static List<Change> upgrade() {
    List<Change> steps = new ArrayList<>();
    steps.add(Change.of(new LockTimeout(Duration.ofSeconds(5)), "fail fast rather than queue behind a lock"));
    steps.add(Change.of(new LockTimeout(Duration.ofMillis(1500))));
    steps.add(Change.of(new CreateEnumType(enumType("mood", "happy", "it's \"complicated\"", "年", "*/")),
        "mood: new enum Mood"));
    steps.add(Change.of(new CreateEnumType(enumType("country", COUNTRIES.toArray(new String[0])))));
    steps.add(Change.of(new AlterEnumType("order_status", List.of("NEW", "PAID", "SHIPPED")),
        "order_status: value SHIPPED added"));
    steps.add(Change.of(new AlterEnumType("order_status", COUNTRIES)));
    steps.add(Change.of(new DropEnumType("old_status")));
    steps.add(Change.of(new CreateSequence(sequence("users_seq", 1, 50))));
    steps.add(Change.of(new CreateSequence(sequence("big_seq", 3_000_000_000L, -1))));
    steps.add(Change.of(new CreateSequence(sequence("extreme_seq", Long.MIN_VALUE, Long.MAX_VALUE))));
    steps.add(Change.of(new CreateSequence(sequence("int_edges_seq", Integer.MIN_VALUE, Integer.MAX_VALUE))));
    steps.add(Change.of(new DropSequence("old_seq")));
    steps.add(Change.of(new AlterSequence("users_seq", 1)));
    steps.add(Change.of(new AlterSequence("big_seq", 3_000_000_000L)));
    steps.add(Change.of(new RenameSequence("int_edges_seq", "int_limits_seq"), "sequence of a renamed table"));
    steps.add(Change.of(new CreateTable(ORDERS), "orders: new entity Order"));
    steps.add(Change.of(new AdvanceSequence("users_seq", "orders", "id", 50), "orders.id takes its ids from users_seq"));
    steps.add(Change.of(new CreateTable(Table.of("tags", List.of(
        column("owner_id", SqlType.BIGINT).notNull(),
        column("name", SqlType.TEXT).notNull(),
        primaryKey("owner_id", "name"))))));
    steps.add(Change.of(new CreateTable(Table.of("loose", List.of(column("a", SqlType.INTEGER).notNull()))),
        "loose: no key yet"));
    steps.add(Change.of(new AddColumn("users", column("nickname", SqlType.TEXT))));
    steps.add(Change.of(new AddColumn("users", column("rank", SqlType.INTEGER).notNull().defaultSql("1"))));
    steps.add(Change.of(new AddColumn("users", column("bio", SqlType.TEXT).comment(MULTI_LINE_COMMENT))));
    steps.add(Change.of(new AddColumn("users",
        column("kind", SqlType.sqlType("mood")).notNull().defaultSql("'happy'::mood").comment("How they feel"))));
    steps.add(Change.of(new AddColumn("tags", column("seq", SqlType.BIGINT).generatedAsIdentity()
        .defaultSql(HOSTILE).comment(HOSTILE))));
    steps.add(Change.of(alter("users", "age", ColumnChange.type(SqlType.BIGINT)), "users.age: integer -> bigint"));
    steps.add(Change.of(alter("users", "age", ColumnChange.setNotNull())));
    steps.add(Change.of(alter("users", "email", ColumnChange.dropNotNull())));
    steps.add(Change.of(alter("users", "id", ColumnChange.addIdentity())));
    steps.add(Change.of(alter("users", "id", ColumnChange.dropIdentity())));
    steps.add(Change.of(alter("users", "age", ColumnChange.setDefault("0"))));
    steps.add(Change.of(alter("users", "score", ColumnChange.dropDefault())));
    steps.add(Change.of(alter("users", "age", ColumnChange.setComment("Age in years"))));
    steps.add(Change.of(alter("users", "status", ColumnChange.dropComment())));
    steps.add(Change.of(alter("users", "status", ColumnChange.setComment(HOSTILE),
        ColumnChange.setDefault(MULTI_LINE_COMMENT), ColumnChange.setNotNull(), ColumnChange.addIdentity(),
        ColumnChange.type(SqlType.varchar(20))), "users.status: everything at once"));
    steps.add(Change.of(alter("users", "status", ColumnChange.type(SqlType.TEXT), ColumnChange.dropNotNull(),
        ColumnChange.dropIdentity(), ColumnChange.dropDefault(), ColumnChange.dropComment())));
    steps.add(Change.of(new SetTableComment("users", "People who log in")));
    steps.add(Change.of(new SetTableComment("orders", HOSTILE + "\n" + MULTI_LINE_COMMENT)));
    steps.add(Change.of(new SetTableComment("teams", null)));
    steps.add(Change.of(new AddConstraint("users", unique("uq_users_email", "email"))));
    steps.add(Change.of(new AddConstraint("users", unique("uq_users_email_team_id", "email", "team_id"))));
    steps.add(Change.of(new AddConstraint("users",
        foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams", List.of("id")))));
    steps.add(Change.of(new AddConstraint("tags",
        foreignKey("fk_tags_owner_id_users", List.of("owner_id"), "users", List.of("id"))
            .onDelete(CASCADE).onUpdate(SET_NULL))));
    steps.add(Change.of(new AddConstraint("users", check("ck_users_age", "age >= 0"))));
    steps.add(Change.of(new AddConstraint("users", check("ck_users_note", "email <> '" + HOSTILE + "'"))));
    steps.add(Change.of(new AddConstraint("loose", primaryKey("a").named("pk_loose"))));
    steps.add(Change.of(new AddConstraintNotValid("users", check("ck_users_age_not_null", "age is not null")),
        "NOT NULL through a check"));
    steps.add(Change.of(new AddConstraintNotValid("tags",
        foreignKey("fk_tags_owner_id_users_nv", List.of("owner_id"), "users", List.of("id")).onDelete(CASCADE))));
    steps.add(Change.of(new ValidateConstraint("users", "ck_users_age_not_null"), "validated apart"));
    steps.add(Change.of(new ValidateConstraint("tags", "fk_tags_owner_id_users_nv")));
    steps.add(Change.of(new DropConstraint("users", "uq_users_legacy")));
    steps.add(Change.of(new DropConstraint("users", "ck_users_score")));
    steps.add(Change.of(new CreateIndex("users", index("ix_users_email", "email"))));
    steps.add(Change.of(new CreateIndexConcurrently("users", index("ix_users_score_concurrently", "score"))));
    steps.add(Change.of(new CreateIndex("orders", index("ix_orders_customer_id_placed_at",
        "customer_id", "placed_at"))));
    steps.add(Change.of(new CreateIndex("orders", index("ix_orders_placed_at_id",
        desc("placed_at"), asc("id")))));
    steps.add(Change.of(new CreateIndex("users", uniqueIndex("ux_users_nickname", asc("nickname")))));
    steps.add(Change.of(new CreateIndexConcurrently("users", uniqueIndex("uk_users_score", asc("score")))));
    steps.add(Change.of(new AddUniqueUsingIndex("users", unique("uk_users_score", "score")), "takes over its index"));
    steps.add(Change.of(new CreateIndex("users", uniqueIndex("ux_users_team_id_rank",
        asc("team_id"), desc("rank")))));
    steps.add(Change.of(new CreateIndex("users", verbatim("ix_users_lower_email", false,
        "CREATE INDEX ix_users_lower_email ON public.users USING btree (lower((email)::text))"))));
    steps.add(Change.of(new CreateIndex("users", verbatim("ux_users_active_email", true,
        "CREATE UNIQUE INDEX ux_users_active_email\nON users (email)\nWHERE note <> '" + HOSTILE + "'"))));
    steps.add(Change.of(new DropIndex("users", "ix_users_age")));
    steps.add(Change.of(new DropColumn("users", "legacy"), "users.legacy: field removed"));
    steps.add(Change.of(new RenameColumn("users", "nickname", "display_name"),
        "users.nickname: renamed (@RenamedFrom)"));
    steps.add(Change.of(new RenameTable("teams", "squads")));
    steps.add(Change.of(new DropTable("old_things")));
    steps.add(Change.of(new DropView("email_counts", true), "materialized view email_counts made by hand"));
    steps.add(Change.of(new DropView("user_emails"), "view user_emails reads users.email, whose type changes"));
    steps.add(Change.of(new CreateView("user_emails", "SELECT users.email,\n    '" + HOSTILE + "'::text AS note\n   FROM users"),
        "view user_emails again"));
    steps.add(Change.of(new ExecuteSql("UPDATE users\nSET nickname = '" + HOSTILE + "'"), "backfill"));
    steps.add(Change.of(new LeaveToDatabase("users", LeaveToDatabase.Kind.INDEX, "users_active_partial"),
        "the database's own, which no entity maps"));
    steps.add(Change.of(new LeaveToDatabase("users", LeaveToDatabase.Kind.CONSTRAINT, "users_name_check")));
    steps.add(Change.of(new LeaveToDatabase("users", LeaveToDatabase.Kind.DEFAULT, "created_at")));
    steps.add(Change.of(new LeaveToDatabase("users", LeaveToDatabase.Kind.COMMENT, "name")));
    steps.add(Change.of(new LeaveToDatabase("users", LeaveToDatabase.Kind.COMMENT, null)));
    return steps;
  }

  private static AlterColumn alter(String table, String column, ColumnChange... changes) {
    return AlterColumn.of(table, column, List.of(changes));
  }

  /**
   * The downgrade of {@link #upgrade()}, derived as the diff derives it: walk the upgrade forward
   * from {@link #BEFORE}, invert each step against the schema just before it, and undo the steps
   * in reverse order. Raw SQL gets a hand-written inverse.
   */
  static List<Change> downgrade() {
    Schema schema = BEFORE;
    List<List<Operation>> inverses = new ArrayList<>();
    for (Change step : upgrade()) {
      Operation operation = step.operation();
      // Raw SQL and a materialized view have no inverse: their downgrades are written by hand.
      inverses.add(operation instanceof ExecuteSql
          ? List.of(new ExecuteSql("UPDATE users SET nickname = NULL"))
          : operation instanceof DropView drop && drop.materialized()
          ? List.of(new ExecuteSql("CREATE MATERIALIZED VIEW email_counts AS SELECT count(*) FROM users"))
          : operation.inverse(schema));
      schema = operation.applyTo(schema);
    }
    Collections.reverse(inverses);
    return inverses.stream().flatMap(List::stream).map(Change::of).toList();
  }

  /** The schema after the upgrade. */
  static Schema after() {
    Schema schema = BEFORE;
    for (Change step : upgrade()) {
      schema = step.operation().applyTo(schema);
    }
    return schema;
  }

  /** Every index in the catalog, upgrade and downgrade. */
  static List<Index> indexes() {
    List<Index> indexes = new ArrayList<>();
    for (Change step : concat(upgrade(), downgrade())) {
      if (step.operation() instanceof CreateIndex createIndex) {
        indexes.add(createIndex.index());
      }
    }
    return indexes;
  }

  static List<Change> concat(List<Change> first, List<Change> second) {
    List<Change> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
