package dev.autogenerate.codegen;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.codegen.CompileRoundTripTest.downgradeOf;
import static dev.autogenerate.codegen.CompileRoundTripTest.upgradeOf;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.migration.Migration;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropIndex;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations too large for one method: split into one method per table (or nested classes when
 * the constants crowd one class), compiling cleanly at any size and recording exactly what they
 * were made from; ordinary ones untouched.
 */
class LargeMigrationTest {

  private static final MethodLayout.Budget UNLIMITED = new MethodLayout.Budget(Integer.MAX_VALUE, Integer.MAX_VALUE);

  @TempDir Path temp;

  @Test
  void anOrdinaryMigrationIsWrittenAsIfNothingWereEverSplit() {
    for (MigrationSource source : List.of(Fixtures.addOrders(), Fixtures.addOrderStatus(), firstMigration(60, 8))) {
      String written = new MigrationWriter().write(source);
      assertEquals(new MigrationWriter(UNLIMITED).write(source), written);
      assertFalse(written.contains("private static"), written);
    }
  }

  @Test
  void aFirstMigrationPastJavasLimitIsOneMethodPerTableAndCompiles() throws Exception {
    MigrationSource source = firstMigration(180, 20);
    String text = new MigrationWriter().write(source);
    assertTrue(text.contains("""
          @Override
          public void upgrade(Operations op) {
            // One method per table, sequence, type or SQL statement, run in this order: in one method
            // the steps would pass Java's limit of 64 KB of code per method.
            createTable0(op);
            createTable1(op);
        """), text);
    assertTrue(text.contains("""
          private static void createTable1(Operations op) {
            // table_1: new entity Entity1
            op.createTable("table_1",
        """), text);
    assertTrue(text.contains("""
            op.createIndex("table_1", index("ix_table_1_c1_c2", "c1", "c2"));
          }
        """), text);
    assertFalse(text.contains("class UpgradePart"), text);

    Migration migration = compileAndLoad(source, new MigrationWriter(), "split");
    assertEquals(Fixtures.operations(source.upgrade()), upgradeOf(migration));
    assertEquals(Fixtures.operations(source.downgrade()), downgradeOf(migration));
    int upgradeCode = codeLengths(temp.resolve("split-classes/com/example/app/migrations/M1.class")).entrySet().stream()
        .filter(method -> method.getKey().startsWith("create"))
        .mapToInt(Map.Entry::getValue)
        .sum();
    assertTrue(upgradeCode > 65_535, "one method could not hold the upgrade: " + upgradeCode + " bytes");
  }

  @Test
  void theSameStepsGiveTheSameBytes() {
    MigrationSource source = firstMigration(180, 20);
    String first = new MigrationWriter().write(source);
    assertEquals(first, new MigrationWriter().write(source));
    assertEquals(first, new MigrationWriter().write(firstMigration(180, 20)));
  }

  @Test
  void constantsTooManyForOneClassGoIntoNestedParts() throws Exception {
    MigrationSource source = firstMigration(12, 4);
    MigrationWriter writer = new MigrationWriter(new MethodLayout.Budget(400, 1_120));

    String text = writer.write(source);
    assertTrue(text.contains("""
          public void upgrade(Operations op) {
            // One method per table, sequence, type or SQL statement, run in this order, in nested
            // classes: one class would pass Java's limits of 64 KB of code per method and 65,535
            // constants per class.
            UpgradePart1.run(op);
            UpgradePart2.run(op);
        """), text);
    assertTrue(text.contains("  /**\n   * The upgrade, part 1 of 2: createTable0 to createTable7.\n   */\n"), text);
    assertTrue(text.contains("""
          private static final class UpgradePart1 {
            private UpgradePart1() {
            }

            static void run(Operations op) {
              createTable0(op);
        """), text);
    assertTrue(text.contains("private static final class DowngradePart1 {"), text);

    Migration migration = compileAndLoad(source, writer, "parts");
    assertEquals(Fixtures.operations(source.upgrade()), upgradeOf(migration));
    assertEquals(Fixtures.operations(source.downgrade()), downgradeOf(migration));
  }

