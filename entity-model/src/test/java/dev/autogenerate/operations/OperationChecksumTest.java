package dev.autogenerate.operations;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checksum of a revision's operations: its format, what it depends on, and old checksums. */
class OperationChecksumTest {

  /** Pinned: a change here means every database migrated so far would see its revisions as edited. */
  private static final String EVERY_OPERATION_V1 = "v1:B78Kad7oRb0NqfPfKewnBwBzFbTVGB4SHbbnR99MBc0";

  private static byte[] sha256(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** What the release before versioning recorded: hex SHA-256 of the operation list's toString(). */
  private static String legacy(List<Operation> operations) throws Exception {
    return HexFormat.of().formatHex(sha256(operations.toString()));
  }

  private static String checksum(Operation... operations) {
    return OperationChecksum.of(List.of(operations));
  }

  @Test
  void isPinnedForARevisionWithEveryKindOfOperation() {
    assertEquals(EVERY_OPERATION_V1, OperationChecksum.of(EveryOperation.list()));
  }

  @Test
  void isVersionPrefixThenUnpaddedBase64UrlOfTheSha256OfTheCanonicalForm() throws Exception {
    List<Operation> operations = EveryOperation.list();
    String expected = "v1:" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(sha256(CanonicalForm.of(operations)));
    assertEquals(expected, OperationChecksum.of(operations));
  }

  @Test
  void fitsTheVersionTableColumn() {
    for (List<Operation> operations : List.of(List.<Operation>of(), EveryOperation.list())) {
      String checksum = OperationChecksum.of(operations);
      assertEquals(46, checksum.length(), checksum);
      assertTrue(checksum.length() <= 64, checksum);
      assertTrue(checksum.matches("v1:[A-Za-z0-9_-]{43}"), checksum);
    }
  }

  @Test
  void isDeterministicAndDependsOnValuesOnly() {
    assertEquals(OperationChecksum.of(EveryOperation.list()), OperationChecksum.of(EveryOperation.list()));
    assertEquals(OperationChecksum.of(EveryOperation.list()),
        OperationChecksum.of(new ArrayList<>(EveryOperation.list())));
  }

  @Test
  void dependsOnTheOrderOfOperations() {
    List<Operation> operations = EveryOperation.list();
    List<Operation> swapped = new ArrayList<>(operations);
    swapped.set(0, operations.get(1));
    swapped.set(1, operations.get(0));
    assertNotEquals(OperationChecksum.of(operations), OperationChecksum.of(swapped));
  }

  @Test
  void dependsOnHowManyOperationsThereAre() {
    Operation drop = new DropTable("t");
    assertNotEquals(checksum(drop), checksum(drop, drop));
    assertNotEquals(checksum(), checksum(drop));
  }

  /** Each group: a base operation, then variants that each change one field of it. */
  private static void assertEveryFieldMatters(String what, Operation... variants) {
    Map<String, Operation> seen = new HashMap<>();
    for (Operation variant : variants) {
      Operation clash = seen.put(checksum(variant), variant);
      if (clash != null) {
        fail(what + ": same checksum for " + clash + " and " + variant);
      }
    }
  }

  @Test
  void everyFieldOfAColumnMatters() {
    Column base = new Column("c", SqlType.varchar(10), true, false, "'x'", "note");
    assertEveryFieldMatters("column",
        new AddColumn("t", base),
        new AddColumn("u", base),
        new AddColumn("t", new Column("d", SqlType.varchar(10), true, false, "'x'", "note")),
        new AddColumn("t", base.withType(SqlType.varchar(11))),
        new AddColumn("t", base.withType(SqlType.character(10))),
        new AddColumn("t", base.withNullable(false)),
        new AddColumn("t", new Column("c", SqlType.varchar(10), true, true, "'x'", "note")),
        new AddColumn("t", base.defaultSql("'y'")),
        new AddColumn("t", base.defaultSql(null)),
        new AddColumn("t", base.defaultSql("null")),
        new AddColumn("t", base.comment("other")),
        new AddColumn("t", base.comment(null)));
  }

  @Test
  void everyFieldOfATypeMatters() {
    assertEveryFieldMatters("type",
        setType(new SqlType(SqlType.Kind.NUMERIC, null, 10, 2, null)),
        setType(new SqlType(SqlType.Kind.DOUBLE, null, 10, 2, null)),
        setType(new SqlType(SqlType.Kind.NUMERIC, 5, 10, 2, null)),
        setType(new SqlType(SqlType.Kind.NUMERIC, null, 11, 2, null)),
        setType(new SqlType(SqlType.Kind.NUMERIC, null, 10, 3, null)),
        setType(new SqlType(SqlType.Kind.NUMERIC, null, 10, null, null)),
        setType(new SqlType(SqlType.Kind.NUMERIC, null, null, null, null)),
        // Same toString() ("varchar(10)"), different fields.
        setType(new SqlType(SqlType.Kind.VARCHAR, 10, null, null, null)),
        setType(new SqlType(SqlType.Kind.VARCHAR, null, 10, null, null)),
        setType(SqlType.timestamp(3)),
        setType(SqlType.timestampTz(3)),
        setType(SqlType.sqlType("mood")),
        setType(SqlType.sqlType("moods")));
  }

  private static Operation setType(SqlType type) {
    return AlterColumn.of("t", "c", List.of(ColumnChange.type(type)));
  }

  @Test
  void everyFieldOfAnAlterationMatters() {
    assertEveryFieldMatters("alter column",
        alter("t", "c", ColumnChange.setNotNull()),
        alter("u", "c", ColumnChange.setNotNull()),
        alter("t", "d", ColumnChange.setNotNull()),
        alter("t", "c", ColumnChange.dropNotNull()),
        alter("t", "c", ColumnChange.setNotNull(), ColumnChange.dropDefault()),
        alter("t", "c", ColumnChange.dropDefault()),
        alter("t", "c", ColumnChange.dropComment()),
        alter("t", "c", ColumnChange.setDefault("null")),
        alter("t", "c", ColumnChange.setComment("null")),
        alter("t", "c", ColumnChange.setDefault("0")),
        alter("t", "c", ColumnChange.setDefault("1")));
  }

  private static Operation alter(String table, String column, ColumnChange... changes) {
    return AlterColumn.of(table, column, List.of(changes));
  }

  @Test
  void everyFieldOfAForeignKeyMatters() {
    var base = foreignKey("fk", List.of("a"), "teams", List.of("id"));
    assertEveryFieldMatters("foreign key",
        new AddConstraint("t", base),
        new AddConstraint("u", base),
        new AddConstraint("t", foreignKey("fk2", List.of("a"), "teams", List.of("id"))),
        new AddConstraint("t", foreignKey("fk", List.of("b"), "teams", List.of("id"))),
        new AddConstraint("t", foreignKey("fk", List.of("a"), "groups", List.of("id"))),
        new AddConstraint("t", foreignKey("fk", List.of("a"), "teams", List.of("code"))),
        new AddConstraint("t", foreignKey("fk", List.of("a", "b"), "teams", List.of("id", "code"))),
        new AddConstraint("t", foreignKey("fk", List.of("b", "a"), "teams", List.of("id", "code"))),
        new AddConstraint("t", base.onDelete(ReferentialAction.CASCADE)),
        new AddConstraint("t", base.onDelete(ReferentialAction.SET_NULL)),
        new AddConstraint("t", base.onDelete(ReferentialAction.SET_DEFAULT)),
        new AddConstraint("t", base.onDelete(ReferentialAction.RESTRICT)),
        new AddConstraint("t", base.onUpdate(ReferentialAction.CASCADE)));
  }

  @Test
  void everyFieldOfOtherConstraintsMatters() {
    assertEveryFieldMatters("constraint",
        new AddConstraint("t", unique("k", "a")),
        new AddConstraint("t", unique("k2", "a")),
        new AddConstraint("t", unique("k", "b")),
        new AddConstraint("t", unique("k", "a", "b")),
        // The same name and columns, another kind of constraint.
        new AddConstraint("t", primaryKey("a").named("k")),
        new AddConstraint("t", primaryKey("b").named("k")),
        new AddConstraint("t", check("k", "a > 0")),
        new AddConstraint("t", check("k", "a >= 0")),
        new AddConstraint("t", check("k2", "a > 0")),
        new DropConstraint("t", "k"),
        new DropConstraint("u", "k"),
        new DropConstraint("t", "k2"));
  }

  @Test
  void everyFieldOfAnIndexMatters() {
    assertEveryFieldMatters("index",
        new CreateIndex("t", index("ix", "a", "b")),
        new CreateIndex("u", index("ix", "a", "b")),
        new CreateIndex("t", index("ix2", "a", "b")),
        new CreateIndex("t", uniqueIndex("ix", asc("a"), asc("b"))),
        new CreateIndex("t", index("ix", asc("a"), desc("b"))),
        new CreateIndex("t", index("ix", "b", "a")),
        new CreateIndex("t", index("ix", "a", "c")),
        new CreateIndex("t", index("ix", "a")),
        new CreateIndex("t", verbatim("ix", false, "CREATE INDEX ix ON t (lower(a))")),
        new CreateIndex("t", verbatim("ix", true, "CREATE INDEX ix ON t (lower(a))")),
        new CreateIndex("t", verbatim("ix", false, "CREATE INDEX ix ON t (upper(a))")),
        new DropIndex("t", "ix"),
        new DropIndex("t", "ix2"));
  }

  @Test
  void everyFieldOfATableMatters() {
    List<TableElement> elements = List.of(column("id", SqlType.BIGINT).notNull(), column("a", SqlType.TEXT),
        primaryKey("id"));
    assertEveryFieldMatters("table",
        new CreateTable(Table.of("t", elements)),
        new CreateTable(Table.of("u", elements)),
        new CreateTable(Table.of("t", List.of(elements.get(1), elements.get(0), elements.get(2)))),
        new CreateTable(Table.of("t", elements.subList(0, 2))),
        new CreateTable(Table.of("t", List.of(elements.get(0), elements.get(1), primaryKey("id").named("pk")))),
        new CreateTable(Table.of("t", List.of(elements.get(0), elements.get(1), primaryKey("id", "a")))),
        new CreateTable(Table.of("t", List.of(elements.get(0), elements.get(1), elements.get(2), unique(null, "a")))),
        new CreateTable(Table.of("t", List.of(elements.get(0), elements.get(1), elements.get(2), check(null, "a")))),
        new CreateTable(Table.of("t", List.of(elements.get(0), elements.get(1), elements.get(2),
            foreignKey(null, List.of("a"), "u", List.of("a"))))),
        new DropTable("t"),
        new DropTable("u"),
        new SetTableComment("t", "c"),
        new SetTableComment("t", "d"),
        new SetTableComment("t", null),
        new SetTableComment("t", "null"),
        new SetTableComment("u", "c"));
  }

  @Test
  void everyFieldOfSequencesAndEnumTypesMatters() {
    assertEveryFieldMatters("sequence and enum type",
        new CreateSequence(sequence("s", 1, 50)),
        new CreateSequence(sequence("s2", 1, 50)),
        new CreateSequence(sequence("s", 2, 50)),
        new CreateSequence(sequence("s", 1, 51)),
        new CreateSequence(sequence("s", 1, -50)),
        new DropSequence("s"),
        new CreateEnumType(enumType("s", "a", "b")),
        new CreateEnumType(enumType("e", "a", "b")),
        new CreateEnumType(enumType("e", "b", "a")),
        new CreateEnumType(enumType("e", "a", "b", "c")),
        new CreateEnumType(enumType("e", "a, b")),
        new DropEnumType("e"),
        new AlterEnumType("e", List.of("a", "b")),
        new AlterEnumType("e", List.of("b", "a")),
        new AlterEnumType("f", List.of("a", "b")));
  }

  @Test
  void everyFieldOfARenameMatters() {
    assertEveryFieldMatters("rename",
        new RenameTable("a", "b"),
        new RenameTable("b", "a"),
        new RenameTable("a", "c"),
        new RenameColumn("a", "b", "c"),
        new RenameColumn("a", "c", "b"),
        new RenameColumn("t", "b", "c"),
        new RenameColumn("a", "b", "d"));
  }

  @Test
  void everyCharacterOfRawSqlMatters() {
    assertEveryFieldMatters("raw SQL",
        new ExecuteSql("delete from t"),
        new ExecuteSql("delete from t "),
        new ExecuteSql("DELETE FROM t"),
        new ExecuteSql("delete from t\n"),
        new ExecuteSql("delete from t\\n"),
        new ExecuteSql("delete from t\r\n"),
        new ExecuteSql("delete from \"t\""),
        new ExecuteSql("delete from \\\"t\\\""));
  }

  @Test
  void matchesItsOwnChecksumOnly() {
    List<Operation> operations = EveryOperation.list();
    assertTrue(OperationChecksum.matches(OperationChecksum.of(operations), operations));
    assertFalse(OperationChecksum.matches(OperationChecksum.of(operations), operations.subList(1, operations.size())));
    assertFalse(OperationChecksum.matches(OperationChecksum.of(List.of()), operations));
  }

  @Test
  void matchesTheHexChecksumOfThePreviousRelease() throws Exception {
    List<Operation> operations = EveryOperation.list();
    String recorded = legacy(operations);
    assertEquals(64, recorded.length());
    assertTrue(OperationChecksum.matches(recorded, operations));
    assertTrue(OperationChecksum.matches(recorded, new ArrayList<>(operations)));
    assertFalse(OperationChecksum.matches(recorded, operations.subList(1, operations.size())));
  }

  @Test
  void theLegacyChecksumOfAnEmptyRevisionIsTheHashOfTwoBrackets() {
    // Pinned by value, independent of any record's toString(): "[]".
    assertTrue(OperationChecksum.matches(
        "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945", List.of()));
  }

  @Test
  void rejectsWhatNeitherVersionWouldHaveWritten() throws Exception {
    List<Operation> operations = EveryOperation.list();
    String hex = legacy(operations);
    String current = OperationChecksum.of(operations);
    assertFalse(OperationChecksum.matches(null, operations));
    assertFalse(OperationChecksum.matches("", operations));
    assertFalse(OperationChecksum.matches(hex.toUpperCase(Locale.ROOT), operations));
    assertFalse(OperationChecksum.matches(hex.substring(1), operations));
    assertFalse(OperationChecksum.matches(hex + "0", operations));
    assertFalse(OperationChecksum.matches("v1:" + hex, operations));
    assertFalse(OperationChecksum.matches("v2:" + current.substring(3), operations));
    assertFalse(OperationChecksum.matches(current.substring(3), operations));
    assertFalse(OperationChecksum.matches(current + "=", operations));
  }
}
