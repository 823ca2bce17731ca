package dev.autogenerate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
