package dev.autogenerate.database.postgres;

import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.comment;
import static dev.autogenerate.inspect.InspectorTesting.execute;
import static dev.autogenerate.inspect.InspectorTesting.fk;
import static dev.autogenerate.inspect.InspectorTesting.identity;
import static dev.autogenerate.inspect.InspectorTesting.inspect;
import static dev.autogenerate.inspect.InspectorTesting.notNull;
import static dev.autogenerate.inspect.InspectorTesting.pk;
import static dev.autogenerate.inspect.InspectorTesting.raw;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.CheckConstraint.check;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.Sequence.sequence;
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
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogenerate.database.Database;
import java.util.TreeSet;
import java.util.Set;
import java.util.Map;
import dev.autogenerate.schema.Sequence;
import dev.autogenerate.schema.View;
import dev.autogenerate.inspect.CountingConnection;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
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
    assertInstanceOf(PostgresInspector.class, Database.forKind(DatabaseKind.POSTGRESQL).inspector());
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
        // arrays read the same from format_type() and from Hibernate ("varchar(10) array")
        col("c_varchar_array", raw("varchar(10)[]")),
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
        schema(
            List.of(table("ids",
                identity("always_id", INTEGER),
                identity("by_default_id", BIGINT),
                identity("serial_id", INTEGER),
                identity("bigserial_id", BIGINT),
                identity("smallserial_id", SMALLINT),
                notNull("plain_id", INTEGER),
                col("free_seq_id", BIGINT).defaultSql("nextval('free_seq'::regclass)"),
                notNull("defaultless", INTEGER),
                col("borrowed_id", INTEGER).defaultSql("nextval('ids_serial_id_seq'::regclass)"),
                identity("manual_id", BIGINT),
                col("stolen_identity", BIGINT).defaultSql("nextval('ids_always_id_seq'::regclass)"))),
            // a serial's sequence (or one owned by a column) says whose it is, and so does a generated
            // by default identity's, which an entity may take ids from; a generated always one's
            // refuses such ids, and is the column's own
            List.of(sequence("free_seq", 1, 1), owned("ids_bigserial_id_seq", "ids.bigserial_id"),
                new Sequence("ids_by_default_id_seq", 1, 1, "ids.by_default_id", List.of(), true),
                owned("ids_defaultless_seq", "ids.defaultless"), owned("ids_serial_id_seq", "ids.serial_id"),
                owned("ids_smallserial_id_seq", "ids.smallserial_id"), owned("manual_seq", "ids.manual_id")),
            List.of()),
        inspect(database));
  }

  private static Sequence owned(String name, String column) {
    return new Sequence(name, 1, 1, column);
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
        inspect(database).withoutSequencesOwnedBy("plain", null)); // its serial's: tested above
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
            List.of(
                table("kept", notNull("id", INTEGER), pk("kept_pkey", "id"), index("kept_idx", "id")),
                table("measurements",
                    notNull("id", INTEGER), notNull("taken", DATE), pk("measurements_pkey", "id", "taken")),
                table("parent", col("id", INTEGER)),
                table("child", col("id", INTEGER), col("extra", TEXT))),
            List.of(sequence("some_seq", 1, 1)),
            List.of(enumType("mood", "ok")))
            .withViewsAndTriggers(List.of(
                new View("kept_view", "SELECT id\n   FROM kept", Map.of("kept", new TreeSet<>(Set.of("id")))),
                new View("kept_matview", "SELECT id\n   FROM kept", Map.of("kept", new TreeSet<>(Set.of("id"))), true)),
                List.of()),
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

  /**
   * Views with the query PostgreSQL deparses and, from the catalog's dependencies, exactly the
   * columns they read: an alias named like a column is not a use, a view over a view reads that
   * view, and a view in another schema read through the filter is qualified.
   */
  @Test
  void viewsWithTheColumnsTheyReadFromTheCatalog() throws Exception {
    execute(database,
        "create table orders (id int primary key, amount int, note text, status text)",
        "create view totals as select id, amount as note from orders where status = 'paid'",
        "create view big as select id from totals where note > 10",
        "create schema other",
        "create view other.counted as select count(*) as n from orders");

    Schema schema;
    try (Connection connection = database.open()) {
      schema = new PostgresInspector().inspect(connection, TableFilter.defaults().withSchemas(Set.of("other")));
    }

    View totals = schema.view("totals").orElseThrow();
    assertEquals(Map.of("orders", new TreeSet<>(Set.of("id", "amount", "status"))), totals.uses());
    assertEquals("SELECT id,\n    amount AS note\n   FROM orders\n  WHERE (status = 'paid'::text)", totals.definition());
    assertEquals(Map.of("totals", new TreeSet<>(Set.of("id", "note"))), schema.view("big").orElseThrow().uses());
    assertEquals(Set.of("orders"), schema.view("other.counted").orElseThrow().relations());
    assertEquals(Set.of("big", "other.counted", "totals"), schema.views().keySet());
    assertFalse(schema.hasTable("totals"));
  }

  /**
   * The triggers on views, named as DROP TRIGGER takes them, quoted where needed: trigger names
   * are each relation's own, and names that hold " on " stay apart.
   */
  @Test
  void triggersOnViewsNamedAsDropTriggerTakesThem() throws Exception {
    execute(database,
        "create table orders (id int primary key, amount int)",
        "create view \"x on y\" as select id from orders",
        "create view y as select id from orders",
        "create schema other",
        "create view other.v as select id from orders",
        "create function nothing() returns trigger language plpgsql as $$ begin return null; end $$",
        "create trigger t instead of insert on \"x on y\" for each row execute function nothing()",
        "create trigger \"t on x\" instead of insert on y for each row execute function nothing()",
        "create trigger t instead of insert on other.v for each row execute function nothing()");

    Schema schema;
    try (Connection connection = database.open()) {
      schema = new PostgresInspector().inspect(connection, TableFilter.defaults().withSchemas(Set.of("other")));
    }

    assertEquals(Set.of("t on \"x on y\"", "\"t on x\" on y", "t on other.v"), schema.triggers().keySet());
    assertEquals("x on y", schema.triggers().get("t on \"x on y\"").table());
    assertEquals("other.v", schema.triggers().get("t on other.v").table());
    assertTrue(schema.triggers().get("\"t on x\" on y").sql().startsWith("CREATE TRIGGER \"t on x\" INSTEAD OF INSERT ON"),
        () -> schema.triggers().get("\"t on x\" on y").sql());
  }

  /**
   * The triggers on tables, which hold on to the columns their statements name: named as on
   * views; not the internal triggers of foreign keys, nor those of tables the filter leaves out.
   */
  @Test
  void triggersOnTablesWithoutTheForeignKeysOwn() throws Exception {
    execute(database,
        "create table customers (id int primary key)",
        "create table orders (id int primary key, amount int, customer_id int references customers)",
        "create table flyway_schema_history (installed_rank int primary key)",
        "create function nothing() returns trigger language plpgsql as $$ begin return new; end $$",
        "create trigger priced before update on orders for each row when (new.amount > 0) execute function nothing()",
        "create trigger kept before insert on flyway_schema_history for each row execute function nothing()");

    Schema schema;
    try (Connection connection = database.open()) {
      schema = new PostgresInspector().inspect(connection, TableFilter.defaults());
    }

    assertEquals(Set.of("priced on orders"), schema.triggers().keySet());
    assertEquals("orders", schema.triggers().get("priced on orders").table());
    assertTrue(schema.triggers().get("priced on orders").sql().contains("WHEN ((new.amount > 0))"),
        () -> schema.triggers().get("priced on orders").sql());
  }

  /**
   * A trigger's function that leaves the writing to functions it calls: their sources are read
   * after its own, calls deep (here three functions), so that dropping a column one of them
   * writes stops the migration as the function's own use does (a review found the drop of
   * audit_log.row_id let through when the trigger's function called a helper inserting it).
   * Neither a function merely named like one (no call) nor one calling itself is read twice.
   */
  @Test
  void aTriggersFunctionIsReadWithTheFunctionsItCalls() throws Exception {
    execute(database,
        "create table orders (id int primary key, amount int)",
        "create table audit_log (id serial primary key, row_id int, action text)",
        "create function write_audit(row_id int, action text) returns void language sql as"
            + " $$ insert into audit_log (row_id, action) values (row_id, action) $$",
        "create function audited(row_id int) returns void language plpgsql as"
            + " $$ begin perform write_audit(row_id, 'insert'); perform audited_count(); end $$",
        "create function audited_count() returns int language plpgsql as"
            + " $$ begin if false then return audited_count(); end if; return 0; end $$",
        "create function unrelated() returns int language sql as $$ select 42 $$",
        "create function retired() returns int language sql as $$ select 43 $$",
        "create function trg_orders() returns trigger language plpgsql as"
            + " $$ begin /* first */ perform \"audited\" (new.id); -- not unrelated\n"
            + " -- was: perform retired();\n /* perform retired(); */ return new; end $$",
        "create trigger orders_audit after insert on orders for each row execute function trg_orders()");

    Schema schema;
    try (Connection connection = database.open()) {
      schema = new PostgresInspector().inspect(connection, TableFilter.defaults());
    }

    String body = schema.triggers().get("orders_audit on orders").functionBody();
    assertTrue(body.startsWith(" begin /* first */ perform \"audited\" (new.id);"), body);
    assertTrue(body.contains("insert into audit_log (row_id, action)"), body);
    assertTrue(body.contains("perform write_audit(row_id, 'insert')"), body);
    assertEquals(1, body.split("return audited_count\\(\\)", -1).length - 1, body);
    assertFalse(body.contains("select 42"), body);
    // Named only in comments, it is no call (found by a review: a drop it would block was stopped).
    assertFalse(body.contains("select 43"), body);
  }

  /** A materialized view is read as a view, marked as such, with the columns it reads: never as a table. */
  @Test
  void materializedViewsAreViewsThatSayTheyAre() throws Exception {
    execute(database,
        "create table orders (id int primary key, amount int, note text)",
        "create materialized view order_totals as select id, amount from orders",
        "create view plain as select id from orders");

    Schema schema;
    try (Connection connection = database.open()) {
      schema = new PostgresInspector().inspect(connection, TableFilter.defaults());
    }

    View totals = schema.view("order_totals").orElseThrow();
    assertTrue(totals.materialized());
    assertEquals(Map.of("orders", new TreeSet<>(Set.of("id", "amount"))), totals.uses());
    assertFalse(schema.view("plain").orElseThrow().materialized());
    assertFalse(schema.hasTable("order_totals"));
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

  @Test
  void uniqueConstraintsWithColumnsInConstraintOrderAndNotAsIndexes() throws Exception {
    execute(database,
        "create table accounts (id bigint primary key, email text unique, tenant int, login text,"
            + " constraint accounts_login_per_tenant unique (login, tenant))",
        "create table \"Mixed\" (\"Id\" int, \"Code\" text, constraint \"UQ_Mixed\" unique (\"Code\", \"Id\"))",
        // a unique constraint made from an existing index is a constraint too
        "create table adopted (a int, b int)",
        "create unique index adopted_a_b on adopted (b, a)",
        "alter table adopted add constraint adopted_uq unique using index adopted_a_b");
    assertEquals(
        schema(
            table("accounts",
                notNull("id", BIGINT), col("email", TEXT), col("tenant", INTEGER), col("login", TEXT),
                pk("accounts_pkey", "id"),
                unique("accounts_email_key", "email"),
                unique("accounts_login_per_tenant", "login", "tenant")),
            table("Mixed", col("Id", INTEGER), col("Code", TEXT), unique("UQ_Mixed", "Code", "Id")),
            table("adopted", col("a", INTEGER), col("b", INTEGER), unique("adopted_uq", "b", "a"))),
        inspect(database));
  }

  @Test
  void foreignKeysWithColumnsReferencedColumnsAndActions() throws Exception {
    execute(database,
        "create table teams (id bigint primary key, code text not null, region int not null,"
            + " constraint teams_code_region unique (region, code))",
        """
        create table members (
          id bigint primary key,
          team_id bigint references teams,
          code text,
          region int,
          mentor_id bigint,
          a bigint, b bigint, c bigint, d bigint, e bigint,
          constraint fk_members_team_code foreign key (code, region) references teams (code, region)
            on delete set null on update cascade,
          constraint fk_members_mentor foreign key (mentor_id) references members (id) on delete set default,
          foreign key (a) references teams on delete restrict on update restrict,
          foreign key (b) references teams on delete cascade on update set null,
          foreign key (c) references teams on delete no action on update set default,
          foreign key (d) references teams on delete set null (d),
          foreign key (e) references teams on update no action deferrable initially deferred
        )""",
        "create table tree (tenant int, id int, parent_tenant int, parent_id int, primary key (tenant, id),"
            + " constraint tree_parent foreign key (parent_id, parent_tenant) references tree (id, tenant))");
    assertEquals(
        schema(
            table("teams", notNull("id", BIGINT), notNull("code", TEXT), notNull("region", INTEGER),
                pk("teams_pkey", "id"), unique("teams_code_region", "region", "code")),
            table("members",
                notNull("id", BIGINT), col("team_id", BIGINT), col("code", TEXT), col("region", INTEGER),
                col("mentor_id", BIGINT), col("a", BIGINT), col("b", BIGINT), col("c", BIGINT), col("d", BIGINT),
                col("e", BIGINT),
                pk("members_pkey", "id"),
                // ordered by name
                fk("fk_members_mentor", List.of("mentor_id"), "members", List.of("id"))
                    .onDelete(ReferentialAction.SET_DEFAULT),
                // the referenced columns in the key's order, not the referenced constraint's
                fk("fk_members_team_code", List.of("code", "region"), "teams", List.of("code", "region"))
                    .onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE),
                fk("members_a_fkey", List.of("a"), "teams", List.of("id"))
                    .onDelete(ReferentialAction.RESTRICT).onUpdate(ReferentialAction.RESTRICT),
                fk("members_b_fkey", List.of("b"), "teams", List.of("id"))
                    .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.SET_NULL),
                fk("members_c_fkey", List.of("c"), "teams", List.of("id"))
                    .onUpdate(ReferentialAction.SET_DEFAULT),
                // "set null (d)" names columns the model does not hold: still set null
                fk("members_d_fkey", List.of("d"), "teams", List.of("id")).onDelete(ReferentialAction.SET_NULL),
                fk("members_e_fkey", List.of("e"), "teams", List.of("id")),
                fk("members_team_id_fkey", List.of("team_id"), "teams", List.of("id"))),
            table("tree",
                notNull("tenant", INTEGER), notNull("id", INTEGER), col("parent_tenant", INTEGER),
                col("parent_id", INTEGER),
                pk("tree_pkey", "tenant", "id"),
                fk("tree_parent", List.of("parent_id", "parent_tenant"), "tree", List.of("id", "tenant")))),
        inspect(database));
  }

  @Test
  void foreignKeysToOtherSchemasAreQualifiedAndToPartitionedTablesAreOneKey() throws Exception {
    execute(database,
        "create schema reference",
        "create table reference.countries (code char(2) primary key)",
        "create schema \"Other Place\"",
        "create table \"Other Place\".\"Cities\" (\"Id\" int primary key)",
        "create table events (id int, day int, primary key (id, day)) partition by range (day)",
        "create table events_1 partition of events for values from (0) to (10)",
        "create table events_2 partition of events for values from (10) to (20)",
        """
        create table addresses (
          country char(2) constraint addresses_country references reference.countries,
          city int constraint addresses_city references "Other Place"."Cities",
          event_id int, event_day int,
          constraint addresses_event foreign key (event_id, event_day) references events
        )""");
    Table addresses = inspect(database).requireTable("addresses");
    assertEquals(
        List.of(
            fk("addresses_city", List.of("city"), "Other Place.Cities", List.of("Id")),
            fk("addresses_country", List.of("country"), "reference.countries", List.of("code")),
            fk("addresses_event", List.of("event_id", "event_day"), "events", List.of("id", "day"))),
        addresses.foreignKeys());
  }

  @Test
  void checkConstraintsAsPostgresqlDeparsesThem() throws Exception {
    execute(database,
        "create type status as enum ('NEW', 'PAID')",
        """
        create table orders (
          id int primary key,
          quantity int check (quantity > 0),
          price numeric(10, 2),
          discount numeric(10, 2),
          state status,
          code varchar(10),
          constraint orders_discount_below_price check (discount < price and discount >= 0),
          constraint orders_state check (state <> 'PAID' or price is not null),
          constraint orders_code check (code in ('A', 'B') or code like 'X%')
        )""",
        "alter table orders add constraint orders_late check (id > 0) not valid",
        "alter table orders add constraint orders_local check (id < 1000000) no inherit");
    Table orders = inspect(database).requireTable("orders");
    assertEquals(
        List.of(
            check("orders_code", "(((code)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))"
                + " OR ((code)::text ~~ 'X%'::text))"),
            check("orders_discount_below_price", "((discount < price) AND (discount >= (0)::numeric))"),
            check("orders_late", "(id > 0)"),
            check("orders_local", "(id < 1000000)"),
            check("orders_quantity_check", "(quantity > 0)"),
            check("orders_state", "((state <> 'PAID'::status) OR (price IS NOT NULL))")),
        orders.checks());
    // the expression is pg_get_constraintdef() without CHECK (...) and what follows it
    try (Connection connection = database.open();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select conname, pg_get_constraintdef(oid) from pg_constraint"
            + " where conrelid = 'orders'::regclass and contype = 'c' order by conname")) {
      for (CheckConstraint check : orders.checks()) {
        assertTrue(rows.next());
        assertEquals(check.name(), rows.getString(1));
        assertTrue(rows.getString(2).startsWith("CHECK (" + check.expression() + ")"), rows.getString(2));
      }
    }
    assertEquals(List.of(), orders.uniqueConstraints());
  }

  @Test
  void notNullColumnsAreNoCheckConstraints() throws Exception {
    execute(database, "create table t (a int not null, b int constraint b_set not null)");
    assertEquals(schema(table("t", notNull("a", INTEGER), notNull("b", INTEGER))), inspect(database));
  }

  @Test
  void indexesWithColumnOrderDescendingAndUniqueness() throws Exception {
    execute(database,
        "create table events (id bigint primary key, tenant int, created timestamp, kind text, code text,"
            + " constraint events_code_key unique (code),"
            + " constraint events_no_overlap exclude using gist (int4range(tenant, tenant, '[]') with &&))",
        "create index ix_events_created on events (created desc, tenant)",
        "create index ix_events_tenant_kind on events (tenant, kind)",
        "create unique index ux_events_kind_tenant on events (kind desc, tenant desc)",
        // an index that duplicates the primary key's is still an index of its own
        "create index ix_events_id on events (id)");
    Table events = inspect(database).requireTable("events");
    assertEquals(
        List.of(
            index("ix_events_created", desc("created"), asc("tenant")),
            index("ix_events_id", "id"),
            index("ix_events_tenant_kind", "tenant", "kind"),
            uniqueIndex("ux_events_kind_tenant", desc("kind"), desc("tenant"))),
        events.indexes(),
        "the indexes of the primary key, the unique constraint and the exclusion constraint are no indexes");
    assertEquals(List.of(unique("events_code_key", "code")), events.uniqueConstraints());
  }

  @Test
  void indexesNoMappingCanExpressAreVerbatim() throws Exception {
    execute(database,
        "create table docs (id int, title text, body text, n int, tags text[], score int)",
        "create unique index ux_docs_title_live on docs (title) where n > 0",
        "create index ix_docs_lower_title on docs (lower(title))",
        "create index ix_docs_mixed on docs (n, (n + 1))",
        "create index ix_docs_tags on docs using gin (tags)",
        "create index ix_docs_hash on docs using hash (title)",
        "create index ix_docs_covering on docs (n) include (title)",
        "create index ix_docs_pattern on docs (title text_pattern_ops)",
        "create index ix_docs_collated on docs (title collate \"C\")",
        "create index ix_docs_nulls_first on docs (score nulls first)",
        "create index ix_docs_desc_nulls_last on docs (score desc nulls last)",
        "create unique index ux_docs_n on docs (n) nulls not distinct",
        "create index ix_docs_fill on docs (score) with (fillfactor = 70)",
        // the ordinary spellings of the default orders are ordinary indexes
        "create index ix_docs_plain on docs using btree (score asc nulls last, n desc nulls first)");
    assertEquals(
        List.of(
            Index.verbatim("ix_docs_collated", false,
                "CREATE INDEX ix_docs_collated ON public.docs USING btree (title COLLATE \"C\")"),
            Index.verbatim("ix_docs_covering", false,
                "CREATE INDEX ix_docs_covering ON public.docs USING btree (n) INCLUDE (title)"),
            Index.verbatim("ix_docs_desc_nulls_last", false,
                "CREATE INDEX ix_docs_desc_nulls_last ON public.docs USING btree (score DESC NULLS LAST)"),
            Index.verbatim("ix_docs_fill", false,
                "CREATE INDEX ix_docs_fill ON public.docs USING btree (score) WITH (fillfactor='70')"),
            Index.verbatim("ix_docs_hash", false, "CREATE INDEX ix_docs_hash ON public.docs USING hash (title)"),
            Index.verbatim("ix_docs_lower_title", false,
                "CREATE INDEX ix_docs_lower_title ON public.docs USING btree (lower(title))"),
            Index.verbatim("ix_docs_mixed", false,
                "CREATE INDEX ix_docs_mixed ON public.docs USING btree (n, ((n + 1)))"),
            Index.verbatim("ix_docs_nulls_first", false,
                "CREATE INDEX ix_docs_nulls_first ON public.docs USING btree (score NULLS FIRST)"),
            Index.verbatim("ix_docs_pattern", false,
                "CREATE INDEX ix_docs_pattern ON public.docs USING btree (title text_pattern_ops)"),
            index("ix_docs_plain", asc("score"), desc("n")),
            Index.verbatim("ix_docs_tags", false, "CREATE INDEX ix_docs_tags ON public.docs USING gin (tags)"),
            Index.verbatim("ux_docs_n", true,
                "CREATE UNIQUE INDEX ux_docs_n ON public.docs USING btree (n) NULLS NOT DISTINCT"),
            Index.verbatim("ux_docs_title_live", true,
                "CREATE UNIQUE INDEX ux_docs_title_live ON public.docs USING btree (title) WHERE (n > 0)")),
        inspect(database).requireTable("docs").indexes());
  }

  @Test
  void defaultsVerbatimButNoneForIdentitySerialOrGeneratedColumns() throws Exception {
    execute(database,
        "create sequence counter_seq",
        """
        create table settings (
          id bigserial primary key,
          seq_id int generated by default as identity,
          name varchar(40) default 'x',
          label text default 'it''s',
          amount int default 0,
          ratio numeric(5, 2) default -1.5,
          active boolean not null default true,
          created timestamptz default now(),
          updated timestamp default current_timestamp,
          day date default current_date,
          counter bigint default nextval('counter_seq'),
          doubled int generated always as (amount * 2) stored,
          nothing text default null,
          tags text[] default '{}'
        )""");
    assertEquals(
        schema(
            List.of(table("settings",
                identity("id", BIGINT),
                identity("seq_id", INTEGER),
                col("name", varchar(40)).defaultSql("'x'::character varying"),
                col("label", TEXT).defaultSql("'it''s'::text"),
                col("amount", INTEGER).defaultSql("0"),
                col("ratio", numeric(5, 2)).defaultSql("'-1.5'::numeric"),
                notNull("active", BOOLEAN).defaultSql("true"),
                col("created", TIMESTAMP_TZ).defaultSql("now()"),
                col("updated", TIMESTAMP).defaultSql("CURRENT_TIMESTAMP"),
                col("day", DATE).defaultSql("CURRENT_DATE"),
                col("counter", BIGINT).defaultSql("nextval('counter_seq'::regclass)"),
                col("doubled", INTEGER),
                col("nothing", TEXT),
                col("tags", raw("text[]")).defaultSql("'{}'::text[]"),
                pk("settings_pkey", "id"))),
            List.of(sequence("counter_seq", 1, 1)),
            List.of()),
        inspect(database).withoutSequencesOwnedBy("settings", null));
  }

  @Test
  void tableAndColumnComments() throws Exception {
    execute(database,
        "create table notes (id int, body text, plain int)",
        "comment on table notes is 'Notes, one per line'",
        "comment on column notes.id is 'The key'",
        "comment on column notes.body is 'Line one\nline two'",
        "create table bare (id int)",
        "create table \"Quiet\" (x int)",
        "comment on column \"Quiet\".x is 'only a column'");
    assertEquals(
        schema(
            table("notes",
                col("id", INTEGER).comment("The key"),
                col("body", TEXT).comment("Line one\nline two"),
                col("plain", INTEGER),
                comment("Notes, one per line")),
            table("bare", col("id", INTEGER)),
            table("Quiet", col("x", INTEGER).comment("only a column"))),
        inspect(database));
  }

  @Test
  void sequencesThoseOfSerialColumnsSayingWhoseTheyAreButNotThoseOfIdentityColumns() throws Exception {
    execute(database,
        "create sequence users_seq start with 1 increment by 50",
        "create sequence \"Orders_SEQ\" start with 100 increment by 10",
        "create sequence countdown start with -1 increment by -1",
        "create sequence used_by_default",
        "create table t (a int generated always as identity, b serial, c bigserial,"
            + " d bigint default nextval('used_by_default'), e int)",
        "create sequence owned_by_e owned by t.e",
        "select nextval('users_seq')",
        "create schema elsewhere",
        "create sequence elsewhere.not_here");
    Schema inspected = inspect(database);
    assertEquals(
        List.of(
            sequence("Orders_SEQ", 100, 10),
            sequence("countdown", -1, -1),
            owned("owned_by_e", "t.e"),
            owned("t_b_seq", "t.b"),
            owned("t_c_seq", "t.c"),
            // the start is the declared one, however far the sequence has moved on
            sequence("used_by_default", 1, 1),
            sequence("users_seq", 1, 50)),
        List.copyOf(inspected.sequences().values()));
    assertEquals(
        List.of("Orders_SEQ", "countdown", "owned_by_e", "t_b_seq", "t_c_seq", "users_seq"),
        List.copyOf(inspect(database, TableFilter.defaults().withExcluded(List.of("used_*"))).sequences().keySet()),
        "the table filter applies to sequences");
  }

  @Test
  void enumTypesWithValuesInOrderAndColumnsOfThem() throws Exception {
    execute(database,
        "create type order_status as enum ('NEW', 'PAID', 'SHIPPED')",
        "alter type order_status add value 'DRAFT' before 'NEW'",
        "alter type order_status add value 'RETURNED'",
        "create type \"Mood\" as enum ('sad', 'ok', 'happy')",
        "create type one_value as enum ('only')",
        "create type not_an_enum as (x int)",
        "create domain positive as int check (value > 0)",
        "create table orders (status order_status not null default 'NEW', mood \"Mood\", history order_status[],"
            + " amount positive)",
        "create schema elsewhere",
        "create type elsewhere.hidden as enum ('x')");
    assertEquals(
        schema(
            List.of(table("orders",
                notNull("status", raw("order_status")).defaultSql("'NEW'::order_status"),
                col("mood", raw("\"Mood\"")),
                col("history", raw("order_status[]")),
                col("amount", raw("positive")))),
            List.of(),
            List.of(
                enumType("Mood", "sad", "ok", "happy"),
                enumType("one_value", "only"),
                enumType("order_status", "DRAFT", "NEW", "PAID", "SHIPPED", "RETURNED"))),
        inspect(database));
  }

  @Test
  void everyKindOfObjectFollowsTheCurrentSchema() throws Exception {
    execute(database,
        "create table here (id int primary key, code text unique, check (id > 0))",
        "create index here_code on here (code, id)",
        "create sequence here_seq",
        "create type here_enum as enum ('a')",
        "create schema other",
        "create table other.there (id int primary key, code text unique, here_id int references public.here,"
            + " check (id < 0))",
        "create index there_code on other.there (code desc)",
        "create sequence other.there_seq increment by 5",
        "create type other.there_enum as enum ('b', 'c')",
        "comment on table other.there is 'over there'");
    try (Connection connection = database.open()) {
      execute(connection, "set search_path to other, public");
      assertEquals(
          schema(
              List.of(table("there",
                  notNull("id", INTEGER), col("code", TEXT), col("here_id", INTEGER),
                  pk("there_pkey", "id"),
                  unique("there_code_key", "code"),
                  fk("there_here_id_fkey", List.of("here_id"), "public.here", List.of("id")),
                  check("there_id_check", "(id < 0)"),
                  index("there_code", desc("code")),
                  comment("over there"))),
              List.of(sequence("there_seq", 1, 5)),
              List.of(enumType("there_enum", "b", "c"))),
          new PostgresInspector().inspect(connection, TableFilter.defaults()));
    }
  }

  @Test
  void otherSchemasAreReadWhenNamedAsSchemaDotName() throws Exception {
    execute(database,
        "create schema sales",
        "create schema \"It's\"",
        "create table customers (id bigint primary key)",
        "create table sales.orders (id bigint primary key, customer_id bigint"
            + " constraint fk_orders_customer references customers (id))",
        "create index ix_orders_customer on sales.orders (customer_id)",
        "create table notes (id bigint primary key, order_id bigint constraint fk_notes_order references sales.orders (id))",
        "create sequence sales.orders_seq start with 1 increment by 50",
        "create table \"It's\".hidden (id bigint)",
        "create table sales.autogenerate_version (version_num text)");

    Schema onlyCurrent = inspect(database);
    assertEquals(List.of("customers", "notes"), List.copyOf(onlyCurrent.tables().keySet()));
    assertEquals("sales.orders", onlyCurrent.requireTable("notes").foreignKeys().get(0).referencedTable());

    Schema withSales;
    try (Connection connection = database.open()) {
      CountingConnection counting = CountingConnection.wrap(connection);
      withSales = new PostgresInspector().inspect(counting.connection(),
          TableFilter.defaults().withSchemas(java.util.Set.of("sales", "It's", "missing")));
      assertEquals(7, counting.executions(), "still seven queries, however many schemas");
    }
    assertEquals(List.of("It's.hidden", "customers", "notes", "sales.orders"), List.copyOf(withSales.tables().keySet()));
    Table orders = withSales.requireTable("sales.orders");
    assertEquals(List.of(fk("fk_orders_customer", List.of("customer_id"), "customers", List.of("id"))), orders.foreignKeys());
    assertEquals(List.of(index("ix_orders_customer", asc("customer_id"))), orders.indexes());
    assertEquals(List.of(pk("orders_pkey", "id")).get(0).columns(), orders.primaryKey().orElseThrow().columns());
    assertEquals(List.of(sequence("sales.orders_seq", 1, 50)), List.copyOf(withSales.sequences().values()));
  }
}
