package dev.autogenerate.codegen;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.PrimaryKey;
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
  void createTableWithoutElements() {
    assertEquals("op.createTable(\"empty\");", render(new CreateTable(Table.of("empty", List.of()))));
  }

  @Test
  void namedPrimaryKeyIsWrittenWithoutItsName() {
    Table table = new Table("users", List.of(column("id", SqlType.BIGINT).notNull()),
        Optional.of(new PrimaryKey("users_pkey", List.of("id"))));

    assertEquals("""
        op.createTable("users",
            column("id", BIGINT).notNull(),
            primaryKey("id"));""", render(new CreateTable(table)));
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
}
