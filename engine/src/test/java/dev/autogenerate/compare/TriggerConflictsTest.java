package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.operations;
import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.RenameColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.schema.PrimaryKey;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.Trigger;
import dev.autogenerate.schema.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Triggers that would name what the upgrade drops, decided from schema values alone. */
class TriggerConflictsTest {

  private static final Table ORDERS = new Table("orders", List.of(
      column("id", SqlType.BIGINT).notNull(),
      column("note", SqlType.TEXT),
      column("amount", SqlType.INTEGER)),
      Optional.of(PrimaryKey.primaryKey("id")));

  private static final Table AUDIT = new Table("audit", List.of(column("what", SqlType.TEXT)), Optional.empty());

  private static final Trigger ON_ORDERS = new Trigger("orders_noted", "orders",
      "CREATE TRIGGER orders_noted AFTER INSERT ON orders BEGIN INSERT INTO audit VALUES (NEW.note); END");

  private static final Trigger ON_AUDIT = new Trigger("audit_noted", "audit",
      "CREATE TRIGGER audit_noted AFTER INSERT ON audit BEGIN UPDATE \"Orders\" SET note = new.what; END");

  private static Schema database(Trigger... triggers) {
    return Schema.of(List.of(ORDERS, AUDIT)).withViewsAndTriggers(List.of(), List.of(triggers));
  }

  /** The comparison with everything in the database made by the migrations, so that a table may go. */
  private static MigrationPlan compare(Schema current, List<Table> entities) {
    return compare(CompareTesting.SQLITE, current, Schema.of(entities));
  }

  /** The comparison on these rules, everything in {@code current} made by the migrations. */
  private static MigrationPlan compare(ComparisonRules rules, Schema current, Schema target) {
    return new SchemaComparison(rules)
        .compare(current, target, Optional.of(current), new Renames(List.of(), List.of()));
  }

  @Test
  void aTriggerOnTheTableNamingTheDroppedColumnStopsTheComparisonNamingTheFix() {
    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(database(ON_ORDERS), List.of(ORDERS.withoutColumn("note"), AUDIT)));

