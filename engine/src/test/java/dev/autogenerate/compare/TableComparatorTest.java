package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.POSTGRES;
import static dev.autogenerate.compare.CompareTesting.SQLITE;
import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.compare.CompareTesting.uq;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.comment;
import static dev.autogenerate.inspect.InspectorTesting.fk;
import static dev.autogenerate.inspect.InspectorTesting.identity;
import static dev.autogenerate.inspect.InspectorTesting.pk;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.Index.uniqueIndex;
import static dev.autogenerate.schema.IndexColumn.asc;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.operations.CreateIndex;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.SetTableComment;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableComparatorTest {

  /** A table with an id and one column per foreign key, each referencing {@code id} of a table. */
  private static Table linked(String name, String... referenced) {
    List<Object> parts = new ArrayList<>();
    parts.add(identity("id", BIGINT));
    parts.add(pk(name + "_pkey", "id"));
    for (String other : referenced) {
      parts.add(col(other + "_id", BIGINT));
      parts.add(fkTo(name, other));
    }
    return table(name, parts.toArray());
  }

  private static ForeignKey fkTo(String table, String referenced) {
    return fk("fk_" + table + "_" + referenced, List.of(referenced + "_id"), referenced, List.of("id"));
  }

  private static List<Operation> upgrade(ComparisonRules rules, Schema current, Schema wanted) {
    return operations(run(new TableComparator(rules, false), current, wanted).ordered(rules.foreignKeysMayReferenceLaterTables()));
  }

  @Test
  void keptTablesAreNotItsConcern() {
    Schema schema = schema(linked("users"), linked("orders", "users"));

    assertEquals(List.of(), upgrade(POSTGRES, schema, schema));
    assertEquals(List.of(), upgrade(SQLITE, schema, schema));
  }

  @Test
  void newTableIsCreatedThenItsIndexesThenItsComment() {
    Table users = table("users", identity("id", BIGINT), col("email", TEXT), col("name", TEXT), pk("users_pkey", "id"),
        uq("uq_users_email", "email"), index("ix_users_name", "name"), index("ix_users_email_name", "email", "name"),
        comment("people who log in"));

    List<Change> changes = run(new TableComparator(POSTGRES, false), schema(), schema(users)).ordered(false);

    Table bare = table("users", identity("id", BIGINT), col("email", TEXT), col("name", TEXT), pk("users_pkey", "id"),
        uq("uq_users_email", "email"));
    assertEquals(List.of(
        new CreateTable(bare),
        new CreateIndex("users", index("ix_users_name", "name")),
        new CreateIndex("users", index("ix_users_email_name", "email", "name")),
        new SetTableComment("users", "people who log in")), operations(changes));
    changes.forEach(change -> assertNull(change.reason(), change.toString()));
  }

  @Test
  void newTablesAreCreatedReferencedFirst() {
    // By name alone, a_orders would come first.
    Schema wanted = schema(linked("a_orders", "c_customers", "b_products"), linked("b_products"),
        linked("c_customers"));

    assertEquals(List.of(
        new CreateTable(linked("c_customers")),
        new CreateTable(linked("b_products")),
        new CreateTable(linked("a_orders", "c_customers", "b_products"))), upgrade(POSTGRES, schema(), wanted));
  }

  @Test
  void foreignKeysToExistingTablesAndToItselfAreInline() {
    Table employees = table("employees", identity("id", BIGINT), col("manager_id", BIGINT), col("team_id", BIGINT),
        pk("employees_pkey", "id"), fk("fk_employees_manager", List.of("manager_id"), "employees", List.of("id")),
        fkTo("employees", "team"));

    List<Operation> upgrade = upgrade(POSTGRES, schema(linked("team")), schema(linked("team"), employees));

    assertEquals(List.of(new CreateTable(employees)), upgrade);
  }

  @Test
  void onPostgresACycleBetweenNewTablesIsClosedByALaterForeignKey() {
    Schema wanted = schema(linked("a", "b"), linked("b", "a"));

    List<Change> changes = run(new TableComparator(POSTGRES, false), schema(), wanted).ordered(false);

    Table bWithoutKey = table("b", identity("id", BIGINT), pk("b_pkey", "id"), col("a_id", BIGINT));
    assertEquals(List.of(
        new CreateTable(bWithoutKey),
        new CreateTable(linked("a", "b")),
        new AddConstraint("b", fkTo("b", "a"))), operations(changes));
    assertEquals("added after the tables it links, which reference each other", changes.get(2).reason());
  }

  @Test
  void onSqliteACycleBetweenNewTablesStaysInline() {
    Schema wanted = schema(linked("a", "b"), linked("b", "a"));

    assertEquals(List.of(new CreateTable(linked("b", "a")), new CreateTable(linked("a", "b"))),
        upgrade(SQLITE, schema(), wanted));
  }

  @Test
  void droppedTablesGoReferencingFirstAndSayTheirRowsGo() {
    Schema current = schema(linked("a_lines", "b_orders"), linked("b_orders", "c_customers"), linked("c_customers"));

    List<Change> changes = run(new TableComparator(POSTGRES, false), current, schema()).ordered(false);

    assertEquals(List.of(new DropTable("a_lines"), new DropTable("b_orders"), new DropTable("c_customers")),
        operations(changes));
    assertEquals("table b_orders is in the database but no entity maps it: dropping it deletes its rows",
        changes.get(1).reason());
  }

  @Test
  void onPostgresDroppedTablesInACycleLoseTheClosingForeignKeyFirst() {
    Schema current = schema(linked("a", "b"), linked("b", "a"));

    assertEquals(List.of(new DropConstraint("b", "fk_b_a"), new DropTable("a"), new DropTable("b")),
        upgrade(POSTGRES, current, schema()));
  }

  @Test
  void onSqliteDroppedTablesInACycleAreSimplyDropped() {
    Schema current = schema(linked("a", "b"), linked("b", "a"));

    assertEquals(List.of(new DropTable("a"), new DropTable("b")), upgrade(SQLITE, current, schema()));
  }

  @Test
  void newTablesComeBeforeDroppedOnes() {
    Schema current = schema(linked("old"));
    Schema wanted = schema(linked("new"));

    assertEquals(List.of(new CreateTable(linked("new")), new DropTable("old")), upgrade(POSTGRES, current, wanted));
  }

  @Test
  void aForeignKeyToAKeyAKeptTableAlreadyHasIsInline() {
    Table countries = table("countries", identity("id", BIGINT), pk("countries_pkey", "id"), col("code", TEXT),
        col("iso", TEXT), uq("countries_code_key", "code"), uniqueIndex("countries_iso_idx", asc("iso")));
    ForeignKey byCode = fk("fk_a_code", List.of("code"), "countries", List.of("code"));
    ForeignKey byIso = fk("fk_a_iso", List.of("iso"), "countries", List.of("iso"));
    Table addresses = table("a", col("code", TEXT), col("iso", TEXT), byCode, byIso);

    assertEquals(List.of(new CreateTable(addresses)),
        upgrade(POSTGRES, schema(countries), schema(countries, addresses)));
  }

  @Test
  void onPostgresAForeignKeyToAKeyAKeptTableLacksWaits() {
    Table countries = table("countries", identity("id", BIGINT), pk("countries_pkey", "id"), col("code", TEXT));
    ForeignKey byCode = fk("fk_a_code", List.of("code"), "countries", List.of("code"));
    Table addresses = table("a", col("code", TEXT), byCode);

    List<Change> changes = run(new TableComparator(POSTGRES, false), schema(countries), schema(countries, addresses)).ordered(false);

    assertEquals(List.of(new CreateTable(table("a", col("code", TEXT))), new AddConstraint("a", byCode)), operations(changes));
    assertEquals("added after the tables change: countries has no key on (code) yet", changes.get(1).reason());
    assertEquals(List.of(new CreateTable(addresses)), upgrade(SQLITE, schema(countries), schema(countries, addresses)));
  }
}
