package dev.autogenerate.inspect;

import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.execute;
import static dev.autogenerate.inspect.InspectorTesting.fk;
import static dev.autogenerate.inspect.InspectorTesting.inspect;
import static dev.autogenerate.inspect.InspectorTesting.notNull;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.IndexColumn.desc;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TEXT;
import static dev.autogenerate.schema.SqlType.varchar;
import static dev.autogenerate.schema.UniqueConstraint.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.schema.CheckConstraint;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.ReferentialAction;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What both inspectors promise, checked against both databases. */
class InspectorContractTest {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEmptyDatabaseIsTheEmptySchema(DatabaseKind kind) throws Exception {
    assertEquals(Schema.EMPTY, inspect(TestDatabases.fresh(kind)));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void viewsAreReadApartFromTables(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    execute(database, "create table base (id bigint not null, name varchar(40))", "create view names as select name from base");
    Schema inspected = inspect(database);
    assertEquals(schema(table("base", notNull("id", BIGINT), col("name", varchar(40)))).tables(), inspected.tables());
    assertEquals(java.util.Set.of("names"), inspected.views().keySet());
    assertEquals(java.util.Map.of("base", new java.util.TreeSet<>(java.util.Set.of("name"))),
        inspected.view("names").orElseThrow().uses());
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void toolTablesAndExcludedTablesAreIgnored(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    execute(database,
        "create table " + TableFilter.VERSION_TABLE + " (version_num varchar(32) not null)",
        "create table flyway_schema_history (installed_rank int not null)",
        "create table \"DATABASECHANGELOG\" (id varchar(255) not null)",
        "create table databasechangeloglock (id int not null)",
        "create table audit_log (id int)",
        "create table \"Audit_Trail\" (id int)",
        "create table tmp_1 (id int)",
        "create table tmp_12 (id int)",
        "create table users_backup (id int)",
        "create table users (id int)",
        "create table autogenerate_version_notes (id int)");

    assertEquals(
        List.of("Audit_Trail", "audit_log", "autogenerate_version_notes", "tmp_1", "tmp_12", "users", "users_backup"),
        List.copyOf(inspect(database).tables().keySet()),
        "built-in exclusions only");

    TableFilter filter = TableFilter.defaults().withExcluded(List.of("audit_*", "tmp_?", "*_BACKUP"));
    assertEquals(
        List.of("autogenerate_version_notes", "tmp_12", "users"),
        List.copyOf(inspect(database, filter).tables().keySet()));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void mixedCaseNamesArePreserved(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    execute(database,
        "create table \"CamelCase\" (\"UserId\" bigint not null, \"displayName\" text, lower_name text)",
        "create table lower_case (\"MiXeD\" integer)");
    assertEquals(
        schema(
            table("CamelCase", notNull("UserId", BIGINT), col("displayName", TEXT), col("lower_name", TEXT)),
            table("lower_case", col("MiXeD", INTEGER))),
        inspect(database));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void rejectsMissingArguments(DatabaseKind kind) throws Exception {
    DatabaseInspector inspector = Database.forKind(kind).inspector();
    try (Connection connection = TestDatabases.fresh(kind).open()) {
      assertThrows(NullPointerException.class, () -> inspector.inspect(connection, null));
      assertThrows(NullPointerException.class, () -> inspector.inspect(null, TableFilter.defaults()));
    }
  }

  /**
   * The same portable DDL reads as the same constraints and indexes on both databases, where the
   * DDL names them.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void namedConstraintsAndIndexesReadAlike(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    execute(database,
        "create table teams (id bigint not null, code varchar(20) not null, constraint pk_teams primary key (id),"
            + " constraint uq_teams_code unique (code))",
        "create table members (id bigint not null, team_id bigint, name varchar(50) default 'anonymous',"
            + " mentor_id bigint,"
            + " constraint pk_members primary key (id),"
            + " constraint fk_members_team foreign key (team_id) references teams (id) on delete cascade,"
            + " constraint fk_members_mentor foreign key (mentor_id) references members (id) on update set null,"
            + " constraint uq_members_team_name unique (team_id, name))",
        "create index ix_members_name on members (name desc, id)",
        "create unique index ux_members_mentor on members (mentor_id)");
    Table members = inspect(database).requireTable("members");
    assertEquals(new PrimaryKey("pk_members", List.of("id")), members.primaryKey().orElseThrow());
    assertEquals(List.of(unique("uq_members_team_name", "team_id", "name")), members.uniqueConstraints());
    assertEquals(
        List.of(
            fk("fk_members_mentor", List.of("mentor_id"), "members", List.of("id"))
                .onUpdate(ReferentialAction.SET_NULL),
            fk("fk_members_team", List.of("team_id"), "teams", List.of("id")).onDelete(ReferentialAction.CASCADE)),
        members.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::name)).toList());
    assertEquals(
        List.of(index("ix_members_name", desc("name"), asc("id")), uniqueIndex("ux_members_mentor", asc("mentor_id"))),
        members.indexes());
    assertEquals(
        kind == DatabaseKind.POSTGRESQL ? "'anonymous'::character varying" : "'anonymous'",
        members.column("name").orElseThrow().defaultSql());
  }

  /** The statements an inspection runs do not depend on how many tables there are. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void runsAFixedNumberOfQueries(DatabaseKind kind) throws Exception {
    TestDatabase small = TestDatabases.fresh(kind);
    createTables(small, 2);
    TestDatabase large = TestDatabases.fresh(kind);
    createTables(large, 200);

    Inspection ofSmall = countedInspection(small);
    Inspection ofLarge = countedInspection(large);

    assertEquals(2, ofSmall.schema().tables().size());
    assertEquals(200, ofLarge.schema().tables().size());
    assertEquals(20, ofLarge.schema().sequences().size());
    Table sample = ofLarge.schema().requireTable("t_137");
    assertEquals(7, sample.columns().size());
    assertEquals(List.of("tenant", "id"), sample.primaryKey().orElseThrow().columns());
    assertEquals(List.of(unique("uq_t_137_code", "code", "tenant")), sample.uniqueConstraints());
    assertEquals(
        List.of(fk("fk_t_137_parent", List.of("parent_tenant", "parent_id"), "t_136", List.of("tenant", "id"))
            .onDelete(ReferentialAction.CASCADE)),
        sample.foreignKeys());
    assertEquals(List.of("ck_t_137_name"), sample.checks().stream().map(CheckConstraint::name).toList());
    assertEquals(index("ix_t_137_created", desc("created"), asc("name")), sample.indexes().get(0));
    assertEquals(List.of("ix_t_137_created", "ix_t_137_live"), sample.indexes().stream().map(Index::name).toList());
    assertFalse(sample.indexes().get(1).isManaged(), "the partial index is kept verbatim");
    assertEquals(ofSmall.statements(), ofLarge.statements(),
        "statements for 2 tables vs for 200 tables");
    assertTrue(ofLarge.statements() > 0, "the counting wrapper sees the inspector's statements");
    // PostgreSQL: columns, constraints, indexes, sequences, enum types, views, triggers on tables.
    // SQLite: columns, indexes, foreign keys, the values of the sequence tables, views and
    // triggers, within BEGIN DEFERRED and ROLLBACK (its own read transaction, in auto-commit).
    int expected = 7;
    assertEquals(expected, ofLarge.statements());
    System.out.printf("%s: %d statements; 200 tables inspected in %d ms (2 tables: %d ms)%n",
        kind, ofLarge.statements(), ofLarge.millis(), ofSmall.millis());
  }

  @Test
  void sqliteReadsSequenceValuesOnlyWhenThereAreSequenceTables() throws Exception {
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    execute(database, "create table t (id integer primary key, name text)");
    assertEquals(6, countedInspection(database).statements(), "four queries, and its read transaction's two");
  }

  private record Inspection(Schema schema, int statements, long millis) {}

  private static Inspection countedInspection(TestDatabase database) throws Exception {
    try (Connection connection = database.open()) {
      CountingConnection counting = CountingConnection.wrap(connection);
      long start = System.nanoTime();
      Schema schema = Database.forKind(database.kind()).inspector().inspect(counting.connection(), TableFilter.defaults());
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Inspection(schema, counting.executions(), millis);
    }
  }

  /**
   * Tables with a composite primary key, a unique constraint, a foreign key to the table before,
   * a check, an ordinary and a partial index, a default and (on PostgreSQL) comments; and a
   * sequence for every tenth table, as Hibernate makes them on each database.
   */
  private static void createTables(TestDatabase database, int count) throws Exception {
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String table = "t_" + i;
      String parent = "t_" + Math.max(i - 1, 0);
      statements.add("create table " + table + " (id bigint not null, tenant int not null,"
          + " name varchar(100) default 'n', created timestamp, parent_tenant int, parent_id bigint, code varchar(20),"
          + " primary key (tenant, id),"
          + " constraint uq_" + table + "_code unique (code, tenant),"
          + " constraint fk_" + table + "_parent foreign key (parent_tenant, parent_id)"
          + " references " + parent + " (tenant, id) on delete cascade,"
          + " constraint ck_" + table + "_name check (name <> ''))");
      statements.add("create index ix_" + table + "_created on " + table + " (created desc, name)");
      statements.add("create index ix_" + table + "_live on " + table + " (name) where parent_id is not null");
      if (database.kind() == DatabaseKind.POSTGRESQL) {
        statements.add("comment on table " + table + " is 'table " + i + "'");
        statements.add("comment on column " + table + ".name is 'name " + i + "'");
      }
      if (i % 10 == 0) {
        if (database.kind() == DatabaseKind.POSTGRESQL) {
          statements.add("create sequence " + table + "_seq start with 1 increment by 50");
        } else {
          statements.add("create table " + table + "_SEQ (next_val bigint)");
          statements.add("insert into " + table + "_SEQ values (1)");
        }
      }
    }
    try (Connection connection = database.open()) {
      connection.setAutoCommit(false);
      execute(connection, statements.toArray(String[]::new));
      connection.commit();
    }
  }
}
