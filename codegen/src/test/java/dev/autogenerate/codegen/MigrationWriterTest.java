package dev.autogenerate.codegen;

import dev.autogenerate.changes.Change;
import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.schema.SqlType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationWriterTest {

  private final MigrationWriter writer = new MigrationWriter();

  private static MigrationSource source(List<String> revises, String message, List<Change> upgrade,
      List<Change> downgrade) {
    return new MigrationSource(Fixtures.PACKAGE, "M20261122_153000_x", "3f2a9c1b7d4e", revises, message,
        Fixtures.CREATED, upgrade, downgrade);
  }

  @Test
  void sameSourceGivesTheSameText() {
    String first = writer.write(Fixtures.addOrders());
    String second = new MigrationWriter().write(Fixtures.addOrders());

    assertEquals(first, second);
    assertEquals(first, writer.toJavaFile(Fixtures.addOrders()).toString());
  }

  @Test
  void importsDoNotDependOnTheOrderOfUse() {
    List<Change> steps = Fixtures.steps(
        new AddColumn("a", column("x", SqlType.TEXT)),
        new AddColumn("a", column("y", SqlType.BIGINT)));
    String text = writer.write(source(List.of(), "m", steps, List.of()));

    assertTrue(text.contains("""
        import static dev.autogenerate.schema.Column.column;
        import static dev.autogenerate.schema.SqlType.BIGINT;
        import static dev.autogenerate.schema.SqlType.TEXT;

        import dev.autogenerate.migration.Migration;
        """), text);
  }

  @Test
  void firstRevisionHasNoRevises() {
    String text = writer.write(source(null, "initial schema", List.of(), List.of()));

    assertFalse(text.contains("revises"), text);
    assertTrue(text.contains("""
        @Revision(
            id = "3f2a9c1b7d4e",
            message = "initial schema",
            created = "2026-11-22T15:30:00Z"
        )
        public final class M20261122_153000_x implements Migration {
        """), text);
    assertEquals(writer.write(source(List.of(), "initial schema", List.of(), List.of())), text);
  }

  @Test
  void emptyRevisionTellsTheUserWhatToWrite() {
    String text = writer.write(source(List.of("9b1c2d3e4f5a"), "backfill names", List.of(), List.of()));

    assertTrue(text.endsWith("""
        public final class M20261122_153000_x implements Migration {
          @Override
          public void upgrade(Operations op) {
            // Write the schema change here: op.addColumn(...), op.alterColumn(...), op.execute(...)
          }

          @Override
          public void downgrade(Operations op) {
            // Undo the upgrade here: op.dropColumn(...), op.alterColumn(...), op.execute(...)
          }
        }
        """), text);
    assertTrue(text.contains(" * <p>An empty revision"), text);
    assertFalse(text.contains("import static"), "nothing to import statically:\n" + text);
  }

  /** A merge names both parents in braces; an ordinary revision keeps its plain string (above). */
  @Test
  void aMergeListsItsParents() {
    String text = writer.write(source(List.of("9b1c2d3e4f5a", "4e5f6a7b8c9d"), "merge", List.of(), List.of()));

    assertTrue(text.contains("""
        @Revision(
            id = "3f2a9c1b7d4e",
            revises = {"9b1c2d3e4f5a", "4e5f6a7b8c9d"},
            message = "merge",
        """), text);
    assertTrue(text.contains(" * <p>A merge, created by autogenerate: it joins the branches ending at\n"
        + " * 9b1c2d3e4f5a, 4e5f6a7b8c9d into one history again."), text);
    assertFalse(text.contains("An empty revision"), text);
  }

  @Test
  void emptyMessageLeavesOutTheMemberAndTheJavadocSummary() {
    String text = writer.write(source(List.of("9b1c2d3e4f5a"), "", List.of(), List.of()));

    assertFalse(text.contains("message ="), text);
    assertTrue(text.contains("""
        /**
         * <p>An empty revision"""), text);
  }

  @Test
  void createdIsUtcToTheSecond() {
    MigrationSource source = new MigrationSource(Fixtures.PACKAGE, "M1", "a", List.of(), "m",
        Instant.parse("2026-01-02T03:04:05.678901Z"), List.of(), List.of());

    assertTrue(writer.write(source).contains("created = \"2026-01-02T03:04:05Z\""));
  }

  @Test
  void eachCommentGoesOnItsOwnLineAboveItsStatement() {
    List<Change> upgrade = List.of(
        new Change(new AddColumn("users", column("age", SqlType.INTEGER)), "users.age: new field User.age"),
        new Change(new DropColumn("users", "a"), null),
        new Change(new DropColumn("users", "b"), "  "),
        new Change(new DropTable("old"), "two\nlines\r\n\nand a blank one"));
    String text = writer.write(source(List.of("9b1c2d3e4f5a"), "m", upgrade, List.of()));

    assertTrue(text.contains("""
          public void upgrade(Operations op) {
            // users.age: new field User.age
            op.addColumn("users", column("age", INTEGER));
            op.dropColumn("users", "a");
            op.dropColumn("users", "b");

            // two
            // lines
            //
            // and a blank one
            op.dropTable("old");
          }
        """), text);
  }

  @Test
  void longReasonsAndWarningsWrapAtWordsWithinTheLineWidth() {
    String reason = "orders.id takes its ids from orders_seq now: moved past the rows' ids, or inserts collide with them\n"
        + "WARNING: dropping it deletes its values (the downgrade counts the rows holding a value when it runs)";
    List<Change> upgrade = List.of(new Change(new DropColumn("orders", "legacy"), reason));
    String text = writer.write(source(List.of("9b1c2d3e4f5a"), "m", upgrade, List.of()));

    assertTrue(text.contains("""
            // orders.id takes its ids from orders_seq now: moved past the rows' ids, or inserts collide
            // with them
            // WARNING: dropping it deletes its values (the downgrade counts the rows holding a value when
            // it runs)
            op.dropColumn("orders", "legacy");
        """), text);
    assertLinesWithin(MigrationWriter.LINE_WIDTH, text);
  }

  @Test
  void aWordLongerThanALineStaysWholeOnALineOfItsOwn() {
    String identifier = "x".repeat(120);
    List<Change> upgrade = List.of(new Change(new DropTable("t"), "table " + identifier + " goes, as asked"));
    String text = writer.write(source(List.of("9b1c2d3e4f5a"), "m", upgrade, List.of()));

    assertTrue(text.contains("    // table\n    // " + identifier + "\n    // goes, as asked\n"), text);
    assertEquals(text, writer.write(source(List.of("9b1c2d3e4f5a"), "m", upgrade, List.of())));
  }

  @Test
  void reasonsInNestedPartsWrapForTheirDeeperIndent() {
    String reason = "a reason that fits on one line at four spaces of indent, but not at six, as in nested parts";
    List<Change> upgrade = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      upgrade.add(new Change(new DropTable("table_with_a_long_name_" + i), reason + " " + i));
    }
    MigrationWriter tiny = new MigrationWriter(new MethodLayout.Budget(1, 200));
    String text = tiny.write(source(List.of("9b1c2d3e4f5a"), "m", upgrade, List.of()));

    assertTrue(text.contains("private static final class UpgradePart1"), text);
    assertTrue(text.contains("      // " + reason + "\n      // 0\n"), text);
    assertLinesWithin(MigrationWriter.LINE_WIDTH, text);
  }

  private static void assertLinesWithin(int width, String text) {
    List<String> longer = text.lines().filter(line -> line.length() > width).toList();
    assertEquals(List.of(), longer, text);
  }

  @Test
  void statementsThatWrapAreSetOffByBlankLinesLikeMultiLineOnes() {
    List<Change> upgrade = List.of(
        Change.of(new DropColumn("users", "a")),
        Change.of(AlterColumn.of("customers", "email", List.of(ColumnChange.type(SqlType.varchar(320)),
            ColumnChange.setNotNull(), ColumnChange.setDefault("''"), ColumnChange.setComment("Where receipts go")))),
        Change.of(new DropColumn("users", "b")),
        Change.of(AlterColumn.of("users", "c", List.of(ColumnChange.setNotNull(),
            ColumnChange.setComment("Short enough for one line, 100 column")))),
        Change.of(new DropColumn("users", "d")));
    String text = writer.write(source(List.of("9b1c2d3e4f5a"), "m", upgrade, List.of()));

    assertTrue(text.contains("""
          public void upgrade(Operations op) {
            op.dropColumn("users", "a");

            op.alterColumn("customers", "email", type(varchar(320)), setNotNull(), setDefault("''"),
                setComment("Where receipts go"));

            op.dropColumn("users", "b");
            op.alterColumn("users", "c", setNotNull(), setComment("Short enough for one line, 100 column"));
            op.dropColumn("users", "d");
          }
        """), text);
  }

  @Test
  void commentsCannotEscapeTheirLine() {
    List<Change> upgrade = List.of(
        new Change(new DropTable("t"), "sneaky \\u000a op.dropTable(\"x\"); */ \\\\u000a"));
    String text = writer.write(source(List.of("9b1c2d3e4f5a"), "m", upgrade, List.of()));

    assertTrue(text.contains("    // sneaky \\\\u000a op.dropTable(\"x\"); */ \\\\u000a\n"), text);
  }

  @Test
  void messageCannotBreakTheJavadoc() {
    String message = "fix */ the <b>users</b> & @deprecated\n@since {@link x} a*/b \\u002a/ mail@example.com";
    String text = writer.write(source(List.of("9b1c2d3e4f5a"), message, List.of(), List.of()));

    assertTrue(text.contains("""
        /**
         * fix *&#47; the &lt;b&gt;users&lt;/b&gt; &amp; @deprecated
         * &#64;since {&#64;link x} a*&#47;b \\\\u002a/ mail@example.com
         *
         * <p>"""), text);
    assertEquals(1, commentEndsOutsideStringLiterals(text),
        "only the Javadoc's own end may close a comment:\n" + text);
    assertTrue(text.contains("""
            message = "fix */ the <b>users</b> & @deprecated\\n"
                + "@since {@link x} a*/b \\\\u002a/ mail@example.com",
        """), text);
  }

  private static int commentEndsOutsideStringLiterals(String text) {
    int count = 0;
    for (String line : text.split("\n")) {
      if (!line.contains("\"")) {
        count += line.split("\\*/", -1).length - 1;
      }
    }
    return count;
  }

  @Test
  void writesIntoTheGivenDirectoryNotAPackageFolder(@TempDir Path directory) throws Exception {
    MigrationSource source = Fixtures.addOrders();

    Path file = writer.writeTo(directory, source);

    assertEquals(directory.resolve("M20261122_153000_add_orders.java"), file);
    assertEquals(writer.write(source), Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void createsAMissingDirectory(@TempDir Path directory) {
    Path migrations = directory.resolve("src/main/java/com/example/migrations");

    Path file = writer.writeTo(migrations, Fixtures.addOrders());

    assertTrue(Files.isRegularFile(file));
    assertEquals(migrations, file.getParent());
  }

  @Test
  void refusesToOverwriteAnExistingFile(@TempDir Path directory) throws Exception {
    Path existing = directory.resolve("M20261122_153000_add_orders.java");
    Files.writeString(existing, "// hand edits");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> writer.writeTo(directory, Fixtures.addOrders()));

    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertTrue(e.getMessage().contains(existing.toString()), e.getMessage());
    assertEquals("// hand edits", Files.readString(existing));
  }

  @Test
  void writesNonAsciiTextAsUtf8(@TempDir Path directory) throws Exception {
    MigrationSource source = new MigrationSource(Fixtures.PACKAGE, "M20261122_153000_utf8", "a", List.of(),
        "ajouter l'âge — 年齢", Fixtures.CREATED,
        List.of(Change.of(new ExecuteSql("UPDATE t SET s = 'ü'"), "données")), List.of());

    Path file = writer.writeTo(directory, source);

    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains("message = \"ajouter l'âge — 年齢\""), text);
    assertTrue(text.contains("// données"), text);
  }

  @Test
  void rejectsInvalidNames() {
    assertThrows(IllegalArgumentException.class, () -> new MigrationSource(
        Fixtures.PACKAGE, "2020_x", "a", List.of(), "", Fixtures.CREATED, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MigrationSource(
        Fixtures.PACKAGE, "class", "a", List.of(), "", Fixtures.CREATED, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MigrationSource(
        "com.example.new", "M1", "a", List.of(), "", Fixtures.CREATED, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MigrationSource(
        Fixtures.PACKAGE, "M1", " ", List.of(), "", Fixtures.CREATED, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MigrationSource(
        Fixtures.PACKAGE, "M1", "a", List.of("a"), "", Fixtures.CREATED, List.of(), List.of()));
  }

  @Test
  void unnamedPackageIsAllowed() {
    MigrationSource source = new MigrationSource("", "M1", "a", null, null, Fixtures.CREATED, null, null);

    String text = writer.write(source);

    assertTrue(text.startsWith("import dev.autogenerate.migration.Migration;"), text);
  }

  @Test
  void unicodeEscapesAreNeutralized() {
    assertEquals("a \\\\u000a b", MigrationWriter.neutralizeUnicodeEscapes("a \\u000a b"));
    assertEquals("a \\\\u000a b", MigrationWriter.neutralizeUnicodeEscapes("a \\\\u000a b"));
    assertEquals("a \\\\\\\\uuu000a", MigrationWriter.neutralizeUnicodeEscapes("a \\\\\\uuu000a"));
    assertEquals("no escapes \\n here", MigrationWriter.neutralizeUnicodeEscapes("no escapes \\n here"));
    assertEquals("trailing \\", MigrationWriter.neutralizeUnicodeEscapes("trailing \\"));
  }
}
