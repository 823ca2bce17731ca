package dev.autogenerate.operations;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.SqlType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical form, version 1, pinned. If a test here fails, the checksums of revisions already
 * applied to databases would change: rather than update the expected text, leave version 1 as it
 * is and introduce version 2 (see {@link OperationChecksum}).
 */
class CanonicalFormTest {

  /**
   * Every kind of operation, as version 1 spells it. In this text block a backslash at the end of
   * a line joins it to the next (only to keep the source narrow); each real line is one operation.
   */
  private static final String EVERY_OPERATION = """
      autogenerate-operations v1
      create-table(table=table(name="orders", columns=[column(name="id", type=type(kind=bigint, \
      length=null, precision=null, scale=null, raw-name=null), nullable=false, identity=true, \
      default=null, comment="key"), column(name="status", type=type(kind=varchar, length=20, \
      precision=null, scale=null, raw-name=null), nullable=false, identity=false, default="'NEW'", \
      comment=null), column(name="amount", type=type(kind=numeric, length=null, precision=12, scale=2, \
      raw-name=null), nullable=true, identity=false, default=null, comment=null), \
      column(name="placed_at", type=type(kind=timestamp-tz, length=null, precision=6, scale=null, \
      raw-name=null), nullable=true, identity=false, default=null, comment=null), column(name="mood", \
      type=type(kind=raw, length=null, precision=null, scale=null, raw-name="mood"), nullable=true, \
      identity=false, default=null, comment=null)], primary-key=primary-key(name="pk_orders", \
      columns=["id"]), uniques=[unique(name=null, columns=["status"])], \
      foreign-keys=[foreign-key(name="fk_orders_id_users", columns=["id"], references="users", \
      referenced-columns=["id"], on-delete=cascade, on-update=set-null)], \
      checks=[check(name="ck_orders_amount", expression="amount >= 0")], indexes=[], comment=null))
      drop-table(table="old_things")
      add-column(table="users", column=column(name="nickname", type=type(kind=varchar, length=40, \
      precision=null, scale=null, raw-name=null), nullable=true, identity=false, default="'anon'", \
      comment="shown"))
      drop-column(table="users", column="legacy")
      alter-column(table="users", column="age", changes=[set-type(type=type(kind=numeric, length=null, \
      precision=10, scale=0, raw-name=null)), set-nullable(nullable=false), set-default(default="0"), \
      set-comment(comment="years")])
      alter-column(table="users", column="email", changes=[set-default(default=null), \
      set-comment(comment=null)])
      set-table-comment(table="users", comment="People")
      set-table-comment(table="teams", comment=null)
      add-constraint(table="users", constraint=foreign-key(name="fk_users_team", columns=["team_id", \
      "team_code"], references="teams", referenced-columns=["id", "code"], on-delete=set-default, \
      on-update=no-action))
      add-constraint(table="users", constraint=unique(name="uq_users_email", columns=["email"]))
      add-constraint(table="users", constraint=check(name="ck_users_age", expression="age >= 0"))
      drop-constraint(table="users", name="uq_users_legacy")
      create-index(table="users", index=index(name="ux_users_team_id_rank", unique=true, \
      columns=[index-column(name="team_id", descending=false), index-column(name="rank", \
      descending=true)], definition=null))
      create-index(table="users", index=index(name="ix_users_lower_email", unique=false, columns=[], \
      definition="CREATE INDEX ix_users_lower_email ON users (lower(email))"))
      drop-index(table="users", name="ix_users_age")
      create-sequence(sequence=sequence(name="users_seq", start=1, increment=50))
      drop-sequence(name="old_seq")
      create-enum-type(enum-type=enum-type(name="mood", values=["happy", "it's \\"complicated\\""]))
      drop-enum-type(name="old_status")
      alter-enum-type(name="order_status", values=["NEW", "PAID", "SHIPPED"])
      execute-sql(sql="UPDATE users\\nSET nickname = 'x'")
      """;

  @Test
  void spellsEveryKindOfOperationAsPinned() {
    assertEquals(EVERY_OPERATION, CanonicalForm.of(EveryOperation.list()));
  }

  /**
   * The renames, added to version 1 after it was first pinned: a new tag changes no line an older
   * release wrote, so no recorded checksum changes (and {@link #EVERY_OPERATION} stays as it was).
   */
  @Test
  void spellsRenamesAsPinned() {
    assertEquals("rename-table(from=\"users\", to=\"people\")", CanonicalForm.line(new RenameTable("users", "people")));
    assertEquals("rename-column(table=\"users\", from=\"nickname\", to=\"display_name\")",
        CanonicalForm.line(new RenameColumn("users", "nickname", "display_name")));
  }

  @Test
  void startsWithTheVersionedHeaderAndHasOneLinePerOperation() {
    List<Operation> operations = EveryOperation.list();
    String text = CanonicalForm.of(operations);
    assertTrue(text.startsWith("autogenerate-operations v1\n"), text);
    assertTrue(text.endsWith("\n"), text);
    // Some operations hold newlines in their strings; escaped, they leave the line count alone.
    assertEquals(operations.size() + 1, text.split("\n", -1).length - 1);
  }

  @Test
  void noOperationsIsTheHeaderAlone() {
    assertEquals("autogenerate-operations v1\n", CanonicalForm.of(List.of()));
  }

