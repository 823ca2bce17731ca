package dev.autogenerate.inspect;

import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.execute;
import static dev.autogenerate.inspect.InspectorTesting.inspect;
import static dev.autogenerate.inspect.InspectorTesting.notNull;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TEXT;
import static dev.autogenerate.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
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
  void viewsAreIgnored(DatabaseKind kind) throws Exception {
    TestDatabase database = TestDatabases.fresh(kind);
    execute(database, "create table base (id bigint not null, name varchar(40))", "create view names as select name from base");
    assertEquals(schema(table("base", notNull("id", BIGINT), col("name", varchar(40)))), inspect(database));
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
    DatabaseInspector inspector = DatabaseInspector.forKind(kind);
    try (Connection connection = TestDatabases.fresh(kind).open()) {
      assertThrows(NullPointerException.class, () -> inspector.inspect(connection, null));
      assertThrows(NullPointerException.class, () -> inspector.inspect(null, TableFilter.defaults()));
    }
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
    Table sample = ofLarge.schema().requireTable("t_137");
    assertEquals(4, sample.columns().size());
    assertEquals(List.of("tenant", "id"), sample.primaryKey().orElseThrow().columns());
    assertEquals(ofSmall.statements(), ofLarge.statements(),
        "statements for 2 tables vs for 200 tables");
    assertTrue(ofLarge.statements() > 0, "the counting wrapper sees the inspector's statements");
    int expected = kind == DatabaseKind.POSTGRESQL ? 2 : 1;
    assertEquals(expected, ofLarge.statements());
    System.out.printf("%s: %d statements; 200 tables inspected in %d ms (2 tables: %d ms)%n",
        kind, ofLarge.statements(), ofLarge.millis(), ofSmall.millis());
  }

  private record Inspection(Schema schema, int statements, long millis) {}

  private static Inspection countedInspection(TestDatabase database) throws Exception {
    try (Connection connection = database.open()) {
      CountingConnection counting = CountingConnection.wrap(connection);
      long start = System.nanoTime();
      Schema schema = DatabaseInspector.forKind(database.kind()).inspect(counting.connection(), TableFilter.defaults());
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Inspection(schema, counting.executions(), millis);
    }
  }

  private static void createTables(TestDatabase database, int count) throws Exception {
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statements.add("create table t_" + i + " (id bigint not null, tenant int not null, name varchar(100),"
          + " created timestamp, primary key (tenant, id))");
    }
    try (Connection connection = database.open()) {
      connection.setAutoCommit(false);
      execute(connection, statements.toArray(String[]::new));
      connection.commit();
    }
  }

}
