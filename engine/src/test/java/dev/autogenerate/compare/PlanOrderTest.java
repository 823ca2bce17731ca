package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.POSTGRES;
import static dev.autogenerate.compare.CompareTesting.SQLITE;
import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.compare.CompareTesting.uq;
import static dev.autogenerate.inspect.InspectorTesting.col;
import static dev.autogenerate.inspect.InspectorTesting.fk;
import static dev.autogenerate.inspect.InspectorTesting.identity;
import static dev.autogenerate.inspect.InspectorTesting.pk;
import static dev.autogenerate.inspect.InspectorTesting.schema;
import static dev.autogenerate.inspect.InspectorTesting.table;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.ReferentialAction.CASCADE;
import static dev.autogenerate.schema.Sequence.sequence;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.TEXT;
import static dev.autogenerate.schema.SqlType.sqlType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.ChangeGroup;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AddConstraint;
import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.AlterSequence;
import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.CreateTable;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropConstraint;
import dev.autogenerate.operations.DropEnumType;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of a whole plan, on each database. */
class PlanOrderTest {

  private static MigrationPlan compare(ComparisonRules rules, Schema current, Schema wanted) {
    return new SchemaComparison(rules).compare(current, wanted);
  }

  private static List<Operation> upgrade(ComparisonRules rules, Schema current, Schema wanted) {
    return operations(compare(rules, current, wanted).upgradeChanges());
  }

  private static ForeignKey key(String table, String referenced) {
    return fk("fk_" + table + "_" + referenced + "_id_" + referenced, List.of(referenced + "_id"), referenced, List.of("id"));
  }

  /** {@code name (id, <referenced>_id..., extra...)} with a foreign key per referenced table. */
  private static Table linked(String name, List<ForeignKey> keys, Object... extra) {
    List<Object> parts = new ArrayList<>(List.of(identity("id", BIGINT), pk(name + "_pkey", "id")));
    for (ForeignKey key : keys) {
      parts.add(col(key.columns().get(0), BIGINT));
      parts.add(key);
    }
    parts.addAll(List.of(extra));
    return table(name, parts.toArray());
  }

  /**
   * Three kept tables, two of them changing a foreign key's actions and each gaining a column:
   * teams <- users <- orders.
   */
  private static final Schema KEPT_BEFORE = schema(
      linked("teams", List.of()),
      linked("users", List.of(key("users", "teams"))),
      linked("orders", List.of(key("orders", "users"))));

  private static final Schema KEPT_AFTER = schema(
      linked("teams", List.of(), col("motto", TEXT)),
      linked("users", List.of(key("users", "teams").onDelete(CASCADE)), col("nick", TEXT)),
      linked("orders", List.of(key("orders", "users").onDelete(CASCADE)), col("note", TEXT)));

  @Test
  void onPostgresForeignKeysAreDroppedBeforeAnyTableChangesAndAddedAfterAll() {
    List<Operation> upgrade = upgrade(POSTGRES, KEPT_BEFORE, KEPT_AFTER);

    assertEquals(List.of(
        new DropConstraint("orders", "fk_orders_users_id_users"),
        new DropConstraint("users", "fk_users_teams_id_teams"),
        new AddColumn("orders", col("note", TEXT)),
        new AddColumn("teams", col("motto", TEXT)),
        new AddColumn("users", col("nick", TEXT)),
        new AddConstraint("orders", key("orders", "users").onDelete(CASCADE)),
        new AddConstraint("users", key("users", "teams").onDelete(CASCADE))), upgrade);
  }

  @Test
  void onSqliteEachTableChangesInOneRunForeignKeysIncluded() {
    MigrationPlan plan = compare(SQLITE, KEPT_BEFORE, KEPT_AFTER);

    assertEquals(List.of(
        new DropConstraint("orders", "fk_orders_users_id_users"),
        new AddColumn("orders", col("note", TEXT)),
        new AddConstraint("orders", key("orders", "users").onDelete(CASCADE)),
        new AddColumn("teams", col("motto", TEXT)),
        new DropConstraint("users", "fk_users_teams_id_teams"),
        new AddColumn("users", col("nick", TEXT)),
        new AddConstraint("users", key("users", "teams").onDelete(CASCADE))), operations(plan.upgradeChanges()));
    assertEquals(List.of("orders", "teams", "users"), plan.upgrade().stream().map(ChangeGroup::subject).toList());
  }

  @Test
  void onPostgresATableIsSplitAroundTheForeignKeysButEachPartIsOneGroup() {
    MigrationPlan plan = compare(POSTGRES, KEPT_BEFORE, KEPT_AFTER);

    assertEquals(List.of("orders", "users", "orders", "teams", "users", "orders", "users"),
        plan.upgrade().stream().map(ChangeGroup::subject).toList());
  }

