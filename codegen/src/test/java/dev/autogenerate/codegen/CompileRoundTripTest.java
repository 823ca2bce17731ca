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
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;
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
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations to source, source to class, class back to operations: the generated file compiles
 * cleanly (no errors, no lint or Javadoc warnings) and records exactly what it was made from.
 */
class CompileRoundTripTest {

  @TempDir
  Path temp;

  private final MigrationWriter writer = new MigrationWriter();

  /** Writes, compiles and instantiates the migration, asserting a clean compile. */
  private Migration compileAndLoad(MigrationSource source) throws Exception {
    Path file = writer.writeTo(temp.resolve("src"), source);
    JavaCompilation.Result result = JavaCompilation.compile(file, temp.resolve("classes"));

    assertTrue(result.success(), () -> result.report() + "\n" + writer.write(source));
    assertEquals(List.of(), result.problems(), () -> result.report() + "\n" + writer.write(source));

    String binaryName = source.packageName().isEmpty()
        ? source.className()
        : source.packageName() + "." + source.className();
    Class<?> type = result.load(binaryName, getClass().getClassLoader());
    return (Migration) type.getDeclaredConstructor().newInstance();
  }

  static List<Operation> upgradeOf(Migration migration) {
    Operations op = new Operations();
    migration.upgrade(op);
    return op.recorded();
  }

  static List<Operation> downgradeOf(Migration migration) {
    Operations op = new Operations();
    migration.downgrade(op);
    return op.recorded();
  }

  @Test
  void realisticMigrationRecordsWhatItWasMadeFrom() throws Exception {
    MigrationSource source = Fixtures.addOrders();

    Migration migration = compileAndLoad(source);

    assertEquals(Fixtures.operations(source.upgrade()), upgradeOf(migration));
    assertEquals(Fixtures.operations(source.downgrade()), downgradeOf(migration));
    Revision revision = migration.getClass().getAnnotation(Revision.class);
    assertEquals("3f2a9c1b7d4e", revision.id());
    assertArrayEquals(new String[] {"9b1c2d3e4f5a"}, revision.revises());
    assertEquals("add orders", revision.message());
    assertEquals("2026-11-22T15:30:00Z", revision.created());
  }

  @Test
  void goldenMigrationOfTheNewConstructsRecordsWhatItWasMadeFrom() throws Exception {
    MigrationSource source = Fixtures.addOrderStatus();

    Migration migration = compileAndLoad(source);

    assertEquals(Fixtures.operations(source.upgrade()), upgradeOf(migration));
    assertEquals(Fixtures.operations(source.downgrade()), downgradeOf(migration));
  }

  @Test
  void everyTypeRoundTrips() throws Exception {
    List<Column> columns = new ArrayList<>();
    for (SqlType.Kind kind : SqlType.Kind.values()) {
      if (kind != SqlType.Kind.RAW && kind != SqlType.Kind.CHAR) {
        columns.add(column("plain_" + kind.name().toLowerCase(), new SqlType(kind, null, null, null, null)));
      }
    }
    columns.add(column("v", SqlType.varchar(255)).notNull());
    columns.add(column("c", SqlType.character(2)));
    columns.add(column("b", SqlType.binary(16)));
    columns.add(column("n2", SqlType.numeric(12, 2)));
    columns.add(column("n1", SqlType.numeric(8)));
    columns.add(column("t", SqlType.time(3)));
    columns.add(column("ttz", SqlType.timeTz(0)));
    columns.add(column("ts", SqlType.timestamp(3)));
    columns.add(column("tstz", SqlType.timestampTz(6)));
    columns.add(column("raw", SqlType.sqlType("tsvector")));
    columns.add(column("raw_args", SqlType.sqlType("geometry(Point, 4326)")));
    columns.add(column("id", SqlType.UUID).generatedAsIdentity());
    List<dev.autogenerate.schema.TableElement> elements = new ArrayList<>(columns);
    elements.add(primaryKey("id", "v"));
    List<Operation> upgrade = List.of(
        new CreateTable(Table.of("everything", elements)),
        AlterColumn.of("everything", "n1", List.of(ColumnChange.type(SqlType.numeric(9, 3)))),
        AlterColumn.of("everything", "t", List.of(ColumnChange.dropNotNull())),
        AlterColumn.of("everything", "c", List.of(ColumnChange.type(SqlType.TEXT), ColumnChange.setNotNull())));
    MigrationSource source = Fixtures.withSteps("M20261122_153000_every_type",
        Fixtures.steps(upgrade.toArray(new Operation[0])), List.of());

    Migration migration = compileAndLoad(source);

    assertEquals(upgrade, upgradeOf(migration));
    assertEquals(List.of(), downgradeOf(migration));
  }

  @Test
  void hostileTextSurvivesCompilationUnchanged() throws Exception {
    String sql = "UPDATE \"users\" SET note = 'it''s \\u000a */ /* \" \\\\'\r\nWHERE id = $1 AND name <> 'ü 年 🚀'\n\t-- end\n";
    String message = "fix */ <b>users</b> & @deprecated\n@since {@link X} \\u002a/ \\u000a\r\n$L $S %s";
    List<Change> upgrade = List.of(
        new Change(new ExecuteSql(sql), "comment with */ and \\u000a and\nsecond line \"quoted\" $L"),
        new Change(new AddColumn("weird \"table\"", column("col\\umn", SqlType.sqlType("my\"type"))),
            "@Override"));
    List<Change> downgrade = List.of(new Change(new ExecuteSql("SELECT 1"), "*/"));
    MigrationSource source = new MigrationSource(Fixtures.PACKAGE, "M20261122_153000_hostile", "abc",
        List.of("def"), message, Fixtures.CREATED, upgrade, downgrade);

    Migration migration = compileAndLoad(source);

    assertEquals(Fixtures.operations(upgrade), upgradeOf(migration));
    assertEquals(Fixtures.operations(downgrade), downgradeOf(migration));
    assertEquals(message, migration.getClass().getAnnotation(Revision.class).message());
  }

