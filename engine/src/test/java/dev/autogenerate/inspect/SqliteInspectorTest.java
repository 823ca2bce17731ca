package dev.autogenerate.inspect;

import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.execute;
import static dev.autogenerate.inspect.InspectorTesting.identity;
import static dev.autogenerate.inspect.InspectorTesting.inspect;
import static dev.autogenerate.inspect.InspectorTesting.notNull;
import static dev.autogenerate.inspect.InspectorTesting.pk;
import static dev.autogenerate.inspect.InspectorTesting.raw;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.BINARY;
import static dev.autogenerate.schema.SqlType.BOOLEAN;
import static dev.autogenerate.schema.SqlType.DATE;
import static dev.autogenerate.schema.SqlType.DOUBLE;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.JSON;
import static dev.autogenerate.schema.SqlType.NUMERIC;
import static dev.autogenerate.schema.SqlType.REAL;
import static dev.autogenerate.schema.SqlType.SMALLINT;
import static dev.autogenerate.schema.SqlType.TEXT;
import static dev.autogenerate.schema.SqlType.TIME;
import static dev.autogenerate.schema.SqlType.TIMESTAMP;
import static dev.autogenerate.schema.SqlType.TIMESTAMP_TZ;
import static dev.autogenerate.schema.SqlType.UUID;
import static dev.autogenerate.schema.SqlType.binary;
import static dev.autogenerate.schema.SqlType.character;
import static dev.autogenerate.schema.SqlType.numeric;
import static dev.autogenerate.schema.SqlType.timestamp;
import static dev.autogenerate.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class SqliteInspectorTest {

  private final TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

  @Test
  void forKindGivesTheSqliteInspector() {
    assertInstanceOf(SqliteInspector.class, DatabaseInspector.forKind(DatabaseKind.SQLITE));
  }

  @Test
  void everyCommonTypeSpelling() throws Exception {
    execute(database, """
        create table everything (
          c_integer INTEGER,
          c_int int,
          c_tinyint tinyint,
          c_smallint smallint,
          c_mediumint mediumint,
          c_bigint bigint,
          c_int2 int2,
          c_int8 int8,
          c_unsigned_big_int UNSIGNED BIG INT,
          c_real real,
          c_double double,
          c_double_precision DOUBLE PRECISION,
          c_float float,
          c_numeric numeric,
          c_numeric_10_2 numeric(10,2),
          c_decimal_10_5 DECIMAL(10, 5),
          c_numeric_5 numeric(5),
          c_boolean boolean,
          c_varchar varchar(255),
          c_varchar_spaced varchar ( 255 ),
          c_character_varying character varying(20),
          c_nvarchar NVARCHAR(100),
          c_char char(1),
          c_character character(20),
          c_nchar nchar(55),
          c_varying_character VARYING CHARACTER(255),
          c_native_character NATIVE CHARACTER(70),
          c_text text,
          c_clob CLOB,
          c_blob blob,
          c_varbinary varbinary(16),
          c_untyped,
          c_date date,
          c_datetime datetime,
          c_timestamp timestamp,
          c_timestamp_6 timestamp(6),
          c_timestamp_3 timestamp(3),
          c_timestamptz timestamp with time zone,
          c_time time,
          c_uuid uuid,
          c_jsonb jsonb,
          c_json json,
          c_any any,
          c_made_up made_up_type
        )""");

    assertEquals(schema(table("everything",
        col("c_integer", INTEGER),
        col("c_int", INTEGER),
        col("c_tinyint", SMALLINT),
        col("c_smallint", SMALLINT),
        col("c_mediumint", INTEGER),
        col("c_bigint", BIGINT),
        col("c_int2", SMALLINT),
        col("c_int8", BIGINT),
        col("c_unsigned_big_int", raw("unsigned big int")),
        col("c_real", REAL),
        col("c_double", DOUBLE),
        col("c_double_precision", DOUBLE),
        col("c_float", DOUBLE),
        col("c_numeric", NUMERIC),
        col("c_numeric_10_2", numeric(10, 2)),
        col("c_decimal_10_5", numeric(10, 5)),
        col("c_numeric_5", numeric(5, 0)),  // numeric(p) is numeric(p,0), as on PostgreSQL
        col("c_boolean", BOOLEAN),
        col("c_varchar", varchar(255)),
        col("c_varchar_spaced", varchar(255)),
        col("c_character_varying", varchar(20)),
        col("c_nvarchar", varchar(100)),
        col("c_char", character(1)),
        col("c_character", character(20)),
        col("c_nchar", character(55)),
        col("c_varying_character", raw("varying character(255)")),
        col("c_native_character", raw("native character(70)")),
        col("c_text", TEXT),
        col("c_clob", TEXT),
        col("c_blob", BINARY),
        col("c_varbinary", binary(16)),
        col("c_untyped", SqliteInspector.NO_DECLARED_TYPE),
        col("c_date", DATE),
        col("c_datetime", TIMESTAMP),
        col("c_timestamp", TIMESTAMP),
        col("c_timestamp_6", TIMESTAMP),
        col("c_timestamp_3", timestamp(3)),
        col("c_timestamptz", TIMESTAMP_TZ),
        col("c_time", TIME),
        col("c_uuid", UUID),
        col("c_jsonb", JSON),
        col("c_json", raw("json")),
        col("c_any", raw("any")),
        col("c_made_up", raw("made_up_type")))),
        inspect(database));
    assertEquals(SqlType.sqlType(""), SqliteInspector.NO_DECLARED_TYPE);
  }

  @Test
  void nullability() throws Exception {
    execute(database, "create table people (id bigint not null, name text NOT NULL, nickname text, age int null)");
    assertEquals(
        schema(table("people",
            notNull("id", BIGINT), notNull("name", TEXT), col("nickname", TEXT), col("age", INTEGER))),
        inspect(database));
  }

  @Test
  void onlyAutoincrementIsIdentityAndRowidAliasesAreNeverNull() throws Exception {
    execute(database,
        "create table auto (id integer primary key autoincrement, name text)",
        "create table upper_auto (ID INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT)",
        "create table named_auto (id integer constraint named_auto_pk primary key autoincrement)",
        "create table rowid_alias (id INTEGER PRIMARY KEY, name text)",
        "create table table_level_alias (id integer, name text, primary key (id))",
        "create table descending (id integer primary key desc, name text)",
        "create table bigint_key (id bigint primary key, name text)",
        "create table int_key (id int primary key)",
        "create table declared_not_null (id bigint not null primary key)");

    assertEquals(
        schema(
            table("auto", identity("id", INTEGER), col("name", TEXT), pk(null, "id")),
            table("upper_auto", identity("ID", INTEGER), pk(null, "ID")),
            table("named_auto", identity("id", INTEGER), pk("named_auto_pk", "id")),
            table("rowid_alias", notNull("id", INTEGER), col("name", TEXT), pk(null, "id")),
            table("table_level_alias", notNull("id", INTEGER), col("name", TEXT), pk(null, "id")),
            // INTEGER PRIMARY KEY DESC is no rowid alias, and may hold nulls
            table("descending", col("id", INTEGER), col("name", TEXT), pk(null, "id")),
            // only INTEGER spelled so is an alias: other key columns may hold nulls in SQLite
            table("bigint_key", col("id", BIGINT), col("name", TEXT), pk(null, "id")),
            table("int_key", col("id", INTEGER), pk(null, "id")),
            table("declared_not_null", notNull("id", BIGINT), pk(null, "id"))),
        inspect(database));
  }

  @Test
  void primaryKeysInKeyOrderWithTheirNames() throws Exception {
    execute(database,
        "create table orders (tenant_id int not null, note text, id bigint not null,"
            + " constraint orders_key primary key (id, tenant_id))",
        "create table three (a int, b int, c int, d int, primary key (c, a, d))",
        "create table kv (k text primary key, v int) without rowid",
        "create table \"Mixed\" (\"Id\" INTEGER, \"Name\" text, constraint \"PK_Mixed\" primary key (\"Name\", \"Id\"))",
        "create table keyless (x int)");
    assertEquals(
        schema(
            table("orders", notNull("tenant_id", INTEGER), col("note", TEXT), notNull("id", BIGINT),
                pk("orders_key", "id", "tenant_id")),
            table("three", col("a", INTEGER), col("b", INTEGER), col("c", INTEGER), col("d", INTEGER),
                pk(null, "c", "a", "d")),
            // SQLite itself makes WITHOUT ROWID key columns not null
            table("kv", notNull("k", TEXT), col("v", INTEGER), pk(null, "k")),
            table("Mixed", col("Id", INTEGER), col("Name", TEXT), pk("PK_Mixed", "Name", "Id")),
            table("keyless", col("x", INTEGER))),
        inspect(database));
  }

  @Test
  void onlyMainTablesAreRead() throws Exception {
    execute(database,
        "create table kept (id integer primary key autoincrement, body text)",
        "insert into kept (body) values ('sqlite_sequence now has a row')",
        "create view kept_view as select * from kept",
        "create index kept_idx on kept (body)",
        "create trigger kept_trigger after insert on kept begin select 1; end",
        "analyze");
    try (Connection connection = database.open()) {
      execute(connection,
          "create temporary table scratch (id int)",
          "create temporary table kept (other text)");
      assertEquals(
          schema(table("kept", identity("id", INTEGER), col("body", TEXT), pk(null, "id"))),
          new SqliteInspector().inspect(connection, TableFilter.defaults()));
    }
  }

  @Test
  void virtualTablesWithoutHiddenColumnsOrShadowTables() throws Exception {
    execute(database,
        "create virtual table docs using fts5(title, body)",
        "create virtual table places using rtree(id, min_x, max_x)");
    assertEquals(
        schema(
            table("docs", col("title", SqliteInspector.NO_DECLARED_TYPE), col("body", SqliteInspector.NO_DECLARED_TYPE)),
            // the rtree module declares its columns' types itself
            table("places", col("id", INTEGER), col("min_x", REAL), col("max_x", REAL))),
        inspect(database));
  }

  @Test
  void generatedColumnsAreReadAsPlainColumns() throws Exception {
    execute(database,
        "create table gen (a integer not null, doubled integer generated always as (a * 2) virtual,"
            + " label text generated always as ('x' || a) stored)");
    assertEquals(
        schema(table("gen", notNull("a", INTEGER), col("doubled", INTEGER), col("label", TEXT))),
        inspect(database));
  }

  @Test
  void strictTables() throws Exception {
    execute(database, "create table st (id integer primary key, a any, t text not null, r real) strict");
    assertEquals(
        schema(table("st", notNull("id", INTEGER), col("a", raw("any")), notNull("t", TEXT), col("r", REAL),
            pk(null, "id"))),
        inspect(database));
  }

  @Test
  void quotedMixedCaseNamesArePreserved() throws Exception {
    execute(database,
        "create table \"OrderLine\" (\"LineId\" bigint not null, [Note Text] text, `x.y` int,"
            + " constraint \"OrderLine_PK\" primary key (\"LineId\"))",
        "create table \"Weird \"\"Name\"\"\" (id integer constraint [Key \"1\"] primary key autoincrement)");
    assertEquals(
        schema(
            table("OrderLine", notNull("LineId", BIGINT), col("Note Text", TEXT), col("x.y", INTEGER),
                pk("OrderLine_PK", "LineId")),
            table("Weird \"Name\"", identity("id", INTEGER), pk("Key \"1\"", "id"))),
        inspect(database));
  }

  @Test
  void columnsAddedLaterKeepTheirOrder() throws Exception {
    execute(database,
        "create table evolving (id integer primary key autoincrement, a int)",
        "alter table evolving add column b text not null default ''",
        "alter table evolving rename column a to a2");
    assertEquals(
        schema(table("evolving", identity("id", INTEGER), col("a2", INTEGER), notNull("b", TEXT), pk(null, "id"))),
        inspect(database));
  }
}