  @Test
  void escapesQuotesBackslashesAndEveryLineBreakingCharacter() {
    String sql = "say \"hi\"\\\n\r\t\u0001\u007f\u0085\u2028\u2029 é 年 🚀 end";
    assertEquals("execute-sql(sql=\"say \\\"hi\\\"\\\\\\n\\r\\t\\u0001\\u007f\\u0085\\u2028\\u2029 é 年 🚀 end\")",
        CanonicalForm.line(new ExecuteSql(sql)));
  }

  @Test
  void escapesAnUnpairedSurrogateWhichUtf8WouldTurnIntoAQuestionMark() {
    assertEquals("execute-sql(sql=\"a\\ud800b\\udc00\")", CanonicalForm.line(new ExecuteSql("a\uD800b\uDC00")));
    assertNotEquals(CanonicalForm.line(new ExecuteSql("a?b?")), CanonicalForm.line(new ExecuteSql("a\uD800b\uDC00")));
  }

  @Test
  void spellsAbsentDifferentlyFromTheWordNull() {
    assertEquals("set-table-comment(table=\"t\", comment=null)", CanonicalForm.line(new SetTableComment("t", null)));
    assertEquals("set-table-comment(table=\"t\", comment=\"null\")",
        CanonicalForm.line(new SetTableComment("t", "null")));
  }

  @Test
  void aQuoteInsideAStringCannotEndItEarly() {
    // Unescaped, the first would read as the second's table and name.
    String tricky = CanonicalForm.line(new DropIndex("a\", name=\"b", "c"));
    assertEquals("drop-index(table=\"a\\\", name=\\\"b\", name=\"c\")", tricky);
    assertNotEquals(CanonicalForm.line(new DropIndex("a", "b\", name=\"c")), tricky);
  }

  @Test
  void spellsEveryTypeKindItsOwnWay() {
    Map<SqlType.Kind, String> expected = new EnumMap<>(SqlType.Kind.class);
    expected.put(SqlType.Kind.BOOLEAN, "boolean");
    expected.put(SqlType.Kind.SMALLINT, "smallint");
    expected.put(SqlType.Kind.INTEGER, "integer");
    expected.put(SqlType.Kind.BIGINT, "bigint");
    expected.put(SqlType.Kind.REAL, "real");
    expected.put(SqlType.Kind.DOUBLE, "double");
    expected.put(SqlType.Kind.NUMERIC, "numeric");
    expected.put(SqlType.Kind.CHAR, "char");
    expected.put(SqlType.Kind.VARCHAR, "varchar");
    expected.put(SqlType.Kind.TEXT, "text");
    expected.put(SqlType.Kind.DATE, "date");
    expected.put(SqlType.Kind.TIME, "time");
    expected.put(SqlType.Kind.TIME_TZ, "time-tz");
    expected.put(SqlType.Kind.TIMESTAMP, "timestamp");
    expected.put(SqlType.Kind.TIMESTAMP_TZ, "timestamp-tz");
    expected.put(SqlType.Kind.UUID, "uuid");
    expected.put(SqlType.Kind.BINARY, "binary");
    expected.put(SqlType.Kind.JSON, "json");
    expected.put(SqlType.Kind.RAW, "raw");
    // A new kind must be given a spelling here, as in the form.
    assertEquals(EnumSet.allOf(SqlType.Kind.class), expected.keySet());
    expected.forEach((kind, spelling) -> {
      SqlType type = new SqlType(kind, null, null, null, kind == SqlType.Kind.RAW ? "tsvector" : null);
      String line = CanonicalForm.line(new AddColumn("t", column("c", type)));
      assertTrue(line.contains("type=type(kind=" + spelling + ", "), line);
    });
  }

  @Test
  void spellsEveryReferentialActionItsOwnWay() {
    Map<ReferentialAction, String> expected = new EnumMap<>(ReferentialAction.class);
    expected.put(ReferentialAction.NO_ACTION, "no-action");
    expected.put(ReferentialAction.RESTRICT, "restrict");
    expected.put(ReferentialAction.CASCADE, "cascade");
    expected.put(ReferentialAction.SET_NULL, "set-null");
    expected.put(ReferentialAction.SET_DEFAULT, "set-default");
    assertEquals(EnumSet.allOf(ReferentialAction.class), expected.keySet());
    expected.forEach((action, spelling) -> {
      String line = CanonicalForm.line(new AddConstraint("t",
          foreignKey("fk", List.of("a"), "u", List.of("b")).onDelete(action).onUpdate(action)));
      assertTrue(line.endsWith("on-delete=" + spelling + ", on-update=" + spelling + "))"), line);
    });
  }

  @Test
  void doesNotFollowToString() {
    // SqlType.toString() spells both "varchar(10)"; the canonical form tells them apart.
    SqlType byLength = new SqlType(SqlType.Kind.VARCHAR, 10, null, null, null);
    SqlType byPrecision = new SqlType(SqlType.Kind.VARCHAR, null, 10, null, null);
    assertEquals(byLength.toString(), byPrecision.toString());
    String first = CanonicalForm.line(new AddColumn("t", column("c", byLength)));
    String second = CanonicalForm.line(new AddColumn("t", column("c", byPrecision)));
    assertNotEquals(first, second);
    assertFalse(first.contains("AddColumn") || first.contains("defaultSql"), first);
  }
}
