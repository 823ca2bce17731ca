package dev.autogenerate.codegen;

import dev.autogenerate.changes.Change;
import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.verbatim;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.ReferentialAction.CASCADE;
import static dev.autogenerate.schema.ReferentialAction.SET_NULL;
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.RenameTable;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How each operation, column and type is spelled. The expressions are rendered the way the
 * generated file shows them, with their static imports in place.
 */
class OperationRendererTest {

  /** The statement as it appears in a method body, static imports applied, without indentation. */
  private static String render(Operation operation) {
    OperationRenderer renderer = new OperationRenderer();
    CodeBlock statement = renderer.statement(operation);
    return bodyOf(renderer, CodeBlock.of("$[$L;\n$]", statement));
  }

  private static String renderType(SqlType type) {
    OperationRenderer renderer = new OperationRenderer();
    CodeBlock expression = renderer.sqlType(type);
    return bodyOf(renderer, CodeBlock.of("$L;\n", expression)).replaceAll(";$", "");
  }

  private static String bodyOf(OperationRenderer renderer, CodeBlock code) {
    TypeSpec type = TypeSpec.classBuilder("T")
        .addMethod(MethodSpec.methodBuilder("m").addCode(code).build())
        .build();
    JavaFile.Builder file = JavaFile.builder("p", type);
    renderer.addStaticImportsTo(file);
    String text = file.build().toString();
    String body = text.substring(text.indexOf("void m() {\n") + "void m() {\n".length(), text.lastIndexOf("  }\n}"));
    return body.replaceAll("(?m)^    ", "").strip();
  }

  @Test
  void createTableListsOneElementPerLine() {
    Table table = Table.of("users", List.of(
        column("id", SqlType.BIGINT).generatedAsIdentity(),
        column("email", SqlType.varchar(255)).notNull(),
        column("nickname", SqlType.TEXT),
        primaryKey("id")));

    assertEquals("""
        op.createTable("users",
            column("id", BIGINT).generatedAsIdentity(),
            column("email", varchar(255)).notNull(),
            column("nickname", TEXT),
            primaryKey("id"));""", render(new CreateTable(table)));
  }

  @Test
  void createTableWithCompositeKeyAndNoColumnsBeyondIt() {
    Table table = Table.of("memberships", List.of(
        column("group_id", SqlType.BIGINT).notNull(),
        column("user_id", SqlType.BIGINT).notNull(),
        primaryKey("group_id", "user_id")));

    assertEquals("""
        op.createTable("memberships",
            column("group_id", BIGINT).notNull(),
            column("user_id", BIGINT).notNull(),
            primaryKey("group_id", "user_id"));""", render(new CreateTable(table)));
  }

  @Test
  void renamesNameTheOldAndTheNewName() {
    assertEquals("op.renameTable(\"users\", \"people\");", render(new RenameTable("users", "people")));
    assertEquals("op.renameTable(\"sales.orders\", \"sales.purchases\");",
        render(new RenameTable("sales.orders", "sales.purchases")));
    assertEquals("op.renameColumn(\"users\", \"nickname\", \"display_name\");",
        render(new RenameColumn("users", "nickname", "display_name")));
  }

  @Test
  void createTableWithoutElements() {
    assertEquals("op.createTable(\"empty\");", render(new CreateTable(Table.of("empty", List.of()))));
  }

  @Test
  void namedPrimaryKeyKeepsItsName() {
    // The name is part of the value (and what dropConstraint names), so it is written: leaving it
    // out would record a different operation than the one rendered.
    Table table = new Table("users", List.of(column("id", SqlType.BIGINT).notNull()),
        Optional.of(new PrimaryKey("users_pkey", List.of("id"))));

    assertEquals("""
        op.createTable("users",
            column("id", BIGINT).notNull(),
            primaryKey("id").named("users_pkey"));""", render(new CreateTable(table)));
  }

  @Test
  void dropTable() {
    assertEquals("op.dropTable(\"users\");", render(new DropTable("users")));
  }

  @Test
  void addColumn() {
    assertEquals("op.addColumn(\"users\", column(\"age\", INTEGER));",
        render(new AddColumn("users", column("age", SqlType.INTEGER))));
  }

  @Test
  void addNotNullColumn() {
    assertEquals("op.addColumn(\"users\", column(\"age\", INTEGER).notNull());",
        render(new AddColumn("users", column("age", SqlType.INTEGER).notNull())));
  }

