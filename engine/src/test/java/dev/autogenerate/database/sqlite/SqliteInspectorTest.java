package dev.autogenerate.database.sqlite;

import static dev.autogenerate.inspect.InspectorTesting.col;
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
import static dev.autogenerate.schema.SqlType.UUID;
import static dev.autogenerate.schema.SqlType.binary;
import static dev.autogenerate.schema.SqlType.character;
import static dev.autogenerate.schema.SqlType.numeric;
import static dev.autogenerate.schema.SqlType.timestamp;
import static dev.autogenerate.schema.SqlType.varchar;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.autogenerate.database.Database;
import java.util.TreeSet;
import java.util.Set;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.View;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.UniqueConstraint;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqliteInspectorTest {

  private final TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);

  @Test
  void forKindGivesTheSqliteInspector() {
    assertInstanceOf(SqliteInspector.class, Database.forKind(DatabaseKind.SQLITE).inspector());
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
  void rowidAliasesAreIdentityAndNeverNull() throws Exception {
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
            // written without quotes: read as PostgreSQL would hold it, as the entities name it
            table("upper_auto", identity("id", INTEGER), pk(null, "id")),
            table("named_auto", identity("id", INTEGER), pk("named_auto_pk", "id")),
            // without AUTOINCREMENT SQLite still fills the id: Hibernate's own SQLite DDL for IDENTITY
            table("rowid_alias", identity("id", INTEGER), col("name", TEXT), pk(null, "id")),
            table("table_level_alias", identity("id", INTEGER), col("name", TEXT), pk(null, "id")),
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
          schema(table("kept", identity("id", INTEGER), col("body", TEXT), pk(null, "id"), index("kept_idx", "body")))
              .withViewsAndTriggers(
                  List.of(new View("kept_view", "select * from kept", Map.of("kept", new TreeSet<>())))
                  , List.of(new Trigger("kept_trigger", "kept",
                      "CREATE TRIGGER kept_trigger after insert on kept begin select 1; end"))),
          new SqliteInspector().inspect(connection, TableFilter.defaults()));
    }
  }

  /**
   * Views with their query, what they read found by name (SQLite records no dependencies), a view
   * over a view after it; triggers verbatim with the table or view they are on.
   */
  @Test
  void viewsWithWhatTheyReadAndTriggers() throws Exception {
    execute(database,
        "create table orders (id integer primary key, amount int, note text, status text)",
        "create view \"Totals\" (a, b) as select id, amount from orders where status = 'as note'",
        "create view big as select a from [Totals] where b > 10",
        "create trigger big_insert instead of insert on big begin insert into orders (id) values (new.a); end");

    Schema schema = inspect(database);

    View totals = schema.view("Totals").orElseThrow();
    assertEquals("WITH _autogenerate_view (a, b) AS (select id, amount from orders where status = 'as note')"
        + " SELECT * FROM _autogenerate_view", totals.definition(), "the column list names the columns");
    assertEquals(Map.of("orders", new TreeSet<>(Set.of("id", "amount", "status"))), totals.uses());
    assertEquals(Set.of("Totals"), schema.view("big").orElseThrow().relations());
    assertEquals(List.of(new Trigger("big_insert", "big",
        "CREATE TRIGGER big_insert instead of insert on big begin insert into orders (id) values (new.a); end")),
        schema.triggersOn("big"));
  }

  /**
   * SQLite keeps a trigger's table as its statement spelled it: the schema names the table as
   * the table is named, so that a rename or a drop of the table takes the trigger along.
   */
  @Test
  void aTriggersTableIsNamedAsTheTableIsWhateverTheStatementsCase() throws Exception {
    execute(database,
        "create table orders (id integer primary key, note text)",
        "create table audit (what text)",
        "create trigger orders_logged after insert on ORDERS begin insert into audit values (new.note); end",
        // SQLite folds ASCII letters only: a table named É is not é.
        "create table \"É\" (id integer)",
        "create table \"é\" (id integer)",
        "create trigger lower_logged after insert on \"é\" begin insert into audit values ('é'); end");

    Schema schema = inspect(database);

    assertEquals("orders", schema.triggers().get("orders_logged").table());
    assertEquals("é", schema.triggers().get("lower_logged").table());
    assertEquals(Set.of("lower_logged"), schema.withoutTable("orders").triggers().keySet(),
        "the table's trigger went with it");
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
        schema(table("st", identity("id", INTEGER), col("a", raw("any")), notNull("t", TEXT), col("r", REAL),
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

  /**
   * SQLite keeps names as their statements wrote them; what was written without quotes is read
   * as PostgreSQL would hold the same statement, folded, as the entities name it (Hibernate's
   * default naming writes {@code create table Author (fullName ...)}). Every name that refers to
   * it follows: keys, indexes, references written in yet another case, views.
   */
  @Test
  void namesWrittenWithoutQuotesAreReadFolded() throws Exception {
    execute(database,
        "create table Author (Id integer primary key, fullName text, \"Pen Name\" text,"
            + " constraint UQ_Author_FullName unique (FULLNAME))",
        "create table Book (id integer primary key, authorId int constraint FK_Book_Author references AUTHOR (ID),"
            + " editorId int references Author)",
        "alter table Book add column Title text",
        "create index IX_Book_Title on BOOK (title desc)",
        "create index \"IX_Quoted\" on Book (authorId)",
        "create view RecentBooks as select Title from Book");
    assertEquals(
        schema(
            table("author", identity("id", INTEGER), col("fullname", TEXT), col("Pen Name", TEXT), pk(null, "id"),
                unique("uq_author_fullname", "fullname")),
            table("book", identity("id", INTEGER), col("authorid", INTEGER), col("editorid", INTEGER),
                col("title", TEXT), pk(null, "id"),
                fk("fk_book_author", List.of("authorid"), "author", List.of("id")),
                fk("book_editorid_fkey", List.of("editorid"), "author", List.of("id")),
                index("ix_book_title", desc("title")), index("IX_Quoted", "authorid"))).tables(),
        inspect(database).tables());
    assertEquals(Set.of("recentbooks"), inspect(database).views().keySet());
  }

  @Test
  void columnsAddedLaterKeepTheirOrder() throws Exception {
    execute(database,
        "create table evolving (id integer primary key autoincrement, a int)",
        "alter table evolving add column b text not null default ''",
        "alter table evolving rename column a to a2");
    assertEquals(
        schema(table("evolving", identity("id", INTEGER), col("a2", INTEGER), notNull("b", TEXT).defaultSql("''"),
            pk(null, "id"))),
        inspect(database));
  }

  @Test
  void uniqueConstraintsNamedAsDeclaredOrAsSqliteNamesTheirIndexes() throws Exception {
    execute(database,
        "create table accounts (id integer primary key, email text unique, tenant int, login text,"
            + " nick text constraint accounts_nick_key unique,"
            + " constraint accounts_login_per_tenant unique (login, tenant), unique (tenant, email))",
        "create table \"Mixed\" (\"Id\" int, \"Code\" text, constraint \"UQ Mixed\" unique ([code], \"id\"))",
        // a primary key that needs an index has one of origin 'pk': no unique constraint
        "create table keyed (code text primary key, other text)");
    assertEquals(
        schema(
            table("accounts",
                identity("id", INTEGER), col("email", TEXT), col("tenant", INTEGER), col("login", TEXT),
                col("nick", TEXT),
                pk(null, "id"),
                unique("sqlite_autoindex_accounts_1", "email"),
                unique("accounts_nick_key", "nick"),
                unique("accounts_login_per_tenant", "login", "tenant"),
                unique("sqlite_autoindex_accounts_4", "tenant", "email")),
            table("Mixed", col("Id", INTEGER), col("Code", TEXT), unique("UQ Mixed", "Code", "Id")),
            table("keyed", col("code", TEXT), col("other", TEXT), pk(null, "code"))),
        inspect(database));
  }

  @Test
  void indexesWithColumnOrderDescendingAndUniqueness() throws Exception {
    execute(database,
        "create table events (id integer primary key, tenant int, created timestamp, kind text, code text unique)",
        "create index ix_events_created on events (created desc, tenant)",
        "create index ix_events_tenant_kind on events (tenant asc, kind)",
        "create unique index ux_events_kind_tenant on events (kind desc, tenant desc)",
        "create index \"Ix Mixed\" on events (\"KIND\")");
    Table events = inspect(database).requireTable("events");
    assertEquals(
        List.of(
            index("ix_events_created", desc("created"), asc("tenant")),
            index("ix_events_tenant_kind", "tenant", "kind"),
            uniqueIndex("ux_events_kind_tenant", desc("kind"), desc("tenant")),
            index("Ix Mixed", "kind")),
        events.indexes(),
        "the unique constraint's index is no index; column names as the table spells them");
    assertEquals(List.of(unique("sqlite_autoindex_events_1", "code")), events.uniqueConstraints());
  }

  @Test
  void partialExpressionAndCollatedIndexesAreVerbatim() throws Exception {
    execute(database,
        "create table docs (id integer primary key, title text, n int)",
        "create unique index ux_docs_title_live on docs (title) where n > 0",
        "create index ix_docs_lower_title on docs (lower(title))",
        "create index ix_docs_mixed on docs (n, n + 1)",
        "CREATE INDEX ix_docs_nocase ON docs (title COLLATE NOCASE)");
    assertEquals(
        List.of(
            Index.verbatim("ux_docs_title_live", true,
                "CREATE UNIQUE INDEX ux_docs_title_live on docs (title) where n > 0"),
            Index.verbatim("ix_docs_lower_title", false, "CREATE INDEX ix_docs_lower_title on docs (lower(title))"),
            Index.verbatim("ix_docs_mixed", false, "CREATE INDEX ix_docs_mixed on docs (n, n + 1)"),
            Index.verbatim("ix_docs_nocase", false, "CREATE INDEX ix_docs_nocase ON docs (title COLLATE NOCASE)")),
        inspect(database).requireTable("docs").indexes());
  }

  @Test
  void foreignKeysInDeclarationOrderWithTheirNamesAndActions() throws Exception {
    execute(database,
        "create table teams (id integer primary key, code text not null, region int not null,"
            + " unique (region, code))",
        """
        create table members (
          id integer primary key,
          team_id int references TEAMS,
          code text,
          region int,
          mentor_id int constraint fk_members_mentor references members (ID) on delete set default,
          a int, b int, c int, e int,
          constraint fk_members_team_code foreign key (code, region) references teams (code, region)
            on delete set null on update cascade,
          foreign key (a) references teams on delete restrict on update restrict,
          foreign key (b) references teams (id) on delete cascade on update set null,
          foreign key (c) references teams on delete no action on update set default,
          foreign key (e) references teams deferrable initially deferred
        )""",
        "create table tree (tenant int, id int, parent_tenant int, parent_id int, primary key (tenant, id),"
            + " constraint tree_parent foreign key (parent_id, parent_tenant) references tree (id, tenant))",
        // SQLite accepts a reference to a table that is not there (yet): no foreign key of the model
        "create table dangling (x int references nowhere (id), y int)");
    assertEquals(
        schema(
            table("teams", identity("id", INTEGER), notNull("code", TEXT), notNull("region", INTEGER),
                pk(null, "id"), unique("sqlite_autoindex_teams_1", "region", "code")),
            table("members",
                identity("id", INTEGER), col("team_id", INTEGER), col("code", TEXT), col("region", INTEGER),
                col("mentor_id", INTEGER), col("a", INTEGER), col("b", INTEGER), col("c", INTEGER),
                col("e", INTEGER),
                pk(null, "id"),
                // a reference without columns is to the referenced table's primary key; an
                // unnamed key is named as PostgreSQL would name it, so a migration can drop it
                fk("members_team_id_fkey", List.of("team_id"), "teams", List.of("id")),
                // names as the referenced table spells them
                fk("fk_members_mentor", List.of("mentor_id"), "members", List.of("id"))
                    .onDelete(ReferentialAction.SET_DEFAULT),
                fk("fk_members_team_code", List.of("code", "region"), "teams", List.of("code", "region"))
                    .onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE),
                fk("members_a_fkey", List.of("a"), "teams", List.of("id"))
                    .onDelete(ReferentialAction.RESTRICT).onUpdate(ReferentialAction.RESTRICT),
                fk("members_b_fkey", List.of("b"), "teams", List.of("id"))
                    .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.SET_NULL),
                fk("members_c_fkey", List.of("c"), "teams", List.of("id")).onUpdate(ReferentialAction.SET_DEFAULT),
                fk("members_e_fkey", List.of("e"), "teams", List.of("id"))),
            table("tree",
                col("tenant", INTEGER), col("id", INTEGER), col("parent_tenant", INTEGER), col("parent_id", INTEGER),
                pk(null, "tenant", "id"),
                fk("tree_parent", List.of("parent_id", "parent_tenant"), "tree", List.of("id", "tenant"))),
            table("dangling", col("x", INTEGER), col("y", INTEGER))),
        inspect(database));
  }

  @Test
  void aDeclarationWrittenTwiceGivesItsNameOnce() throws Exception {
    // SQLite does not check that constraint names differ: the second of two declarations alike
    // (name, columns, table) is named as an unnamed one would be, so no two constraints share a name.
    execute(database,
        "create table p (id integer primary key)",
        "create table t (id integer primary key, a int, b text,"
            + " constraint fk foreign key (a) references p (id),"
            + " constraint fk foreign key (a) references p (id) on delete cascade,"
            + " constraint u unique (b), constraint u unique (b collate nocase))",
        // The same in another case: SQLite's names ignore it.
        "create table t2 (id integer primary key, a int, b text,"
            + " constraint fk foreign key (a) references p (id),"
            + " constraint FK foreign key (A) references P (id) on delete cascade,"
            + " constraint u unique (b), constraint U unique (B collate nocase))");
    Schema inspected = inspect(database);
    Table t = inspected.requireTable("t");
    assertEquals(List.of("fk", "t_a_fkey"), t.foreignKeys().stream().map(ForeignKey::name).sorted().toList());
    assertEquals(List.of("sqlite_autoindex_t_2", "u"),
        t.uniqueConstraints().stream().map(UniqueConstraint::name).sorted().toList());
    Table t2 = inspected.requireTable("t2");
    assertEquals(List.of("fk", "t2_a_fkey"), t2.foreignKeys().stream().map(ForeignKey::name).sorted().toList());
    assertEquals(List.of("sqlite_autoindex_t2_2", "u"),
        t2.uniqueConstraints().stream().map(UniqueConstraint::name).sorted().toList());
  }

  @Test
  void foreignKeysToExcludedTablesAreStillRead() throws Exception {
    execute(database,
        "create table audit_users (uid integer primary key)",
        "create table notes (author int references audit_users)");
    assertEquals(
        schema(table("notes", col("author", INTEGER), fk("notes_author_fkey", List.of("author"), "audit_users", List.of("uid")))),
        inspect(database, TableFilter.defaults().withExcluded(List.of("audit_*"))));
  }

  @Test
  void checkConstraintsAsWrittenInDeclarationOrder() throws Exception {
    execute(database, """
        create table orders (
          id integer primary key,
          quantity int check (quantity > 0),
          price numeric(10, 2) constraint orders_price_positive check ( price >= 0 ),
          discount numeric(10, 2),
          code text check (code in ('A', 'B)') or code like 'X%'),
          constraint orders_discount_below_price check (discount < price and (discount >= 0)),
          check (length(code) <= 10) -- a comment, check (x)
        )""");
    assertEquals(
        List.of(
            // unnamed checks are named as PostgreSQL names table checks
            check("orders_check", "quantity > 0"),
            check("orders_price_positive", "price >= 0"),
            check("orders_check1", "code in ('A', 'B)') or code like 'X%'"),
            check("orders_discount_below_price", "discount < price and (discount >= 0)"),
            check("orders_check2", "length(code) <= 10")),
        inspect(database).requireTable("orders").checks());
  }

  @Test
  void defaultsAsWritten() throws Exception {
    execute(database, """
        create table settings (
          id integer primary key autoincrement,
          name varchar(40) default 'x',
          label text default 'it''s',
          amount int default 0,
          ratio real default -1.5,
          active boolean not null default true,
          created timestamp default CURRENT_TIMESTAMP,
          computed int default (1 + 2),
          missing text default null,
          plain text
        )""");
    assertEquals(
        schema(table("settings",
            identity("id", INTEGER),
            col("name", varchar(40)).defaultSql("'x'"),
            col("label", TEXT).defaultSql("'it''s'"),
            col("amount", INTEGER).defaultSql("0"),
            col("ratio", REAL).defaultSql("-1.5"),
            notNull("active", BOOLEAN).defaultSql("true"),
            col("created", TIMESTAMP).defaultSql("CURRENT_TIMESTAMP"),
            col("computed", INTEGER).defaultSql("1 + 2"),
            col("missing", TEXT).defaultSql("null"),
            col("plain", TEXT),
            pk(null, "id"))),
        inspect(database));
  }

  @Test
  void hibernateSequenceTablesAreSequences() throws Exception {
    execute(database,
        "create table users_SEQ (next_val bigint)",
        "insert into users_SEQ values (101)",
        "create table \"Order's SEQ\" (next_val bigint)",
        "insert into \"Order's SEQ\" values (1)",
        "create table unused_seq (next_val bigint)",
        "create table audit_SEQ (next_val bigint)",
        // a table with more than the one column is a table
        "create table counters (next_val bigint, name text)",
        "create table users (id bigint primary key)");
    Schema inspected = inspect(database, TableFilter.defaults().withExcluded(List.of("audit_*")));
    assertEquals(
        schema(
            List.of(
                table("counters", col("next_val", BIGINT), col("name", TEXT)),
                table("users", col("id", BIGINT), pk(null, "id"))),
            List.of(
                sequence("Order's SEQ", 1, 1),
                // its start is where the sequence is now, and its increment unknown: 1; the name
                // written without quotes is read folded, as the entities name Hibernate's users_SEQ
                sequence("users_seq", 101, 1),
                sequence("unused_seq", 1, 1)),
            List.of()),
        inspected);
  }

  @Test
  void manySequenceTablesInOneStatement() throws Exception {
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      statements.add("create table t" + i + "_SEQ (next_val bigint)");
      statements.add("insert into t" + i + "_SEQ values (" + (i * 50 + 1) + ")");
    }
    try (Connection connection = database.open()) {
      connection.setAutoCommit(false);
      execute(connection, statements.toArray(String[]::new));
      connection.commit();
    }
    Schema inspected = inspect(database);
    assertEquals(1200, inspected.sequences().size());
    assertEquals(sequence("t777_seq", 777 * 50 + 1, 1), inspected.sequence("t777_seq").orElseThrow());
    assertEquals(Map.of(), inspected.tables());
  }
}