  @Test
  void aGroupTooLargeForOneMethodContinuesInTheNext() throws Exception {
    List<Change> upgrade = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      upgrade.add(Change.of(AlterColumn.of("users", "c" + i, List.of(ColumnChange.setNotNull()))));
    }
    List<Change> downgrade = upgrade.stream()
        .map(change -> Change.of(AlterColumn.of("users", ((AlterColumn) change.operation()).column(),
            List.of(ColumnChange.dropNotNull()))))
        .toList();
    MigrationSource source = Fixtures.withSteps("M2", upgrade, downgrade);
    MigrationWriter writer = new MigrationWriter(new MethodLayout.Budget(200, 50_000));

    String text = writer.write(source);
    assertTrue(text.contains("    alterUsers(op);\n    alterUsersPart2(op);\n"), text);
    assertTrue(text.contains("    alterUsers2(op);\n    alterUsers2Part2(op);\n"), text);

    Migration migration = compileAndLoad(source, writer, "chunks");
    assertEquals(Fixtures.operations(upgrade), upgradeOf(migration));
    assertEquals(Fixtures.operations(downgrade), downgradeOf(migration));
  }

  @Test
  void methodNamesAreValidUniqueAndLeaveTheImportedFactoriesAlone() throws Exception {
    List<Change> upgrade = List.of(
        create("order_items"),
        create("Order Items"),
        create("ORDER_ITEMS"),
        create("sales.orders"),
        create("日本"),
        Change.of(new ExecuteSql("select 1")),
        Change.of(new ExecuteSql("select 2")),
        Change.of(AlterColumn.of("order_items", "id", List.of(ColumnChange.dropDefault()))),
        Change.of(new DropTable("default")));
    MigrationSource source = Fixtures.withSteps("M3", upgrade, List.of());
    MigrationWriter writer = new MigrationWriter(new MethodLayout.Budget(1, 50_000));

    String text = writer.write(source);
    List<String> calls = text.lines()
        .dropWhile(line -> !line.contains("public void upgrade"))
        .skip(3)
        .takeWhile(line -> !line.equals("  }"))
        .map(String::strip)
        .toList();
    assertEquals(List.of(
        "createOrderItems(op);",
        "createOrderItems2(op);",
        "createOrderItems3(op);",
        "createSalesOrders(op);",
        "createTable(op);",
        "executeSql(op);",
        "executeSql2(op);",
        "alterOrderItems(op);",
        // ColumnChange.dropDefault is imported: a method of that name would hide it.
        "dropDefault2(op);"), calls);

    Migration migration = compileAndLoad(source, writer, "names");
    assertEquals(Fixtures.operations(upgrade), upgradeOf(migration));
  }

  /**
   * The estimate that decides where to split is never below what javac emits: every sample
   * statement (every operation, factory and option) in a method of its own, compared with its
   * bytecode's length as {@code javap} reads it.
   */
  @Test
  void theCodeSizeEstimateIsNeverBelowJavacs() throws Exception {
    MigrationSource source = Fixtures.withSteps("M4", OperationSamples.upgrade(), OperationSamples.downgrade());
    MigrationWriter writer = new MigrationWriter(new MethodLayout.Budget(1, 50_000));
    Path file = writer.writeTo(temp.resolve("estimate"), source);
    JavaCompilation.Result result = JavaCompilation.compile(file, temp.resolve("estimate-classes"));
    assertTrue(result.success(), result::report);

    Map<String, Integer> compiled = codeLengths(result.classes().resolve("com/example/app/migrations/M4.class"));
    Map<String, String> bodies = methodBodies(Files.readString(file));
    assertEquals(OperationSamples.upgrade().size() + OperationSamples.downgrade().size(), bodies.size());
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      int estimate = 1 + CodeSize.ofStatement(body.getValue()).bytes();
      int actual = compiled.get(body.getKey());
      assertTrue(estimate >= actual, body.getKey() + ": estimated " + estimate + ", javac " + actual + "\n"
          + body.getValue());
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * A first migration as the diff writes it: per table a {@code createTable} with {@code columns}
   * columns, keys and a foreign key to the table before, and an index; the downgrade drops them.
   */
  static MigrationSource firstMigration(int tables, int columns) {
    List<Change> upgrade = new ArrayList<>();
    List<Change> downgrade = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      String name = "table_" + t;
      List<TableElement> elements = new ArrayList<>();
      elements.add(column("id", SqlType.BIGINT).generatedAsIdentity());
      for (int c = 1; c <= columns; c++) {
        elements.add(c % 2 == 0 ? column("c" + c, SqlType.varchar(100)).notNull() : column("c" + c, SqlType.INTEGER));
      }
      elements.add(primaryKey("id").named(name + "_pkey"));
      elements.add(unique("uq_" + name + "_c1", "c1"));
      if (t > 0) {
        elements.add(column("previous_id", SqlType.BIGINT));
        elements.add(foreignKey("fk_" + name + "_previous_id", List.of("previous_id"), "table_" + (t - 1),
            List.of("id")));
      }
      String index = "ix_" + name + "_c1_c2";
      upgrade.add(new Change(new CreateTable(Table.of(name, elements)), name + ": new entity Entity" + t));
      upgrade.add(Change.of(new CreateIndex(name, index(index, "c1", "c2"))));
      downgrade.add(0, Change.of(new DropTable(name)));
      downgrade.add(0, Change.of(new DropIndex(name, index)));
    }
    return Fixtures.withSteps("M1", upgrade, downgrade);
  }

  private static Change create(String table) {
    return Change.of(new CreateTable(Table.of(table, List.of(column("id", SqlType.BIGINT)))));
  }

  private JavaCompilation.Result compile(MigrationSource source, MigrationWriter writer, String name)
      throws Exception {
    Path file = writer.writeTo(temp.resolve(name), source);
    return JavaCompilation.compile(file, temp.resolve(name + "-classes"));
  }

  /** Compiles with every lint warning on, asserting none, and loads the migration. */
  private Migration compileAndLoad(MigrationSource source, MigrationWriter writer, String name) throws Exception {
    JavaCompilation.Result result = compile(source, writer, name);
    assertTrue(result.success(), result::report);
    assertEquals(List.of(), result.problems(), result::report);
    Class<?> type = result.load(source.packageName() + "." + source.className(), getClass().getClassLoader());
    return (Migration) type.getDeclaredConstructor().newInstance();
  }

  /** Each private method's bytecode length, by name, as {@code javap -c} shows it. */
  private static Map<String, Integer> codeLengths(Path classFile) {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    StringWriter out = new StringWriter();
    assertEquals(0, javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p",
        classFile.toString()));
    Map<String, Integer> lengths = new LinkedHashMap<>();
    String method = null;
    Pattern header = Pattern.compile("private static void (\\w+)\\(");
    Pattern instruction = Pattern.compile("^\\s+(\\d+): (\\w+)");
    for (String line : out.toString().lines().toList()) {
      Matcher name = header.matcher(line);
      Matcher code = instruction.matcher(line);
      if (name.find()) {
        method = name.group(1);
      } else if (method != null && code.find() && code.group(2).equals("return")) {
        lengths.put(method, Integer.parseInt(code.group(1)) + 1);
        method = null;
      }
    }
    return lengths;
  }

  /** Each private method's body, comments left out, by name. */
  private static Map<String, String> methodBodies(String source) {
    Map<String, String> bodies = new LinkedHashMap<>();
    Matcher method = Pattern.compile("\n  private static void (\\w+)\\(Operations op\\) \\{\n(.*?)\n  }\n",
        Pattern.DOTALL).matcher(source);
    while (method.find()) {
      String body = method.group(2).lines().filter(line -> !line.strip().startsWith("//"))
          .reduce("", (a, b) -> a + b + "\n");
      bodies.put(method.group(1), body);
    }
    return bodies;
  }
}
