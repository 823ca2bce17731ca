package dev.autogenerate.database.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.sqlite.SqliteTableSql.Check;
import dev.autogenerate.database.sqlite.SqliteTableSql.NamedConstraint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqliteTableSqlTest {

  @Test
  void autoincrementColumn() {
    SqliteTableSql sql = SqliteTableSql.parse(
        "CREATE TABLE users (id integer primary key autoincrement, name text not null)");
    assertEquals(Set.of("id"), sql.autoincrementColumns());
    assertTrue(sql.isAutoincrement("ID"));
    assertFalse(sql.isAutoincrement("name"));
    assertNull(sql.primaryKeyName());
    assertFalse(sql.withoutRowid());
    assertFalse(sql.virtual());
  }

  @Test
  void quotedNamesAndKeywordsInsideQuotesOrExpressionsDoNotCount() {
    SqliteTableSql sql = SqliteTableSql.parse(
        "CREATE TABLE \"Odd \"\"Table\"\"\" (\n"
            + "  [Id] INTEGER NOT NULL CONSTRAINT \"PK_Odd\" PRIMARY KEY AUTOINCREMENT, -- autoincrement, comment\n"
            + "  `autoincrement` text DEFAULT 'autoincrement', /* constraint x primary key */\n"
            + "  note text CHECK (note <> 'AUTOINCREMENT' AND length(note) > (1)),\n"
            + "  'quoted' text\n"
            + ")");
    assertEquals(Set.of("id"), sql.autoincrementColumns());
    assertEquals("PK_Odd", sql.primaryKeyName());
  }

  @Test
  void tableConstraintName() {
    SqliteTableSql sql = SqliteTableSql.parse(
        "create table line (order_id integer, line_no integer, unique (order_id), "
            + "constraint line_pk primary key (line_no, order_id), "
            + "constraint line_check check (line_no > 0)) without rowid, strict");
    assertEquals("line_pk", sql.primaryKeyName());
    assertTrue(sql.withoutRowid());
    assertEquals(Set.of(), sql.autoincrementColumns());
  }

  @Test
  void otherNamedConstraintsAreNotThePrimaryKey() {
    SqliteTableSql sql = SqliteTableSql.parse(
        "create table t (id integer constraint nn not null primary key, "
            + "x text constraint uq unique, constraint ck check (x <> ''))");
    assertNull(sql.primaryKeyName());
  }

  @Test
  void descendingIntegerKey() {
    SqliteTableSql sql = SqliteTableSql.parse("create table t (id integer primary key desc, x)");
    assertTrue(sql.isDescendingKey("id"));
    assertFalse(sql.isDescendingKey("x"));
    assertFalse(SqliteTableSql.parse("create table t (id integer, primary key (id desc))").isDescendingKey("id"));
  }

  @Test
  void virtualTablesAndUnreadableText() {
    assertTrue(SqliteTableSql.parse("CREATE VIRTUAL TABLE docs USING fts5(title, body)").virtual());
    SqliteTableSql unknown = SqliteTableSql.parse("create table broken (id integer primary key autoincrement");
    assertEquals(Set.of(), unknown.autoincrementColumns());
    assertNull(SqliteTableSql.parse(null).primaryKeyName());
    assertNull(SqliteTableSql.parse("").primaryKeyName());
  }

  @Test
  void namedUniquesAtTableAndColumnLevel() {
    SqliteTableSql sql = SqliteTableSql.parse(
        "create table t (id integer primary key, email text constraint uq_email unique, a int, b int,"
            + " \"C\" text unique, constraint \"UQ a b\" unique (b collate nocase, [a] desc) on conflict ignore)");
    assertEquals(
        List.of(new NamedConstraint("uq_email", List.of("email"), null),
            new NamedConstraint("UQ a b", List.of("b", "a"), null)),
        sql.namedUniques());
    assertTrue(sql.namedUniques().get(1).matches(List.of("B", "A"), null));
    assertFalse(sql.namedUniques().get(1).matches(List.of("a", "b"), null));
  }

  @Test
  void namedForeignKeysAtTableAndColumnLevel() {
    SqliteTableSql sql = SqliteTableSql.parse(
        "create table m (id integer primary key, team_id int constraint fk_team references teams (id) on delete cascade,"
            + " parent int references m, a int, b int,"
            + " constraint fk_ab foreign key (a, b) references \"Other\" (x, y) deferrable initially deferred,"
            + " foreign key (b) references teams)");
    assertEquals(
        List.of(new NamedConstraint("fk_team", List.of("team_id"), "teams"),
            new NamedConstraint("fk_ab", List.of("a", "b"), "Other")),
        sql.namedForeignKeys());
    assertTrue(sql.namedForeignKeys().get(1).matches(List.of("A", "B"), "other"));
    assertFalse(sql.namedForeignKeys().get(1).matches(List.of("a", "b"), "teams"));
    assertNull(sql.primaryKeyName());
  }

  @Test
  void checksVerbatimWithNamesInDeclarationOrder() {
    SqliteTableSql sql = SqliteTableSql.parse(
        "CREATE TABLE t (\n"
            + "  a int CHECK (a > 0) NOT NULL,\n"
            + "  b text constraint b_ok check( b in ('x', 'y)', \"(\") ) default 'check (no)',\n"
            + "  c int constraint c_nn not null check (c <> (a + 1)), -- check (comment)\n"
            + "  constraint t_ab check (a < length(b)),\n"
            + "  check (c between 1 and 10 /* ) */)\n"
            + ")");
    assertEquals(
        List.of(new Check(null, "a > 0"),
            new Check("b_ok", "b in ('x', 'y)', \"(\")"),
            new Check(null, "c <> (a + 1)"),
            new Check("t_ab", "a < length(b)"),
            new Check(null, "c between 1 and 10 /* ) */")),
        sql.checks());
  }

  @Test
  void aConstraintNameBelongsToTheConstraintAfterIt() {
    SqliteTableSql sql = SqliteTableSql.parse(
        "create table t (id integer constraint nn not null constraint pk primary key,"
            + " x text constraint d default 'a' unique check (x <> ''))");
    assertEquals("pk", sql.primaryKeyName());
    assertEquals(List.of(), sql.namedUniques(), "the unique after a named default is unnamed");
    assertEquals(List.of(new Check(null, "x <> ''")), sql.checks());
  }

  @Test
  void collationsInIndexDefinitions() {
    assertTrue(SqliteTableSql.indexNamesCollation("CREATE INDEX i ON t (a, b COLLATE NOCASE)"));
    assertFalse(SqliteTableSql.indexNamesCollation("CREATE INDEX i ON t (a, \"collate\")"));
    assertFalse(SqliteTableSql.indexNamesCollation("CREATE INDEX i ON t (a) WHERE b = 'x' collate nocase"));
    assertFalse(SqliteTableSql.indexNamesCollation(null));
  }

  /**
   * What a statement wrote without quotes is told apart from what it quoted, so the inspector
   * can fold the former as PostgreSQL would; constraint names come folded already.
   */
  @Test
  void namesWrittenWithoutQuotes() {
    SqliteTableSql sql = SqliteTableSql.parse("CREATE TABLE Tag (Id integer CONSTRAINT PK_Tag PRIMARY KEY,"
        + " displayName text, \"Label\" text, [Other] text, CONSTRAINT \"UQ_Label\" UNIQUE (\"Label\"),"
        + " CONSTRAINT CK_Name CHECK (length(displayName) > 0))");
    assertTrue(sql.bareName());
    assertEquals(Set.of("Id", "displayName"), sql.bareColumns());
    assertEquals("pk_tag", sql.primaryKeyName());
    assertEquals(List.of(new NamedConstraint("UQ_Label", List.of("Label"), null)), sql.namedUniques());
    assertEquals("ck_name", sql.checks().get(0).name());

    assertFalse(SqliteTableSql.parse("CREATE TABLE \"T3\" (Bee int)").bareName());
    assertTrue(SqliteTableSql.parse("CREATE TABLE IF NOT EXISTS main.Tag (id int)").bareName());
    assertFalse(SqliteTableSql.parse("CREATE TABLE main.\"Tag\" (id int)").bareName());
    assertFalse(SqliteTableSql.parse(null).bareName());
  }

  @Test
  void indexAndViewNamesWrittenWithoutQuotes() {
    assertTrue(SqliteTableSql.createsBareName("CREATE INDEX IX_Tag on Tag (displayName)"));
    assertTrue(SqliteTableSql.createsBareName("CREATE UNIQUE INDEX IF NOT EXISTS main.IX_Tag ON Tag (a)"));
    assertFalse(SqliteTableSql.createsBareName("CREATE INDEX \"IX_Tag\" ON Tag (a)"));
    assertFalse(SqliteTableSql.createsBareName("CREATE INDEX main.`IX_Tag` ON Tag (a)"));
    assertTrue(SqliteTableSql.createsBareName("CREATE VIEW Recent(a) AS SELECT 1"));
    assertFalse(SqliteTableSql.createsBareName("CREATE VIEW [Recent] AS SELECT 1"));
    assertFalse(SqliteTableSql.createsBareName(null));
  }

  /** SQLite treats ASCII letters alone as one letter in two cases, so only those are folded. */
  @Test
  void onlyAsciiLettersFold() {
    assertEquals("tag_ÉtÉ", SqliteNames.asWritten("Tag_ÉtÉ", false));
    assertEquals("Tag", SqliteNames.asWritten("Tag", true));
    assertTrue(SqliteNames.same("DisplayName", "displayname"));
    assertFalse(SqliteNames.same("É", "é"));
    assertFalse(SqliteNames.same("ab", "abc"));
  }
}
