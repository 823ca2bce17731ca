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
import static dev.autogenerate.schema.SqlType.TIME_TZ;
import static dev.autogenerate.schema.SqlType.UUID;
import static dev.autogenerate.schema.SqlType.VARCHAR;
import static dev.autogenerate.schema.SqlType.character;
import static dev.autogenerate.schema.SqlType.numeric;
import static dev.autogenerate.schema.SqlType.time;
import static dev.autogenerate.schema.SqlType.timeTz;
import static dev.autogenerate.schema.SqlType.timestamp;
import static dev.autogenerate.schema.SqlType.timestampTz;
import static dev.autogenerate.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresInspectorTest {

  private final TestDatabase database = TestDatabases.fresh(DatabaseKind.POSTGRESQL);

  @Test
  void forKindGivesThePostgresInspector() {
    assertInstanceOf(PostgresInspector.class, DatabaseInspector.forKind(DatabaseKind.POSTGRESQL));
  }

  @Test
  void everyCommonTypeSpelling() throws Exception {
    execute(database, """
        create table everything (
          c_smallint smallint,
          c_int2 int2,
          c_integer integer,
          c_int int,
          c_int4 int4,
          c_bigint bigint,
          c_int8 int8,
          c_real real,
          c_float4 float4,
          c_float_24 float(24),
          c_double double precision,
          c_float8 float8,
          c_float float,
          c_float_25 float(25),
          c_numeric numeric,
          c_numeric_10_2 numeric(10,2),
          c_decimal_12_4 decimal(12, 4),
          c_numeric_5 numeric(5),
          c_boolean boolean,
          c_bool bool,
          c_varchar varchar,
          c_varchar_255 varchar(255),
          c_character_varying_20 character varying(20),
          c_char char,
          c_character_1 character(1),
          c_char_10 char(10),
          c_bpchar bpchar,
          c_text text,
          c_date date,
          c_time time,
          c_time_3 time(3),
          c_time_6 time(6) without time zone,
          c_timetz time with time zone,
          c_timetz_2 timetz(2),
          c_timestamp timestamp,
          c_timestamp_6 timestamp(6) without time zone,
          c_timestamp_3 timestamp(3),
          c_timestamp_0 timestamp(0),
          c_timestamptz timestamp with time zone,
          c_timestamptz_6 timestamptz(6),
          c_timestamptz_3 timestamp(3) with time zone,
          c_uuid uuid,
          c_bytea bytea,
          c_jsonb jsonb,
          c_json json,
          c_int_array integer[],
          c_varchar_array varchar(10)[],
          c_text_matrix text[][],
          c_tsvector tsvector,
          c_interval interval,
          c_inet inet,
          c_money money,
          c_bit bit(3),
          c_varbit bit varying(5),
          c_xml xml,
          c_quoted_char "char",
          c_negative_scale numeric(10,-2)
        )""");

    Schema expected = schema(table("everything",
        col("c_smallint", SMALLINT),
        col("c_int2", SMALLINT),
        col("c_integer", INTEGER),
        col("c_int", INTEGER),
        col("c_int4", INTEGER),
        col("c_bigint", BIGINT),
        col("c_int8", BIGINT),
        col("c_real", REAL),
        col("c_float4", REAL),
        col("c_float_24", REAL),
        col("c_double", DOUBLE),
        col("c_float8", DOUBLE),
        col("c_float", DOUBLE),
        col("c_float_25", DOUBLE),
        col("c_numeric", NUMERIC),
        col("c_numeric_10_2", numeric(10, 2)),
        col("c_decimal_12_4", numeric(12, 4)),
        // format_type spells numeric(5) as numeric(5,0)
        col("c_numeric_5", numeric(5, 0)),
        col("c_boolean", BOOLEAN),
        col("c_bool", BOOLEAN),
        col("c_varchar", VARCHAR),
        col("c_varchar_255", varchar(255)),
        col("c_character_varying_20", varchar(20)),
        col("c_char", character(1)),
        col("c_character_1", character(1)),
        col("c_char_10", character(10)),
        // bpchar without a length is format_type's "bpchar"
        col("c_bpchar", new dev.autogenerate.schema.SqlType(
            dev.autogenerate.schema.SqlType.Kind.CHAR, null, null, null, null)),
        col("c_text", TEXT),
        col("c_date", DATE),
        col("c_time", TIME),
        col("c_time_3", time(3)),
        col("c_time_6", TIME),
        col("c_timetz", TIME_TZ),
        col("c_timetz_2", timeTz(2)),
        col("c_timestamp", TIMESTAMP),
        col("c_timestamp_6", TIMESTAMP),
        col("c_timestamp_3", timestamp(3)),
        col("c_timestamp_0", timestamp(0)),
        col("c_timestamptz", TIMESTAMP_TZ),
        col("c_timestamptz_6", TIMESTAMP_TZ),
        col("c_timestamptz_3", timestampTz(3)),
        col("c_uuid", UUID),
        col("c_bytea", BINARY),
        col("c_jsonb", JSON),
        col("c_json", raw("json")),
        col("c_int_array", raw("integer[]")),
        col("c_varchar_array", raw("character varying(10)[]")),
        col("c_text_matrix", raw("text[]")),
        col("c_tsvector", raw("tsvector")),
        col("c_interval", raw("interval")),
        col("c_inet", raw("inet")),
        col("c_money", raw("money")),
        col("c_bit", raw("bit(3)")),
        col("c_varbit", raw("bit varying(5)")),
        col("c_xml", raw("xml")),
        col("c_quoted_char", raw("\"char\"")),
        // SqlType rejects negative scales; the inspector keeps the spelling as a raw type
        col("c_negative_scale", raw("numeric(10,-2)"))));
    assertEquals(expected, inspect(database));
  }

  @Test
  void nullability() throws Exception {
    execute(database, "create table people (id bigint not null, name text not null, nickname text, age int null)");
    assertEquals(
        schema(table("people",
            notNull("id", BIGINT), notNull("name", TEXT), col("nickname", TEXT), col("age", INTEGER))),
        inspect(database));
  }

  @Test
  void identityAndSerialColumnsAreIdentityButOtherSequenceDefaultsAreNot() throws Exception {
    execute(database,
        "create sequence free_seq",
        "create sequence manual_seq",
        """
        create table ids (
          always_id integer generated always as identity,
          by_default_id bigint generated by default as identity,
          serial_id serial,
          bigserial_id bigserial,
          smallserial_id smallserial,
          plain_id integer not null,
          free_seq_id bigint default nextval('free_seq'),
          defaultless serial
        )""",
        // a default on another column's sequence: the sequence is not this column's
        "alter table ids add column borrowed_id integer default nextval('ids_serial_id_seq')",
        // a serial whose default is gone no longer generates anything
        "alter table ids alter column defaultless drop default",
        // serial spelled out by hand is serial
        "alter table ids add column manual_id bigint not null default nextval('manual_seq')",
        "alter sequence manual_seq owned by ids.manual_id",
        // the default of an identity column's sequence elsewhere is not an identity either
        "alter table ids add column stolen_identity bigint default nextval('ids_always_id_seq')");

    assertEquals(
        schema(table("ids",
            identity("always_id", INTEGER),
            identity("by_default_id", BIGINT),
            identity("serial_id", INTEGER),
            identity("bigserial_id", BIGINT),
            identity("smallserial_id", SMALLINT),
            notNull("plain_id", INTEGER),
            col("free_seq_id", BIGINT),
            notNull("defaultless", INTEGER),
            col("borrowed_id", INTEGER),
            identity("manual_id", BIGINT),
            col("stolen_identity", BIGINT))),
        inspect(database));
  }

  @Test
  void primaryKeysInKeyOrderWithTheirNames() throws Exception {
    execute(database,
        "create table plain (id bigserial primary key, name text)",
        "create table orders (tenant_id int, note text, id bigint, constraint orders_key primary key (id, tenant_id))",
        "create table three (a int, b int, c int, d int, primary key (c, a, d))",
        "create table keyless (x int)");
    assertEquals(
        schema(
            table("plain", identity("id", BIGINT), col("name", TEXT), pk("plain_pkey", "id")),
            table("orders",
                notNull("tenant_id", INTEGER), col("note", TEXT), notNull("id", BIGINT),
                pk("orders_key", "id", "tenant_id")),
            table("three",
                notNull("a", INTEGER), col("b", INTEGER), notNull("c", INTEGER), notNull("d", INTEGER),
                pk("three_pkey", "c", "a", "d")),
            table("keyless", col("x", INTEGER))),
        inspect(database));
  }

  @Test
  void onlyTablesOfTheCurrentSchemaAreRead() throws Exception {
    execute(database,
        "create table kept (id int primary key)",
        "create view kept_view as select * from kept",
        "create materialized view kept_matview as select * from kept",
        "create sequence some_seq",
        "create type mood as enum ('ok')",
        "create index kept_idx on kept (id)",
        "create table measurements (id int, taken date, primary key (id, taken)) partition by range (taken)",
        "create table measurements_2024 partition of measurements for values from ('2024-01-01') to ('2025-01-01')",
        "create table measurements_default partition of measurements default",
        "create table parent (id int)",
        "create table child (extra text) inherits (parent)",
        "create schema other",
        "create table other.elsewhere (id int)");

    assertEquals(
        schema(
            table("kept", notNull("id", INTEGER), pk("kept_pkey", "id")),
            table("measurements",
                notNull("id", INTEGER), notNull("taken", DATE), pk("measurements_pkey", "id", "taken")),
            table("parent", col("id", INTEGER)),
            table("child", col("id", INTEGER), col("extra", TEXT))),
        inspect(database));

    try (Connection connection = database.open()) {
      execute(connection, "set search_path to other");
      assertEquals(
          schema(table("elsewhere", col("id", INTEGER))),
          new PostgresInspector().inspect(connection, TableFilter.defaults()));
      execute(connection, "set search_path to no_such_schema");
      assertEquals(Schema.EMPTY, new PostgresInspector().inspect(connection, TableFilter.defaults()));
    }
  }

  @Test
  void tablesOwnedByAnExtensionAreNotRead() throws Exception {
    try (Connection connection = database.open();
        Statement statement = connection.createStatement();
        ResultSet superuser = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
      assumeTrue(superuser.next() && superuser.getBoolean(1), "making a table part of an extension takes a superuser");
    }
    // as PostGIS's spatial_ref_sys is: created by the extension, not by any migration
    execute(database,
        "create table ours (id int)",
        "create table extension_owned (x int)",
        "alter extension plpgsql add table extension_owned");
    assertEquals(schema(table("ours", col("id", INTEGER))), inspect(database));
  }

  @Test
  void temporaryTablesAreNotRead() throws Exception {
    execute(database, "create table kept (id int)");
    try (Connection connection = database.open()) {
      execute(connection, "create temporary table scratch (id int)", "create temporary table kept (other text)");
      assertEquals(
          schema(table("kept", col("id", INTEGER))),
          new PostgresInspector().inspect(connection, TableFilter.defaults()));
    }
  }

  @Test
  void droppedColumnsAreSkippedAndColumnsKeepTheirOrder() throws Exception {
    execute(database,
        "create table evolving (a int, b int, c int)",
        "alter table evolving drop column b",
        "alter table evolving add column b text",
        "alter table evolving add column a2 int");
    assertEquals(
        schema(table("evolving", col("a", INTEGER), col("c", INTEGER), col("b", TEXT), col("a2", INTEGER))),
        inspect(database));
  }

  @Test
  void generatedColumnsAreReadAsPlainColumns() throws Exception {
    execute(database, "create table gen (a int not null, doubled int generated always as (a * 2) stored)");
    assertEquals(
        schema(table("gen", notNull("a", INTEGER), col("doubled", INTEGER))),
        inspect(database));
  }

  @Test
  void aTableWithoutColumns() throws Exception {
    execute(database, "create table nothing ()");
    assertEquals(schema(table("nothing")), inspect(database));
  }

  @Test
  void quotedMixedCaseNamesArePreserved() throws Exception {
    execute(database,
        "create table \"OrderLine\" (\"LineId\" bigint, \"lineId\" int, \"Note Text\" text,"
            + " constraint \"OrderLine_PK\" primary key (\"lineId\", \"LineId\"))",
        "create table orderline (id int)",
        "create table \"Weird \"\"Name\"\"\" (\"x.y\" int)");
    assertEquals(
        schema(
            table("OrderLine",
                notNull("LineId", BIGINT), notNull("lineId", INTEGER), col("Note Text", TEXT),
                pk("OrderLine_PK", "lineId", "LineId")),
            table("orderline", col("id", INTEGER)),
            table("Weird \"Name\"", col("x.y", INTEGER))),
        inspect(database));
  }

  @Test
  void leavesTheTransactionAsItWas() throws Exception {
    execute(database, "create table t (id int)");
    try (Connection connection = database.open()) {
      connection.setAutoCommit(false);
      execute(connection, "create table uncommitted (id int)");
      Schema seen = new PostgresInspector().inspect(connection, TableFilter.defaults());
      assertTrue(seen.hasTable("uncommitted"), "sees its own transaction's tables");
      connection.rollback();
      assertEquals(List.of("t"), List.copyOf(
          new PostgresInspector().inspect(connection, TableFilter.defaults()).tables().keySet()));
    }
  }
}