  @Test
  void onSqliteEveryKeptTableIsOneGroupHoweverMuchChanges() {
    Schema before = schema(linked("a", List.of()), linked("b", List.of(key("b", "a")), col("x", TEXT), col("y", TEXT)));
    Schema after = schema(linked("a", List.of(), col("z", TEXT)),
        linked("b", List.of(key("b", "a").onDelete(CASCADE)), col("x", BIGINT), uq("uq_b_x", "x"), col("w", TEXT)));

    MigrationPlan plan = compare(SQLITE, before, after);

    assertEquals(List.of("a", "b"), plan.upgrade().stream().map(ChangeGroup::subject).toList());
    assertEquals(List.of(
        new DropConstraint("b", "fk_b_a_id_a"),
        new AddColumn("b", col("w", TEXT)),
        new AlterColumn("b", "x", List.of(ColumnChange.type(BIGINT))),
        new DropColumn("b", "y"),
        new AddConstraint("b", uq("uq_b_x", "x")),
        new AddConstraint("b", key("b", "a").onDelete(CASCADE))), plan.upgrade().get(1).operations());
  }

  @Test
  void newTablesAreCreatedBeforeTheKeptTablesChange() {
    Schema before = schema(linked("users", List.of()));
    Schema after = schema(linked("users", List.of(key("users", "teams")), col("nick", TEXT)), linked("teams", List.of()));

    for (ComparisonRules rules : List.of(POSTGRES, SQLITE)) {
      List<Operation> upgrade = upgrade(rules, before, after);

      assertEquals(new CreateTable(linked("teams", List.of())), upgrade.get(0));
      assertEquals(new AddConstraint("users", key("users", "teams")), upgrade.get(upgrade.size() - 1));
    }
  }

  @Test
  void newTablesAreCreatedInForeignKeyOrder() {
    Schema wanted = schema(linked("a_lines", List.of(key("a_lines", "b_orders"))),
        linked("b_orders", List.of(key("b_orders", "c_customers"))), linked("c_customers", List.of()));

    for (ComparisonRules rules : List.of(POSTGRES, SQLITE)) {
      assertEquals(List.of("c_customers", "b_orders", "a_lines"),
          upgrade(rules, schema(), wanted).stream().map(Operation::subject).toList());
    }
  }

  @Test
  void onPostgresACycleBetweenNewTablesIsClosedAfterTheKeptTablesChange() {
    Schema before = schema(linked("kept", List.of()));
    Schema wanted = schema(linked("kept", List.of(key("kept", "a")), col("x", TEXT)), linked("a", List.of(key("a", "b"))),
        linked("b", List.of(key("b", "a"))));

    List<Operation> upgrade = upgrade(POSTGRES, before, wanted);

    assertEquals(List.of(
        new CreateTable(table("b", identity("id", BIGINT), pk("b_pkey", "id"), col("a_id", BIGINT))),
        new CreateTable(linked("a", List.of(key("a", "b")))),
        new AddColumn("kept", col("a_id", BIGINT)),
        new AddColumn("kept", col("x", TEXT)),
        new AddConstraint("b", key("b", "a")),
        new AddConstraint("kept", key("kept", "a"))), upgrade);
  }

  @Test
  void onSqliteACycleBetweenNewTablesIsInline() {
    Schema wanted = schema(linked("a", List.of(key("a", "b"))), linked("b", List.of(key("b", "a"))));

    assertEquals(List.of(new CreateTable(linked("b", List.of(key("b", "a")))),
        new CreateTable(linked("a", List.of(key("a", "b"))))), upgrade(SQLITE, schema(), wanted));
  }

  @Test
  void droppedTablesGoAfterTheKeptTablesReferencingOnesFirst() {
    Schema before = schema(linked("kept", List.of(key("kept", "b_parent"))), linked("a_child", List.of(key("a_child", "b_parent"))),
        linked("b_parent", List.of()));
    Schema after = schema(linked("kept", List.of()));

    for (ComparisonRules rules : List.of(POSTGRES, SQLITE)) {
      List<Operation> upgrade = upgrade(rules, before, after);

      assertEquals(List.of(new DropConstraint("kept", "fk_kept_b_parent_id_b_parent"),
          new DropColumn("kept", "b_parent_id"), new DropTable("a_child"), new DropTable("b_parent")), upgrade);
    }
  }

  @Test
  void enumTypesAndSequencesComeFirstAndGoLast() {
    Schema before = Schema.of(List.of(linked("kept", List.of()), linked("old", List.of())),
        List.of(sequence("old_seq", 1, 1)), List.of(enumType("old_status", "A")));
    Schema after = Schema.of(
        List.of(linked("kept", List.of(), col("status", sqlType("status"))), linked("new", List.of())),
        List.of(sequence("new_seq", 1, 50)), List.of(enumType("status", "A", "B")));

    for (ComparisonRules rules : List.of(POSTGRES, SQLITE)) {
      assertEquals(List.of(
          new CreateEnumType(enumType("status", "A", "B")),
          new CreateSequence(sequence("new_seq", 1, 50)),
          new CreateTable(linked("new", List.of())),
          new AddColumn("kept", col("status", sqlType("status"))),
          new DropTable("old"),
          new DropSequence("old_seq"),
          new DropEnumType("old_status")), upgrade(rules, before, after));
    }
  }