  @Test
  void identityColumnIsNotAlsoMarkedNotNull() {
    assertEquals("op.addColumn(\"t\", column(\"id\", BIGINT).generatedAsIdentity());",
        render(new AddColumn("t", column("id", SqlType.BIGINT).generatedAsIdentity())));
  }

  @Test
  void nullableIdentityColumnHasNoExpressionAndIsRefused() {
    Column odd = new Column("id", SqlType.BIGINT, true, true);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> render(new AddColumn("t", odd)));
    assertTrue(e.getMessage().contains("id"), e.getMessage());
  }

  @Test
  void dropColumn() {
    assertEquals("op.dropColumn(\"users\", \"age\");", render(new DropColumn("users", "age")));
  }

  @Test
  void alterColumnType() {
    assertEquals("op.alterColumn(\"users\", \"age\", type(BIGINT));",
        render(AlterColumn.of("users", "age", List.of(ColumnChange.type(SqlType.BIGINT)))));
  }

  @Test
  void alterColumnTypeAndNullabilityInChangesOrder() {
    assertEquals("op.alterColumn(\"users\", \"age\", type(BIGINT), setNotNull());",
        render(AlterColumn.of("users", "age", List.of(ColumnChange.setNotNull(), ColumnChange.type(SqlType.BIGINT)))));
  }

  @Test
  void alterColumnDropNotNull() {
    assertEquals("op.alterColumn(\"users\", \"age\", dropNotNull());",
        render(AlterColumn.of("users", "age", List.of(ColumnChange.dropNotNull()))));
  }

  @Test
  void executeEscapesTheSql() {
    assertEquals("op.execute(\"UPDATE users SET name = 'O\\\"Brien' WHERE path = 'C:\\\\tmp'\");",
        render(new ExecuteSql("UPDATE users SET name = 'O\"Brien' WHERE path = 'C:\\tmp'")));
  }

  @Test
  void executeSplitsMultiLineSqlIntoOneLiteralPerLine() {
    assertEquals("""
        op.execute("UPDATE users\\n"
            + "SET age = 0\\n"
            + "WHERE age IS NULL;\\n");""",
        render(new ExecuteSql("UPDATE users\nSET age = 0\nWHERE age IS NULL;\n")));
  }

  @Test
  void namesAreEscapedStringLiterals() {
    assertEquals("op.dropColumn(\"weird \\\"table\\\"\", \"col\\\\umn\");",
        render(new DropColumn("weird \"table\"", "col\\umn")));
  }

  @ParameterizedTest
  @EnumSource(value = SqlType.Kind.class, names = {"CHAR", "RAW"}, mode = EnumSource.Mode.EXCLUDE)
  void plainTypesAreTheirConstants(SqlType.Kind kind) {
    SqlType type = new SqlType(kind, null, null, null, null);

    assertEquals(kind.name(), renderType(type));
  }

  @Test
  void typesWithParameters() {
    assertEquals("varchar(255)", renderType(SqlType.varchar(255)));
    assertEquals("character(1)", renderType(SqlType.character(1)));
    assertEquals("binary(16)", renderType(SqlType.binary(16)));
    assertEquals("numeric(10, 2)", renderType(SqlType.numeric(10, 2)));
    assertEquals("numeric(10, 0)", renderType(SqlType.numeric(10, 0)));
    // numeric(p) is numeric(p, 0) in SQL, and in the model: one spelling for one type.
    assertEquals("numeric(10, 0)", renderType(SqlType.numeric(10)));
    assertEquals("time(3)", renderType(SqlType.time(3)));
    assertEquals("timeTz(3)", renderType(SqlType.timeTz(3)));
    assertEquals("timestamp(3)", renderType(SqlType.timestamp(3)));
    assertEquals("timestampTz(0)", renderType(SqlType.timestampTz(0)));
    assertEquals("sqlType(\"tsvector\")", renderType(SqlType.sqlType("tsvector")));
    assertEquals("sqlType(\"geometry(point, 4326)\")", renderType(SqlType.sqlType("geometry(Point, 4326)")));
  }

  @Test
  void typesWithoutAFactoryAreRefusedByName() {
    List<SqlType> unwritable = List.of(
        new SqlType(SqlType.Kind.INTEGER, 4, null, null, null),
        new SqlType(SqlType.Kind.VARCHAR, 10, 2, null, null),
        new SqlType(SqlType.Kind.NUMERIC, null, null, 2, null),
        new SqlType(SqlType.Kind.TEXT, null, 3, null, null),
        new SqlType(SqlType.Kind.DATE, null, 3, null, null),
        new SqlType(SqlType.Kind.TIMESTAMP, 3, null, null, null),
        new SqlType(SqlType.Kind.RAW, 3, null, null, "tsvector"));
    for (SqlType type : unwritable) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> renderType(type),
          type::toString);
      assertTrue(e.getMessage().contains(type.kind().name()), e.getMessage());
    }
  }

  @Test
  void importsOnlyWhatWasUsed() {
    OperationRenderer renderer = new OperationRenderer();
    renderer.statement(new AddColumn("users", column("age", SqlType.varchar(3)).notNull()));
    renderer.statement(AlterColumn.of("users", "age", List.of(ColumnChange.dropNotNull())));

    assertEquals(Set.of(
            "dev.autogenerate.schema.Column.column",
            "dev.autogenerate.schema.SqlType.varchar",
            "dev.autogenerate.operations.ColumnChange.dropNotNull"),
        renderer.usedStaticImports());
  }

  // Columns: defaults and comments.

  @Test
  void columnWithDefaultAndComment() {
    assertEquals("op.addColumn(\"users\", column(\"status\", varchar(20)).notNull().defaultSql(\"'NEW'\")\n"
            + "    .comment(\"Order state\"));",
        render(new AddColumn("users",
            column("status", SqlType.varchar(20)).notNull().defaultSql("'NEW'").comment("Order state"))));
    assertEquals("op.addColumn(\"t\", column(\"n\", INTEGER).defaultSql(\"0\"));",
        render(new AddColumn("t", column("n", SqlType.INTEGER).defaultSql("0"))));
    assertEquals("op.addColumn(\"t\", column(\"n\", INTEGER).comment(\"Count\"));",
        render(new AddColumn("t", column("n", SqlType.INTEGER).comment("Count"))));
  }

  @Test
  void identityColumnWithDefaultAndComment() {
    assertEquals("op.addColumn(\"t\", column(\"id\", BIGINT).generatedAsIdentity().defaultSql(\"1\").comment(\"Key\"));",
        render(new AddColumn("t", column("id", SqlType.BIGINT).generatedAsIdentity().defaultSql("1").comment("Key"))));
  }

  @Test
  void columnTextStaysOneLiteralWhateverItHolds() {
    Column column = column("note", SqlType.TEXT)
        .defaultSql("'it''s'")
        .comment("Two\nlines with \"quotes\", */, \\u000a, tab\t, ü 年 🚀 and \u0007");

    assertEquals("op.addColumn(\"t\", column(\"note\", TEXT).defaultSql(\"'it''s'\")\n"
            + "    .comment(\"Two\\nlines with \\\"quotes\\\", */, \\\\u000a, tab\\t, ü 年 🚀 and \\u0007\"));",
        render(new AddColumn("t", column)));
  }

  @Test
  void columnsInCreateTableWrapTheirChainOneStepDeeper() {
    Table table = Table.of("orders", List.of(
        column("status", SqlType.varchar(20)).notNull().defaultSql("'NEW'").comment("Order state"),
        column("state_of_the_order", SqlType.varchar(20)).notNull().defaultSql("'NEW'").comment("Order state")));

    assertEquals("""
        op.createTable("orders",
            column("status", varchar(20)).notNull().defaultSql("'NEW'").comment("Order state"),
            column("state_of_the_order", varchar(20)).notNull().defaultSql("'NEW'")
                .comment("Order state"));""", render(new CreateTable(table)));
  }

  // createTable: every constraint kind.

  @Test
  void createTableWithEveryConstraintKind() {
    Table table = Table.of("users", List.of(
        column("id", SqlType.BIGINT).generatedAsIdentity(),
        column("email", SqlType.TEXT).notNull(),
        column("team_id", SqlType.BIGINT),
        column("age", SqlType.INTEGER),
        primaryKey("id").named("pk_users"),
        unique("uq_users_email", "email"),
        foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams", List.of("id")),
        foreignKey("fk_users_team", List.of("team_id"), "teams", List.of("id")).onDelete(CASCADE).onUpdate(SET_NULL),
        check("ck_users_age", "age >= 0")));

    assertEquals("""
        op.createTable("users",
            column("id", BIGINT).generatedAsIdentity(),
            column("email", TEXT).notNull(),
            column("team_id", BIGINT),
            column("age", INTEGER),
            primaryKey("id").named("pk_users"),
            unique("uq_users_email", "email"),
            foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams", List.of("id")),
            foreignKey("fk_users_team", List.of("team_id"), "teams", List.of("id")).onDelete(CASCADE)
                .onUpdate(SET_NULL),
            check("ck_users_age", "age >= 0"));""", render(new CreateTable(table)));
  }

  @Test
  void unnamedConstraintsInCreateTableSayNull() {
    Table table = Table.of("t", List.of(
        column("a", SqlType.INTEGER),
        unique(null, "a"),
        foreignKey(null, List.of("a"), "u", List.of("id")),
        check(null, "a > 0")));

    assertEquals("""
        op.createTable("t",
            column("a", INTEGER),
            unique(null, "a"),
            foreignKey(null, List.of("a"), "u", List.of("id")),
            check(null, "a > 0"));""", render(new CreateTable(table)));
  }

  // Constraints.

  @Test
  void addConstraintOfEachKind() {
    assertEquals("op.addConstraint(\"users\", unique(\"uq_users_email_team_id\", \"email\", \"team_id\"));",
        render(new AddConstraint("users", unique("uq_users_email_team_id", "email", "team_id"))));
    assertEquals("op.addConstraint(\"users\", check(\"ck_users_age\", \"age >= 0 AND note <> 'a\\nb'\"));",
        render(new AddConstraint("users", check("ck_users_age", "age >= 0 AND note <> 'a\nb'"))));
    assertEquals("op.addConstraint(\"memberships\", primaryKey(\"group_id\", \"user_id\").named(\"pk_memberships\"));",
        render(new AddConstraint("memberships", primaryKey("group_id", "user_id").named("pk_memberships"))));
    assertEquals("""
        op.addConstraint("users", foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams",
            List.of("id")));""",
        render(new AddConstraint("users", foreignKey("fk_users_team_id_teams", List.of("team_id"), "teams",
            List.of("id")))));
  }

  @Test
  void foreignKeyActionsOtherThanNoAction() {
    for (ReferentialAction action : ReferentialAction.values()) {
      ForeignKey onDelete = foreignKey("fk", List.of("a", "b"), "t", List.of("x", "y")).onDelete(action);
      ForeignKey both = foreignKey("fk", List.of("a"), "t", List.of("x")).onDelete(action).onUpdate(action);
      ForeignKey onUpdate = foreignKey("fk", List.of("a"), "t", List.of("x")).onUpdate(action);
      String deleteClause = action == ReferentialAction.NO_ACTION ? "" : ".onDelete(" + action.name() + ")";
      String updateClause = action == ReferentialAction.NO_ACTION ? "" : ".onUpdate(" + action.name() + ")";

      assertEquals("op.createTable(\"s\",\n    foreignKey(\"fk\", List.of(\"a\", \"b\"), \"t\", List.of(\"x\", \"y\"))"
          + deleteClause + ");", render(new CreateTable(new Table("s",
              List.of(column("a", SqlType.INTEGER), column("b", SqlType.INTEGER)), Optional.empty(),
              List.of(), List.of(onDelete), List.of(), List.of(), null))).replaceAll("(?m)^    column.*\n", ""));
      assertEquals("op.addConstraint(\"s\", foreignKey(\"fk\", List.of(\"a\"), \"t\", List.of(\"x\"))"
          + updateClause + ");", render(new AddConstraint("s", onUpdate)));
      assertEquals("op.addConstraint(\"s\", foreignKey(\"fk\", List.of(\"a\"), \"t\", List.of(\"x\"))"
          + (action == ReferentialAction.NO_ACTION ? "" : deleteClause + "\n    " + updateClause) + ");",
          render(new AddConstraint("s", both)));
    }
  }

  @Test
  void dropConstraint() {
    assertEquals("op.dropConstraint(\"users\", \"uq_users_email\");",
        render(new DropConstraint("users", "uq_users_email")));
  }

  // Indexes.

  @Test
  void ascendingIndexNamesItsColumns() {
    assertEquals("op.createIndex(\"users\", index(\"ix_users_email\", \"email\"));",
        render(new CreateIndex("users", index("ix_users_email", "email"))));
    assertEquals("op.createIndex(\"t\", index(\"ix_t_a_b\", \"a\", \"b\"));",
        render(new CreateIndex("t", index("ix_t_a_b", asc("a"), asc("b")))));
  }

  @Test
  void indexWithADescendingColumnSpellsEachDirection() {
    assertEquals("op.createIndex(\"t\", index(\"ix_t_a_b\", asc(\"a\"), desc(\"b\")));",
        render(new CreateIndex("t", index("ix_t_a_b", asc("a"), desc("b")))));
  }

  @Test
  void uniqueIndex() {
    assertEquals("op.createIndex(\"users\", uniqueIndex(\"ux\", asc(\"email\")));",
        render(new CreateIndex("users", Index.uniqueIndex("ux", asc("email")))));
    assertEquals("op.createIndex(\"users\", uniqueIndex(\"ux\", desc(\"a\"), asc(\"b\")));",
        render(new CreateIndex("users", Index.uniqueIndex("ux", desc("a"), asc("b")))));
  }

  @Test
  void verbatimIndex() {
    assertEquals("op.createIndex(\"users\", verbatim(\"ix_lower\", false, \"create index ix_lower on t (lower(a))\"));",
        render(new CreateIndex("users", verbatim("ix_lower", false, "create index ix_lower on t (lower(a))"))));
    assertEquals("""
        op.createIndex("users", verbatim("ix_users_lower_email", false,
            "CREATE INDEX ix_users_lower_email ON public.users USING btree (lower((email)::text))"));""",
        render(new CreateIndex("users", verbatim("ix_users_lower_email", false,
            "CREATE INDEX ix_users_lower_email ON public.users USING btree (lower((email)::text))"))));
    assertEquals("""
        op.createIndex("users", verbatim("ux_active", true,
            "CREATE UNIQUE INDEX ux_active ON users (email)\\n"
            + "WHERE active"));""",
        render(new CreateIndex("users", verbatim("ux_active", true,
            "CREATE UNIQUE INDEX ux_active ON users (email)\nWHERE active"))));
  }

  @Test
  void indexWithBothColumnsAndADefinitionHasNoFactoryAndIsRefused() {
    Index odd = new Index("ix_odd", List.of(asc("a")), false, "create index ix_odd on t (a) where a > 0");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> render(new CreateIndex("t", odd)));
    assertTrue(e.getMessage().contains("ix_odd"), e.getMessage());
  }

  @Test
  void dropIndex() {
    assertEquals("op.dropIndex(\"users\", \"ix_users_email\");", render(new DropIndex("users", "ix_users_email")));
  }

  // Table comments.

  @Test
  void setTableComment() {
    assertEquals("op.setTableComment(\"users\", \"People who log in\");",
        render(new SetTableComment("users", "People who log in")));
    assertEquals("op.setTableComment(\"users\", null);", render(new SetTableComment("users", null)));
    assertEquals("""
        op.setTableComment("users", "People who log in.\\n"
            + "Not \\"customers\\" */");""",
        render(new SetTableComment("users", "People who log in.\nNot \"customers\" */")));
  }

  // Sequences.

  @Test
  void sequences() {
    assertEquals("op.createSequence(sequence(\"users_seq\", 1, 50));",
        render(new CreateSequence(sequence("users_seq", 1, 50))));
    assertEquals("op.createSequence(sequence(\"down_seq\", -1, -2147483648));",
        render(new CreateSequence(sequence("down_seq", -1, Integer.MIN_VALUE))));
    assertEquals("op.createSequence(sequence(\"big_seq\", 3000000000L, -9223372036854775808L));",
        render(new CreateSequence(sequence("big_seq", 3_000_000_000L, Long.MIN_VALUE))));
    assertEquals("op.dropSequence(\"users_seq\");", render(new DropSequence("users_seq")));
  }

  // Enum types.

  @Test
  void enumTypes() {
    assertEquals("op.createEnumType(enumType(\"order_status\", \"NEW\", \"PAID\"));",
        render(new CreateEnumType(enumType("order_status", "NEW", "PAID"))));
    assertEquals("op.dropEnumType(\"order_status\");", render(new DropEnumType("order_status")));
    assertEquals("op.alterEnumType(\"order_status\", \"NEW\", \"PAID\", \"SHIPPED\");",
        render(new AlterEnumType("order_status", List.of("NEW", "PAID", "SHIPPED"))));
    assertEquals("op.createEnumType(enumType(\"odd\", \"it's \\\"x\\\"\", \"a\\nb\", \"年\"));",
        render(new CreateEnumType(enumType("odd", "it's \"x\"", "a\nb", "年"))));
  }

  @Test
  void manyEnumValuesWrap() {
    List<String> values = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "VALUE_" + i).toList();

    assertEquals("""
        op.createEnumType(enumType("order_status", "VALUE_0", "VALUE_1", "VALUE_2", "VALUE_3",
            "VALUE_4", "VALUE_5", "VALUE_6", "VALUE_7", "VALUE_8", "VALUE_9", "VALUE_10", "VALUE_11"));""",
        render(new CreateEnumType(new EnumType("order_status", values))));
    assertEquals("""
        op.alterEnumType("order_status", "VALUE_0", "VALUE_1", "VALUE_2", "VALUE_3", "VALUE_4",
            "VALUE_5", "VALUE_6", "VALUE_7", "VALUE_8", "VALUE_9", "VALUE_10", "VALUE_11");""",
        render(new AlterEnumType("order_status", values)));
  }

  // alterColumn: every change kind.

  @Test
  void alterColumnDefaultsAndComments() {
    assertEquals("op.alterColumn(\"users\", \"age\", setDefault(\"0\"));",
        render(AlterColumn.of("users", "age", List.of(ColumnChange.setDefault("0")))));
    assertEquals("op.alterColumn(\"users\", \"age\", dropDefault());",
        render(AlterColumn.of("users", "age", List.of(ColumnChange.dropDefault()))));
    assertEquals("op.alterColumn(\"users\", \"age\", setComment(\"Age in years, \\\"roughly\\\"\\n*/\"));",
        render(AlterColumn.of("users", "age", List.of(ColumnChange.setComment("Age in years, \"roughly\"\n*/")))));
    assertEquals("op.alterColumn(\"users\", \"age\", dropComment());",
        render(AlterColumn.of("users", "age", List.of(ColumnChange.dropComment()))));
  }

  @Test
  void alterColumnWithEveryChangeWrapsBetweenChanges() {
    assertEquals("""
        op.alterColumn("orders", "status", type(varchar(20)), setNotNull(), setDefault("'NEW'"),
            setComment("Order state"));""",
        render(AlterColumn.of("orders", "status", List.of(ColumnChange.setComment("Order state"),
            ColumnChange.setDefault("'NEW'"), ColumnChange.setNotNull(), ColumnChange.type(SqlType.varchar(20))))));
    assertEquals("op.alterColumn(\"t\", \"c\", type(TEXT), dropNotNull(), dropDefault(), dropComment());",
        render(AlterColumn.of("t", "c", List.of(ColumnChange.dropComment(), ColumnChange.dropDefault(),
            ColumnChange.dropNotNull(), ColumnChange.type(SqlType.TEXT)))));
  }

  // Literals and imports.

  @Test
  void inlineLiteralsEscapeLikeJavaPoetButNeverSplit() {
    assertEquals("\"a\\nb\\r\\n\\t\\b\\f \\\"q\\\" 'x' \\\\u000a \\u0000 \\u007f ü\"",
        OperationRenderer.inlineLiteral("a\nb\r\n\t\b\f \"q\" 'x' \\u000a \u0000 \u007f ü").toString());
  }

  @Test
  void longLiterals() {
    assertEquals("0", OperationRenderer.longLiteral(0));
    assertEquals("2147483647", OperationRenderer.longLiteral(Integer.MAX_VALUE));
    assertEquals("-2147483648", OperationRenderer.longLiteral(Integer.MIN_VALUE));
    assertEquals("2147483648L", OperationRenderer.longLiteral(Integer.MAX_VALUE + 1L));
    assertEquals("-2147483649L", OperationRenderer.longLiteral(Integer.MIN_VALUE - 1L));
    assertEquals("-9223372036854775808L", OperationRenderer.longLiteral(Long.MIN_VALUE));
  }

  @Test
  void importsTheActionsUsedButNeverNoAction() {
    OperationRenderer renderer = new OperationRenderer();
    renderer.statement(new AddConstraint("s", foreignKey("fk", List.of("a"), "t", List.of("x"))
        .onDelete(CASCADE).onUpdate(ReferentialAction.NO_ACTION)));
    renderer.statement(new CreateIndex("t", index("ix", asc("a"), desc("b"))));

    assertEquals(Set.of(
            "dev.autogenerate.schema.ForeignKey.foreignKey",
            "dev.autogenerate.schema.ReferentialAction.CASCADE",
            "dev.autogenerate.schema.Index.index",
            "dev.autogenerate.schema.IndexColumn.asc",
            "dev.autogenerate.schema.IndexColumn.desc"),
        renderer.usedStaticImports());
  }

  @Test
  void everySampleOperationRenders() {
    for (Change step : OperationSamples.concat(OperationSamples.upgrade(), OperationSamples.downgrade())) {
      assertTrue(render(step.operation()).startsWith("op."), step.operation()::toString);
    }
  }
}