  /** Names, values and text in every position an operation has, each trying to break its literal. */
  @Test
  void hostileNamesSurviveInEveryPosition() throws Exception {
    String n = "we\"ird */ /* \\u000a \\\\u002a/ $S %s\r\nname\tü 年 🚀 \u0000";
    List<Operation> upgrade = List.of(
        new CreateTable(Table.of(n, List.of(
            column(n, SqlType.sqlType(n)).notNull().defaultSql(n).comment(n),
            primaryKey(n).named(n),
            unique(n, n),
            foreignKey(n, List.of(n), n, List.of(n)).onDelete(ReferentialAction.CASCADE),
            check(n, n)))),
        new AddColumn(n, column(n, SqlType.sqlType(n)).generatedAsIdentity().defaultSql(n).comment(n)),
        new DropColumn(n, n),
        AlterColumn.of(n, n, List.of(ColumnChange.type(SqlType.sqlType(n)), ColumnChange.setDefault(n),
            ColumnChange.setComment(n))),
        new SetTableComment(n, n),
        new AddConstraint(n, unique(n, n, n + "2")),
        new AddConstraint(n, check(n, n)),
        new DropConstraint(n, n),
        new CreateIndex(n, index(n, n, n + "2")),
        new CreateIndex(n, index(n, asc(n), desc(n))),
        new CreateIndex(n, uniqueIndex(n, desc(n))),
        new CreateIndex(n, verbatim(n, true, n)),
        new DropIndex(n, n),
        new CreateSequence(sequence(n, 1, 1)),
        new DropSequence(n),
        new CreateEnumType(enumType(n, n, n + "2")),
        new DropEnumType(n),
        new AlterEnumType(n, List.of(n, "")),
        new DropTable(n),
        new ExecuteSql(n));
    MigrationSource source = Fixtures.withSteps("M20261122_153000_hostile_names",
        Fixtures.steps(upgrade.toArray(new Operation[0])), List.of());

    assertEquals(upgrade, upgradeOf(compileAndLoad(source)));
  }

  @Test
  void emptyFirstRevisionCompilesAndRecordsNothing() throws Exception {
    MigrationSource source = new MigrationSource(Fixtures.PACKAGE,
        MigrationNames.className(Instant.parse("2026-01-01T00:00:00Z"), ""), RevisionIds.random(), null, "",
        Instant.parse("2026-01-01T00:00:00Z"), List.of(), List.of());

    Migration migration = compileAndLoad(source);

    assertEquals(List.of(), upgradeOf(migration));
    assertEquals(List.of(), downgradeOf(migration));
    Revision revision = migration.getClass().getAnnotation(Revision.class);
    assertArrayEquals(new String[0], revision.revises());
    assertEquals("", revision.message());
  }

  @Test
  void aMergeCompilesWithBothParents() throws Exception {
    MigrationSource source = new MigrationSource(Fixtures.PACKAGE, "M20261122_153000_merge", "m3m3m3m3m3m3",
        List.of("a1a1a1a1a1a1", "b2b2b2b2b2b2"), "merge", Fixtures.CREATED, List.of(), List.of());

    Revision revision = compileAndLoad(source).getClass().getAnnotation(Revision.class);

    assertArrayEquals(new String[] {"a1a1a1a1a1a1", "b2b2b2b2b2b2"}, revision.revises());
  }

  /**
   * Every operation type, every factory and every option of {@link OperationSamples}, with hostile
   * text in defaults, comments, check expressions, index definitions and enum values; the
   * downgrade is the one the diff would derive (inverses against the schema before each step).
   */
  @Test
  void everyOperationAndOptionRoundTrips() throws Exception {
    List<Change> upgrade = OperationSamples.upgrade();
    List<Change> downgrade = OperationSamples.downgrade();
    MigrationSource source = Fixtures.withSteps("M20261122_153000_everything", upgrade, downgrade);

    Migration migration = compileAndLoad(source);

    assertEquals(Fixtures.operations(upgrade), upgradeOf(migration));
    assertEquals(Fixtures.operations(downgrade), downgradeOf(migration));
    Schema after = replay(OperationSamples.BEFORE, upgradeOf(migration));
    assertEquals(OperationSamples.after(), after);
    Schema back = replay(after, downgradeOf(migration));
    assertEquals(OperationSamples.BEFORE.tables().keySet(), back.tables().keySet());
    assertEquals(OperationSamples.BEFORE.sequences(), back.sequences());
    assertEquals(OperationSamples.BEFORE.enumTypes(), back.enumTypes());
  }

  private static Schema replay(Schema schema, List<Operation> operations) {
    for (Operation operation : operations) {
      schema = operation.applyTo(schema);
    }
    return schema;
  }

  @Test
  void addColumnWithEveryNullabilityRoundTrips() throws Exception {
    List<Operation> upgrade = List.of(
        new AddColumn("users", column("a", SqlType.INTEGER)),
        new AddColumn("users", column("b", SqlType.INTEGER).notNull()),
        new AddColumn("users", column("c", SqlType.BIGINT).generatedAsIdentity()));
    MigrationSource source = Fixtures.withSteps("M20261122_153000_nullability",
        Fixtures.steps(upgrade.toArray(new Operation[0])), List.of());

    assertEquals(upgrade, upgradeOf(compileAndLoad(source)));
  }
}