  @Test
  void unnamedConstraintsOfTheEntitiesAreNamedByTheConvention() {
    Schema before = schema(linked("users", List.of(), col("email", TEXT)));
    Schema after = schema(linked("users", List.of(), col("email", TEXT), uq(null, "email")));

    assertEquals(List.of(new AddConstraint("users", uq("uq_users_email", "email"))), upgrade(POSTGRES, before, after));
  }

  @Test
  void warningsAndNoticesOfEveryComparatorAreCollected() {
    Schema before = Schema.of(List.of(linked("users", List.of(), col("at", TEXT).defaultSql("now()"),
        index("ix_dba", "at"))), List.of(sequence("s", 1, 1)), List.of());
    Schema after = Schema.of(List.of(linked("users", List.of(), col("at", TEXT).defaultSql("current_date"))),
        List.of(sequence("s", 1, 50)), List.of());

    MigrationPlan plan = compare(POSTGRES, before, after);

    assertEquals(List.of(new AlterSequence("s", 50)), plan.upgradeChanges().stream().map(Change::operation).toList());
    assertEquals(1, plan.warnings().size(), plan.warnings().toString());
    assertTrue(plan.warnings().get(0).startsWith("default of users.at"), plan.warnings().toString());
    assertEquals(1, plan.notices().size());
  }

  @Test
  void nothingToDoIsAnEmptyPlan() {
    MigrationPlan plan = compare(POSTGRES, KEPT_BEFORE, KEPT_BEFORE);

    assertTrue(plan.isEmpty());
    assertEquals(List.of(), plan.downgrade());
  }

  @Test
  void onPostgresANewTableReferencingANewKeyOfAKeptTableWaitsForTheKey() {
    // countries gains a unique code; addresses, new, references it: PostgreSQL needs the key first.
    Schema before = schema(linked("countries", List.of()));
    Column code = col("code", TEXT).notNull().defaultSql("'??'");
    Table countries = linked("countries", List.of(), code, uq("uq_countries_code", "code"));
    ForeignKey toCode = fk("fk_addresses_country_code_countries", List.of("country_code"), "countries", List.of("code"));
    Table addresses = table("addresses", identity("id", BIGINT), pk("addresses_pkey", "id"), col("country_code", TEXT), toCode);

    MigrationPlan plan = compare(POSTGRES, before, schema(countries, addresses));

    assertEquals(List.of(
        new CreateTable(table("addresses", identity("id", BIGINT), pk("addresses_pkey", "id"), col("country_code", TEXT))),
        new AddColumn("countries", code),
        new AddConstraint("countries", uq("uq_countries_code", "code")),
        new AddConstraint("addresses", toCode)), operations(plan.upgradeChanges()));
    assertEquals("added after the tables change: countries has no key on (code) yet", plan.upgradeChanges().get(3).reason());
    // SQLite checks the reference when the revision commits: the key stays inline.
    assertEquals(new CreateTable(addresses), compare(SQLITE, before, schema(countries, addresses)).upgradeChanges().get(0).operation());
  }

  @Test
  void onPostgresADroppedTableLetsGoOfAKeyAKeptTableLosesFirst() {
    // addresses goes, and so does the unique code of countries that it references: PostgreSQL
    // would not drop the key while the reference stands.
    ForeignKey toCode = fk("addresses_country_code_fkey", List.of("country_code"), "countries", List.of("code"));
    Schema before = schema(
        linked("countries", List.of(), col("code", TEXT), uq("countries_code_key", "code")),
        table("addresses", identity("id", BIGINT), pk("addresses_pkey", "id"), col("country_code", TEXT), toCode));
    Schema after = schema(linked("countries", List.of()));

    MigrationPlan plan = compare(POSTGRES, before, after);

    assertEquals(List.of(
        new DropConstraint("addresses", "addresses_country_code_fkey"),
        new DropConstraint("countries", "countries_code_key"),
        new DropColumn("countries", "code"),
        new DropTable("addresses")), operations(plan.upgradeChanges()));
    assertEquals("dropped before countries changes, which loses the key on (code) it references",
        plan.upgradeChanges().get(0).reason());
    // Undone, the reference comes back last, once the key is there again.
    assertEquals(new AddConstraint("addresses", toCode), operations(plan.downgradeChanges()).get(3));
    assertEquals(4, plan.downgradeChanges().size());
    // SQLite checks references at commit, when addresses is gone.
    assertEquals(List.of(new DropConstraint("countries", "countries_code_key"), new DropColumn("countries", "code"),
        new DropTable("addresses")), upgrade(SQLITE, before, after));
  }

  @Test
  void aDroppedTableReferencingAKeyThatStaysIsSimplyDropped() {
    Schema before = schema(linked("users", List.of()), linked("notes", List.of(key("notes", "users"))));

    assertEquals(List.of(new DropTable("notes")), upgrade(POSTGRES, before, schema(linked("users", List.of()))));
  }
}