    assertEquals("trigger orders_noted names column orders.note, which this migration drops: change or drop the"
        + " trigger first (a migration with op.execute(\"drop trigger if exists orders_noted\") and, if it is still wanted, its"
        + " new create trigger), upgrade, then run -m again", conflict.getMessage());
  }

  /** Names are read as SQLite reads them: in any case, quoted or not. */
  @Test
  void aTriggerElsewhereNamingTheTableAndTheDroppedColumnStopsItToo() {
    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(database(ON_AUDIT), List.of(ORDERS.withoutColumn("note"), AUDIT)));

    assertTrue(conflict.getMessage().startsWith("trigger audit_noted names column orders.note,"),
        conflict::getMessage);
  }

  @Test
  void aColumnNoTriggerNamesIsDropped() {
    MigrationPlan plan = compare(database(ON_ORDERS, ON_AUDIT), List.of(ORDERS.withoutColumn("amount"), AUDIT));

    assertEquals(List.of(new DropColumn("orders", "amount")), operations(plan.upgradeChanges()));
  }

  /** On another table, new.note is that table's own column, and a column of the same name elsewhere is no use. */
  @Test
  void aTriggerElsewhereUsingItsOwnRowsColumnOfTheSameNameOrAnotherTablesIsNoConflict() {
    Table withNote = AUDIT.withColumn(column("note", SqlType.TEXT));
    Table others = new Table("others", List.of(column("note", SqlType.TEXT)), Optional.empty());
    Trigger ownRow = new Trigger("audit_counted", "audit", "CREATE TRIGGER audit_counted AFTER INSERT ON audit"
        + " BEGIN UPDATE orders SET amount = amount + 1 WHERE NEW.note IS NOT NULL; END");
    Trigger otherTable = new Trigger("audit_others", "audit", "CREATE TRIGGER audit_others AFTER INSERT ON audit"
        + " BEGIN UPDATE others SET note = new.what; END");
    Schema current = Schema.of(List.of(ORDERS, withNote, others))
        .withViewsAndTriggers(List.of(), List.of(ownRow, otherTable));

    MigrationPlan plan = new SchemaComparison(CompareTesting.SQLITE).compare(current,
        Schema.of(List.of(ORDERS.withoutColumn("note"), withNote, others)));

    assertEquals(List.of(new DropColumn("orders", "note")), operations(plan.upgradeChanges()));
  }

  /** A trigger goes with its table: dropping tables whose triggers name one another is no conflict. */
  @Test
  void triggersOfTablesTheUpgradeDropsAreNoConflict() {
    Trigger logged = new Trigger("orders_logged", "orders",
        "CREATE TRIGGER orders_logged AFTER INSERT ON ORDERS BEGIN INSERT INTO audit (what) VALUES (new.note); END");

    MigrationPlan plan = compare(database(logged, ON_AUDIT), List.of());

    assertEquals(2, plan.upgradeChanges().size(), plan.upgradeChanges()::toString);
  }

  /**
   * SQLite refuses a column's drop while a trigger using it is there, even when the trigger's
   * table goes later in the same upgrade.
   */
  @Test
  void aTriggerWhoseTableGoesLaterStillStopsTheColumnsDropBeforeIt() {
    Trigger reading = new Trigger("audit_copies", "audit",
        "CREATE TRIGGER audit_copies AFTER INSERT ON audit"
            + " BEGIN INSERT INTO audit (what) SELECT note FROM orders; END");

    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(database(reading), List.of(ORDERS.withoutColumn("note"))));

    assertTrue(conflict.getMessage().startsWith("trigger audit_copies names column orders.note,"),
        conflict::getMessage);
  }

  /** SQLite refuses to rename a rebuilt table into place while a trigger names a view that is gone. */
  @Test
  void aTriggerNamingAViewTheUpgradeRecreatesStopsIt() {
    Trigger naming = new Trigger("audit_totals", "audit", "CREATE TRIGGER audit_totals AFTER INSERT ON audit"
        + " BEGIN INSERT INTO audit (what) SELECT amount FROM order_totals; END");

    assertTrue(conflictChangingAmountsUnder(naming).startsWith("trigger audit_totals names view order_totals, which"
        + " this migration drops"));
  }

  /**
   * A column named as a table is, where only a column can stand (its own row's new.status, an
   * update's column list or set clause, an insert's column list, a select list, a join's
   * condition, a function's arguments, an in list), is no use of the table: a table is never new.x.
   */
  @Test
  void aColumnNamedAsADroppedTableIsNoUseOfIt() {
    Table status = new Table("status", List.of(column("code", SqlType.TEXT)), Optional.empty());
    Table audited = AUDIT.withColumn(column("status", SqlType.TEXT));
    Trigger setting = new Trigger("orders_status", "orders", "CREATE TRIGGER orders_status AFTER UPDATE OF status"
        + " ON orders BEGIN UPDATE audit SET what = 'x', status = 'y'; INSERT INTO audit (what, status)"
        + " SELECT what, status FROM audit JOIN orders ON status = 1; END");
    Trigger ownRow = new Trigger("audit_status", "audit", "CREATE TRIGGER audit_status AFTER INSERT ON audit"
        + " WHEN new.status IS NOT NULL AND new.what IN (status, 'x')"
        + " BEGIN UPDATE audit SET what = replace(status, 'a', 'b'); END");
    Schema current = Schema.of(List.of(ORDERS.withColumn(column("status", SqlType.TEXT)), audited, status))
        .withViewsAndTriggers(List.of(), List.of(setting, ownRow));

    MigrationPlan plan = compare(CompareTesting.SQLITE, current,
        Schema.of(List.of(ORDERS.withColumn(column("status", SqlType.TEXT)), audited)));

    assertEquals(List.of(new DropTable("status")), operations(plan.upgradeChanges()));
  }

  /** A quoted name may hold a dot, and is then one name. */
  @Test
  void aQuotedNameWithADotIsOneName() {
    Table dotted = new Table("a.b", List.of(column("c", SqlType.TEXT)), Optional.empty());
    Trigger inserting = new Trigger("audit_copies", "audit",
        "CREATE TRIGGER audit_copies AFTER INSERT ON audit BEGIN INSERT INTO \"a.b\" (c) VALUES (new.what); END");
    Schema current = Schema.of(List.of(ORDERS, AUDIT, dotted)).withViewsAndTriggers(List.of(), List.of(inserting));

    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(CompareTesting.SQLITE, current, Schema.of(List.of(ORDERS, AUDIT))));

    assertTrue(conflict.getMessage().startsWith("trigger audit_copies names table a.b,"), conflict::getMessage);
  }

  /**
   * A view created again with a new query may lack what a trigger naming it reads, and the
   * trigger then fails when it fires (and every later table rename with it).
   */
  @Test
  void aTriggerNamingAViewCreatedAgainWithANewQueryStopsIt() {
    View old = new View("order_totals", "SELECT id, amount FROM orders",
        Map.of("orders", new TreeSet<>(Set.of("id", "amount"))));
    View requeried = new View("order_totals", "SELECT id FROM orders", Map.of("orders", new TreeSet<>(Set.of("id"))));
    Trigger naming = new Trigger("audit_totals", "audit", "CREATE TRIGGER audit_totals AFTER INSERT ON audit"
        + " BEGIN INSERT INTO audit (what) SELECT amount FROM order_totals; END");
    Schema current = Schema.of(List.of(ORDERS, AUDIT)).withViewsAndTriggers(List.of(old), List.of(naming));
    Schema target = Schema.of(List.of(ORDERS, AUDIT)).withViewsAndTriggers(List.of(requeried), List.of());

    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(CompareTesting.SQLITE, current, target));

    assertTrue(conflict.getMessage().startsWith("trigger audit_totals names view order_totals,"), conflict::getMessage);
  }

  /**
   * SQLite also reads a table after in, in parentheses in a from list, after a from list's comma
   * (a join's condition before it or not), and single-quoted.
   */
  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1 WHERE new.what IN orders", "SELECT note FROM (orders)",
      "SELECT audit.what FROM audit, orders WHERE orders.note IS NULL",
      "SELECT 1 FROM audit a JOIN audit b ON a.what = b.what, orders o WHERE o.note IS NULL",
      "SELECT 1 FROM audit a JOIN audit b USING (what), orders", "SELECT 1 FROM audit, (orders)",
      "SELECT 1 FROM (audit, orders)", "DELETE FROM 'orders' WHERE note IS NULL"})
  void aTableNamedInAnyPlaceATableStandsCounts(String body) {
    Trigger reading = new Trigger("audit_reads", "audit",
        "CREATE TRIGGER audit_reads AFTER INSERT ON audit BEGIN " + body + "; END");

    DependencyConflict conflict = assertThrows(DependencyConflict.class, () -> compare(database(reading), List.of(AUDIT)));

    assertTrue(conflict.getMessage().startsWith("trigger audit_reads names table orders,"), conflict::getMessage);
  }

  /**
   * PostgreSQL's trigger statement names the function it runs, not what the function reads: a
   * function or schema named as a dropped table is no conflict; only the view it is on counts.
   */
  @Test
  void aPostgresTriggerOnAViewCountsOnlyForItsView() {
    View totals = new View("order_totals", "SELECT id, amount FROM orders",
        Map.of("orders", new TreeSet<>(Set.of("id", "amount"))));
    Trigger instead = new Trigger("totals_insert on order_totals", "order_totals", "CREATE TRIGGER totals_insert"
        + " INSTEAD OF INSERT ON public.order_totals FOR EACH ROW EXECUTE FUNCTION audit.log_change()");
    Schema current = Schema.of(List.of(ORDERS, AUDIT)).withViewsAndTriggers(List.of(totals), List.of(instead));

    MigrationPlan plan = compare(CompareTesting.POSTGRES, current, Schema.of(List.of(ORDERS)));

    assertEquals(List.of(new DropTable("audit")), operations(plan.upgradeChanges()));
  }

  /** A PostgreSQL trigger as {@code pg_get_triggerdef} gives it, on orders. */
  private static Trigger postgresOnOrders(String name, String condition) {
    return new Trigger(name + " on orders", "orders", "CREATE TRIGGER " + name + " BEFORE UPDATE " + condition
        + " EXECUTE FUNCTION audit.amount()");
  }

  /**
   * PostgreSQL refuses to drop or retype a column its trigger's column list or WHEN condition
   * names: the comparison says so, instead of a migration that fails when applied.
   */
  @Test
  void aPostgresTableTriggerHoldsTheColumnsItsStatementNames() {
    Schema current = Schema.of(List.of(ORDERS)).withViewsAndTriggers(List.of(), List.of(
        postgresOnOrders("noted", "OF note ON public.orders FOR EACH ROW"),
        postgresOnOrders("priced", "ON public.orders FOR EACH ROW WHEN ((new.amount > 0))")));

    DependencyConflict dropped = assertThrows(DependencyConflict.class,
        () -> compare(CompareTesting.POSTGRES, current, Schema.of(List.of(ORDERS.withoutColumn("note")))));
    assertEquals("trigger noted on orders names column orders.note, which this migration drops (PostgreSQL refuses"
        + " while the trigger depends on it): change or drop the trigger first (a migration with op.execute(\"drop"
        + " trigger if exists noted on orders\") and, if it is still wanted, its new create trigger), upgrade, then run -m"
        + " again", dropped.getMessage());

    Table bigAmounts = ORDERS.withColumnReplaced("amount", each -> each.withType(SqlType.BIGINT));
    DependencyConflict retyped = assertThrows(DependencyConflict.class,
        () -> compare(CompareTesting.POSTGRES, current, Schema.of(List.of(bigAmounts))));
    assertTrue(retyped.getMessage().startsWith("trigger priced on orders names column orders.amount, whose type this"
        + " migration changes"), retyped.getMessage());
  }

  /**
   * What a PostgreSQL trigger's function is called, or the table dropped with its triggers, is
   * no dependency: the function's name matching the dropped column does not stop the drop.
   */
  @Test
  void aPostgresTableTriggersFunctionAndItsOwnTableDropAreNoConflict() {
    Trigger audited = new Trigger("audited on orders", "orders", "CREATE TRIGGER audited AFTER UPDATE ON public.orders"
        + " FOR EACH ROW EXECUTE FUNCTION note('amount')");
    Schema current = Schema.of(List.of(ORDERS, AUDIT)).withViewsAndTriggers(List.of(), List.of(audited));

    MigrationPlan plan = compare(CompareTesting.POSTGRES, current, Schema.of(List.of(ORDERS.withoutColumn("note"), AUDIT)));
    assertEquals(List.of(new DropColumn("orders", "note")), operations(plan.upgradeChanges()));
    assertEquals(List.of(new DropTable("orders")),
        operations(compare(CompareTesting.POSTGRES, current, Schema.of(List.of(AUDIT))).upgradeChanges()));
  }

  /**
   * What a PostgreSQL trigger's statement holds besides its column list and WHEN condition (its
   * name, its table's schema, its keywords) is no dependency: a trigger named note, a column named
   * public or statement, go without a conflict, as PostgreSQL lets them.
   */
  @Test
  void aPostgresTriggersNameTableAndKeywordsAreNoDependency() {
    Table orders = new Table("orders", List.of(column("id", SqlType.BIGINT).notNull(), column("note", SqlType.TEXT),
        column("public", SqlType.TEXT), column("statement", SqlType.TEXT)), Optional.of(PrimaryKey.primaryKey("id")));
    Trigger note = new Trigger("note on orders", "orders", "CREATE TRIGGER note BEFORE UPDATE ON public.orders FOR EACH"
        + " STATEMENT EXECUTE FUNCTION noted()");
    Schema current = Schema.of(List.of(orders)).withViewsAndTriggers(List.of(), List.of(note));

    Table kept = orders.withoutColumn("note").withoutColumn("public").withoutColumn("statement");
    assertEquals(3, compare(CompareTesting.POSTGRES, current, Schema.of(List.of(kept))).upgradeChanges().size());
  }

  /** A column renamed, then dropped, in one migration: still the column the trigger's statement names. */
  @Test
  void aPostgresTriggerFollowsARenameBeforeTheDrop() {
    Schema current = Schema.of(List.of(ORDERS)).withViewsAndTriggers(List.of(),
        List.of(postgresOnOrders("priced", "OF note OR INSERT ON public.orders FOR EACH ROW")));
    List<Change> upgrade = List.of(Change.of(new RenameColumn("orders", "note", "memo")),
        Change.of(new DropColumn("orders", "memo")));

    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> TriggerConflicts.check(current, upgrade, false));
    assertTrue(conflict.getMessage().startsWith("trigger priced on orders names column orders.memo, which this"
        + " migration drops"), conflict.getMessage());
    TriggerConflicts.check(current, List.of(Change.of(new DropTable("orders"))), false);
  }

  /**
   * A PostgreSQL trigger's PL/pgSQL function uses its row's columns as {@code new.note} or
   * {@code OLD."note"}: dropping or renaming one of them stops the comparison. The same words in a
   * comment or a string, another table's column, or a bare word are no use of the row's column.
   */
  @Test
  void aPostgresTriggersFunctionUsingItsRowsColumnStopsItsDropOrRename() {
    Trigger stamping = new Trigger("stamping on orders", "orders", "CREATE TRIGGER stamping BEFORE INSERT ON"
        + " public.orders FOR EACH ROW EXECUTE FUNCTION stamp()", "begin OLD.\"note\" := 'x'; return new; end");
    Schema current = Schema.of(List.of(ORDERS)).withViewsAndTriggers(List.of(), List.of(stamping));

    DependencyConflict dropped = assertThrows(DependencyConflict.class,
        () -> TriggerConflicts.check(current, List.of(Change.of(new DropColumn("orders", "note"))), false));
    assertTrue(dropped.getMessage().startsWith("trigger stamping on orders runs a function that uses column orders.note"
        + " of its row, which this migration drops"), dropped.getMessage());
    DependencyConflict renamed = assertThrows(DependencyConflict.class,
        () -> TriggerConflicts.check(current, List.of(Change.of(new RenameColumn("orders", "note", "memo"))), false));
    assertTrue(renamed.getMessage().contains("which this migration renames to memo"), renamed.getMessage());
    // Renamed and then dropped: still the column the function names by its old name.
    assertThrows(DependencyConflict.class, () -> TriggerConflicts.check(current, List.of(
        Change.of(new RenameColumn("orders", "amount", "total")), Change.of(new DropColumn("orders", "note"))), false));

    // What PL/pgSQL reads as strings is no use: a dollar-quoted text, an escape string.
    for (String body : List.of("begin -- new.note\n return new; end", "begin perform 'new.note'; return new; end",
        "begin insert into audit (what) values (note); return new; end", "begin new.amount := 1; return new; end",
        "begin raise exception $m$new.note is required$m$; return new; end",
        "begin raise notice E'it\\'s new.note'; return new; end")) {
      Trigger other = new Trigger("other on orders", "orders", "CREATE TRIGGER other BEFORE INSERT ON public.orders"
          + " FOR EACH ROW EXECUTE FUNCTION other()", body);
      TriggerConflicts.check(Schema.of(List.of(ORDERS)).withViewsAndTriggers(List.of(), List.of(other)),
          List.of(Change.of(new DropColumn("orders", "note"))), false);
    }
  }

  /**
   * Found adopting a database: an audit trigger on orders whose function inserts into
   * {@code audit_log (row_id)}; dropping audit_log.row_id was let through, and every order's
   * insert failed. A function naming the table and its column stops the drop too.
   */
  @Test
  void aPostgresTriggersFunctionWritingAnotherTablesColumnStopsItsDrop() {
    Table audit = Table.of("audit_log", List.of(column("id", SqlType.BIGINT),
        column("row_id", SqlType.BIGINT), column("action", SqlType.TEXT)));
    Trigger audited = new Trigger("trg_orders_audit on orders", "orders", "CREATE TRIGGER trg_orders_audit BEFORE"
        + " INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION trg_orders_audit()",
        "begin insert into audit_log(action, row_id) values (tg_op, new.id); return new; end");
    Schema current = Schema.of(List.of(ORDERS, audit)).withViewsAndTriggers(List.of(), List.of(audited));

    DependencyConflict dropped = assertThrows(DependencyConflict.class,
        () -> TriggerConflicts.check(current, List.of(Change.of(new DropColumn("audit_log", "row_id"))), false));
    assertTrue(dropped.getMessage().startsWith("trigger trg_orders_audit on orders runs a function that names table"
        + " audit_log and its column row_id, which this migration drops"), dropped.getMessage());
    // Another column of the table, which the function does not name, goes freely.
    TriggerConflicts.check(current, List.of(Change.of(new DropColumn("audit_log", "id"))), false);
  }

  /**
   * Nor may such a string hide a use after it: an apostrophe inside a dollar quote, an escaped
   * quote in an escape string, an array subscript.
   */
  @Test
  void aPostgresTriggersFunctionUseAfterAStringOrInASubscriptStillCounts() {
    for (String body : List.of("begin raise notice $$don't$$; new.note := 'x'; return new; end",
        "begin raise notice E'can\\'t'; new.note := 'x'; return new; end",
        "begin new.amount := prices[new.note]; return new; end")) {
      Trigger using = new Trigger("using on orders", "orders", "CREATE TRIGGER using BEFORE INSERT ON public.orders"
          + " FOR EACH ROW EXECUTE FUNCTION using()", body);
      assertThrows(DependencyConflict.class, () -> TriggerConflicts.check(
          Schema.of(List.of(ORDERS)).withViewsAndTriggers(List.of(), List.of(using)),
          List.of(Change.of(new DropColumn("orders", "note"))), false), body);
    }
  }

  /** Dropping a view drops its triggers, and creating it again does not bring them back. */
  @Test
  void aTriggerOnAViewTheUpgradeRecreatesStopsIt() {
    Trigger instead = new Trigger("totals_insert", "order_totals", "CREATE TRIGGER totals_insert INSTEAD OF INSERT"
        + " ON order_totals BEGIN INSERT INTO orders (id, amount) VALUES (new.id, new.amount); END");

    assertTrue(conflictChangingAmountsUnder(instead).startsWith("trigger totals_insert is on view order_totals, which"
        + " this migration drops (and the database the trigger with it)"));
  }

  /**
   * The conflict of changing the type of orders.amount, which a view reads, so that the view is
   * dropped and created again around the change, with this trigger in the database.
   */
  private static String conflictChangingAmountsUnder(Trigger trigger) {
    View totals = new View("order_totals", "SELECT id, amount FROM orders",
        Map.of("orders", new TreeSet<>(Set.of("id", "amount"))));
    Schema current = Schema.of(List.of(ORDERS, AUDIT)).withViewsAndTriggers(List.of(totals), List.of(trigger));
    Table textAmounts = ORDERS.withColumnReplaced("amount", each -> each.withType(SqlType.TEXT));
    return assertThrows(DependencyConflict.class, () -> compare(current, List.of(textAmounts, AUDIT))).getMessage();
  }

  @Test
  void aTableATriggerElsewhereNamesCannotBeDroppedButOneWithItsOwnTriggerCan() {
    DependencyConflict conflict = assertThrows(DependencyConflict.class,
        () -> compare(database(ON_AUDIT), List.of(AUDIT)));
    assertTrue(conflict.getMessage().startsWith("trigger audit_noted names table orders,"),
        conflict::getMessage);

    MigrationPlan plan = compare(database(ON_AUDIT), List.of(ORDERS));
    assertEquals(List.of(new DropTable("audit")), operations(plan.upgradeChanges()));
  }
}
