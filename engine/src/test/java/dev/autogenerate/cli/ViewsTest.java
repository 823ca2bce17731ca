package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Views the team made by hand keep working through the migrations the diff writes: one reading a
 * column whose type changes is dropped and created again in the same revision (PostgreSQL refuses
 * the change otherwise), one reading a dropped column stops {@code -m} with one line, entities
 * mapped onto views are never created as tables, and {@code check} stays clean.
 */
class ViewsTest {

  static final String ORDER_V1 = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id Long id;
        Integer amount;
        String note;
      }
      """;

  /** An entity mapped onto the view order_totals. */
  static final String ORDER_TOTAL = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @org.hibernate.annotations.Immutable
      @Table(name = "order_totals")
      public class OrderTotal {
        @Id Long id;
        Integer amount;
      }
      """;

  @TempDir Path directory;

  /** Orders created by the tool's first migration, applied. */
  private ProjectDirectory projectWithOrders(DatabaseKind kind) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(ORDER_V1);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    return project;
  }

  private ProjectDirectory projectWithView(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithOrders(kind);
    execute(project, "insert into orders (id, amount, note) values (1, 40, 'a'), (2, 2, 'b')",
        "create view order_totals as select id, amount from orders where amount > 10");
    return project;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aViewOverAColumnWhoseTypeChangesSurvivesTheUpgradeAndTheDowngrade(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithView(kind);
    project.expect(0, "check");
    project.entities(ORDER_V1.replace("Integer amount;", "Long amount;"));

    CliRun generated = project.expect(0, "-m", "wider amounts");

    String file = project.lastMigration();
    assertTrue(file.contains("op.dropView(\"order_totals\")"), file);
    assertTrue(file.contains("op.createView(\"order_totals\","), file);
    assertTrue(file.contains("// view order_totals reads orders.amount, whose type changes"), file);
    assertTrue(file.indexOf("op.dropView") < file.indexOf("op.alterColumn")
        && file.indexOf("op.alterColumn") < file.indexOf("op.createView"), file);
    assertTrue(generated.out().contains("drop view order_totals"), generated::toString);
    // Made by hand in this database only: the reviewer is told the migration fails where it is not.
    assertTrue(generated.out().contains("warning: view order_totals is dropped and created again around this change,"
        + " but no migration created it by op.createView (made by hand in this database, or by an op.execute the tool"
        + " does not read): on a database without it the migration fails"
        + " at its drop"), generated::toString);
    // Offline SQL replays the history, which never recorded the hand-made view: it still writes both steps.
    String script = project.expect(0, "upgrade", "--sql", "head").out();
    assertTrue(script.contains("drop view order_totals;") && script.contains("create view order_totals as"),
        script);
    project.expect(0, "upgrade", "head");
    assertEquals(List.of("1:40"), totals(project));
    project.expect(0, "check");

    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("1:40"), totals(project));
    project.expect(0, "upgrade", "head");
    assertEquals(List.of("1:40"), totals(project));
  }

  /**
   * Found by a user test adopting a database: production's DBA had its own query under the view's
   * name, and the upgrade, made against a developer's database, replaced it with the developer's
   * query without a word. A view the revision drops and creates again as it was is created again as
   * the database it runs on has it; the downgrade too.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aViewCreatedAgainAroundAChangeKeepsTheQueryOfTheDatabaseItRunsOn(DatabaseKind kind) throws Exception {
    ProjectDirectory developer = projectWithView(kind);
    ProjectDirectory production = new ProjectDirectory(directory.resolve("production"), TestDatabases.fresh(kind));
    production.entities(ORDER_V1);
    production.copyMigrationsFrom(developer);
    production.expect(0, "upgrade", "head");
    execute(production, "insert into orders (id, amount, note) values (1, 40, 'a'), (2, 2, 'b'), (3, 30, 'c')",
        "create view order_totals as select id, amount from orders where amount > 35");
    developer.entities(ORDER_V1.replace("Integer amount;", "Long amount;"));
    developer.expect(0, "-m", "wider amounts");
    production.copyMigrationsFrom(developer, developer.migrationFiles().get(1));

    CliRun upgraded = production.expect(0, "upgrade", "head");
    assertTrue(upgraded.out().contains("note: view order_totals is created again as this database has it"),
        upgraded::toString);
    assertEquals(List.of("1:40"), totals(production), "production's own query, amount > 35");
    production.expect(0, "downgrade", "-1");
    assertEquals(List.of("1:40"), totals(production));
    developer.expect(0, "upgrade", "head");
    assertEquals(List.of("1:40"), totals(developer));
  }


  /**
   * Found by a user test on SQLite: {@code downgrade base} dropped the tables a hand-made view read
   * and left the view broken, without a word, and a later upgrade failed at a table rebuild ("error
   * in view"); a downgrade dropping a column such a view read failed with SQLite's raw error. Both
   * stop before the revision runs, in one line naming the view, as PostgreSQL refuses them.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDowngradeDroppingWhatAViewReadsStopsBeforeItRuns(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithView(kind);
    project.entities(ORDER_V1.replace("String note;", "String note;\n  Integer tier;"));
    project.expect(0, "-m", "tiers");
    project.expect(0, "upgrade", "head");
    execute(project, "create view tiers as select id, tier from orders");

    CliRun column = project.expect(2, "downgrade", "-1");
    assertEquals(1, column.err().lines().count(), column::toString);
    assertTrue(column.err().contains(": cannot drop column orders.tier: view tiers reads column orders.tier"
        + " (PostgreSQL refuses the drop, SQLite would leave the view broken): drop or change the view first"),
        column::toString);
    assertTrue(WalkthroughTest.columnsOf(project, "orders").contains("tier"), "nothing ran");

    execute(project, "drop view tiers");
    project.expect(0, "downgrade", "-1");
    CliRun table = project.expect(2, "downgrade", "base");
    assertTrue(table.err().contains(": cannot drop table orders: view order_totals reads table orders"),
        table::toString);
    assertEquals(List.of("1:40"), totals(project), "the view still reads its table");
  }

  /**
   * PostgreSQL forgets a dropped view's grants, comments, options, column defaults and owner: a
   * view created again around a type change got none of them back, and a reporting role lost its
   * access without a word. They are read when the migration runs, in that database, and given back.
   */
  @Test
  void aViewCreatedAgainKeepsItsGrantsCommentsOptionsDefaultsAndOwner() throws Exception {
    ProjectDirectory project = projectWithView(DatabaseKind.POSTGRESQL);
    String reader = "view_reader_" + Long.toHexString(System.nanoTime());
    String owner = "view_owner_" + Long.toHexString(System.nanoTime());
    execute(project, "create role " + reader, "create role " + owner,
        "grant select on order_totals to " + reader + " with grant option",
        "grant update (amount) on order_totals to " + reader, "grant select on order_totals to public",
        "comment on view order_totals is 'Big orders, for the reports'",
        "comment on column order_totals.amount is 'In cents'",
        "alter view order_totals set (security_barrier = true)",
        "alter view order_totals alter column amount set default 0",
        "grant create on schema public to " + owner, "grant select on orders to " + owner,
        "alter view order_totals owner to " + owner);
    try {
      List<String> before = viewFacts(project);
      assertEquals(7, before.size(), before::toString);
      project.entities(ORDER_V1.replace("Integer amount;", "Long amount;"));
      project.expect(0, "-m", "wider amounts");
      assertTrue(project.expect(0, "upgrade", "--sql", "head").out().contains("autogenerate_kept_views"));

      project.expect(0, "upgrade", "head");
      assertEquals(before, viewFacts(project));
      assertEquals(List.of("1:40"), totals(project));
      project.expect(0, "downgrade", "-1");
      assertEquals(before, viewFacts(project));
    } finally {
      execute(project, "drop view order_totals", "drop owned by " + reader + ", " + owner,
          "drop role " + reader, "drop role " + owner);
    }
  }

  private static List<String> viewFacts(ProjectDirectory project) throws Exception {
    List<String> facts = new ArrayList<>();
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("""
            select array_to_string(array(select unnest(relacl)::text order by 1), ' ') from pg_class
              where oid = 'order_totals'::regclass
            union all select attacl::text from pg_attribute
              where attrelid = 'order_totals'::regclass and attname = 'amount'
            union all select array_to_string(reloptions, ',') from pg_class where oid = 'order_totals'::regclass
            union all select obj_description('order_totals'::regclass, 'pg_class')
            union all select col_description('order_totals'::regclass, 2)
            union all select pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = 'order_totals'::regclass
            union all select pg_get_userbyid(relowner) from pg_class where oid = 'order_totals'::regclass
            """)) {
      while (result.next()) {
        facts.add(result.getString(1));
      }
    }
    return facts;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aViewOverADroppedColumnStopsTheRevisionWithOneLine(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithView(kind);
    project.entities(ORDER_V1.replace("  Integer amount;\n", ""));

    CliRun refused = project.expect(2, "-m", "no amounts");

    assertEquals(1, refused.err().lines().count(), refused::toString);
    assertTrue(refused.err().contains("view order_totals reads column orders.amount, which this migration drops"),
        refused::toString);
    assertTrue(refused.err().contains("op.dropView(\"order_totals\")"), refused::toString);
    assertEquals(1, project.migrationFiles().size(), "no file written");

    // check: a difference (exit 1), in every format, not a failure to compare (exit 2).
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().startsWith("Differences: the database does not match the entities, and no migration can"
        + " be written for it as things stand: view order_totals reads column orders.amount"), check::toString);
    assertEquals("", check.err(), check::toString);
    CliRun json = project.expect(1, "check", "--format", "json");
    assertTrue(json.out().contains("\"status\":\"differences\"") && json.out().contains("\"unplannable\":\"view"
        + " order_totals reads column orders.amount"), json::toString);
    CliRun github = project.expect(1, "check", "--format", "github");
    assertTrue(github.out().startsWith("::error title=autogenerate check%3A the database does not match the entities%2C"
        + " and no migration can be written for it as things stand::view order_totals reads"), github::toString);

    // Renamed in the entity rather than dropped: the line says it looks like a rename, which keeps the column.
    project.entities(ORDER_V1.replace("  Integer amount;\n", "  Integer total;\n"));
    CliRun renamed = project.expect(2, "-m", "amount is total");
    assertEquals(1, renamed.err().lines().count(), renamed::toString);
    assertTrue(renamed.err().contains("--rename orders.amount=total"), renamed::toString);
  }

  /**
   * A SQLite trigger naming a column the entities no longer have stops {@code -m} with one line:
   * on the column's table SQLite would refuse the drop when the revision ran; on another table it
   * would let it through and the trigger would fail the application's next insert. Once the
   * trigger is gone (a hand-made step here), the column is dropped.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "create trigger orders_noted after insert on orders begin insert into audit values (new.note); end",
      "create trigger audit_noted after insert on audit begin update orders set note = new.what; end"})
  void aSqliteTriggerNamingADroppedColumnStopsTheRevisionWithOneLine(String trigger) throws Exception {
    ProjectDirectory project = projectWithOrders(DatabaseKind.SQLITE);
    execute(project, "create table audit (what text)", trigger);
    String name = trigger.split(" ")[2];
    project.entities(ORDER_V1.replace("  String note;\n", ""));

    assertStoppedByTrigger(project, "no notes", name, "names column orders.note, which this migration drops");

    execute(project, "drop trigger " + name);
    project.expect(0, "-m", "no notes");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  /**
   * A PostgreSQL trigger whose WHEN condition names a column holds on to it: PostgreSQL would
   * refuse to drop it when the revision ran (rolled back). {@code -m} stops with one line instead;
   * once the trigger is gone, the column is dropped.
   */
  @Test
  void aPostgresTableTriggerNamingADroppedColumnStopsTheRevisionWithOneLine() throws Exception {
    ProjectDirectory project = projectWithOrders(DatabaseKind.POSTGRESQL);
    execute(project, "create function noted() returns trigger language plpgsql as $$ begin return new; end $$",
        "create trigger noted before update on orders for each row when (new.note <> '') execute function noted()");
    project.entities(ORDER_V1.replace("  String note;\n", ""));

    assertStoppedByTrigger(project, "no notes", "noted on orders", "names column orders.note, which this migration"
        + " drops (PostgreSQL refuses while the trigger depends on it)");

    execute(project, "drop trigger noted on orders");
    project.expect(0, "-m", "no notes");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  /**
   * A PostgreSQL trigger's PL/pgSQL function that uses a column of its row holds no dependency
   * PostgreSQL knows of: the drop (or a rename) would go through, and every later write to the
   * table would fail ("record new has no field note"). {@code -m} stops with one line naming the
   * trigger; a function that only mentions the column in a comment or a string, or uses other
   * columns, stops nothing.
   */
  @Test
  void aPostgresTriggerFunctionUsingADroppedOrRenamedColumnStopsTheRevision() throws Exception {
    ProjectDirectory project = projectWithOrders(DatabaseKind.POSTGRESQL);
    execute(project, "create function stamp_note() returns trigger language plpgsql as $$ begin"
            + " NEW.\"note\" := coalesce(new.note, '') || '!'; return NEW; end $$",
        "create trigger stamped before insert on orders for each row execute function stamp_note()",
        "create function count_amounts() returns trigger language plpgsql as $$ begin"
            + " -- new.note is left alone\n perform 'old.note'; NEW.amount := coalesce(NEW.amount, 0); return NEW; end $$",
        "create trigger counted before insert on orders for each row execute function count_amounts()");
    project.entities(ORDER_V1.replace("  String note;\n", ""));

    assertStoppedByTrigger(project, "no notes", "stamped on orders", "runs a function that uses column orders.note"
        + " of its row, which this migration drops (PostgreSQL lets the drop through, and every write the trigger fires"
        + " for would then fail)");
    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("trigger stamped on orders runs a function that uses column orders.note"),
        check::toString);

    project.entities(ORDER_V1.replace("  String note;\n", "  String remark;\n"));
    CliRun renamed = project.expect(2, "-m", "note is remark", "--rename", "orders.note=remark");
    assertTrue(renamed.err().contains("trigger stamped on orders runs a function that uses column orders.note of its"
        + " row (new.note), which this migration renames to remark"), renamed::toString);

    // Without the trigger that uses it, the column goes; the other trigger's function never used it.
    execute(project, "drop trigger stamped on orders");
    project.entities(ORDER_V1.replace("  String note;\n", ""));
    project.expect(0, "-m", "no notes");
    project.expect(0, "upgrade", "head");
    execute(project, "insert into orders (id) values (7)");
    project.expect(0, "check");
  }

  /**
   * A view dropped to be created again around a type change would take the triggers on it along,
   * on both databases, and nothing would create them again: that stops {@code -m} with one line.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTriggerOnAViewThatMustBeCreatedAgainStopsTheRevisionWithOneLine(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithView(kind);
    String trigger = kind == DatabaseKind.POSTGRESQL ? "totals_insert on order_totals" : "totals_insert";
    if (kind == DatabaseKind.POSTGRESQL) {
      execute(project, "create function totals_insert() returns trigger language plpgsql as"
              + " $$ begin insert into orders (id, amount) values (new.id, new.amount); return new; end $$",
          "create trigger totals_insert instead of insert on order_totals"
              + " for each row execute function totals_insert()");
    } else {
      execute(project, "create trigger totals_insert instead of insert on order_totals"
          + " begin insert into orders (id, amount) values (new.id, new.amount); end");
    }
    project.entities(ORDER_V1.replace("Integer amount;", "Long amount;"));

    assertStoppedByTrigger(project, "wider amounts", trigger, "is on view order_totals, which this migration drops");
  }

  /**
   * {@code -m message} stops with one line: the trigger, what the migration would do to it, and
   * the step that drops it; no file is written (the project holds its first migration only).
   */
  private static void assertStoppedByTrigger(ProjectDirectory project, String message, String trigger, String problem) {
    CliRun refused = project.expect(2, "-m", message);

    assertEquals(1, refused.err().lines().count(), refused::toString);
    assertTrue(refused.err().contains("trigger " + trigger + " " + problem), refused::toString);
    assertTrue(refused.err().contains("op.execute(\"drop trigger if exists " + trigger + "\")"), refused::toString);
    assertEquals(1, project.migrationFiles().size(), "no file written");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void entitiesMappedOntoViewsAreNeverCreatedAsTables(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithView(kind);
    project.entities(ORDER_V1, ORDER_TOTAL, """
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @org.hibernate.annotations.Subselect("select id, note from orders")
        public class OrderNote {
          @Id Long id;
          String note;
        }
        """);

    CliRun check = project.expect(0, "check");

    assertTrue(check.out().contains("order_totals is a view in the database"), check::toString);
    CliRun generated = project.expect(0, "-m", "nothing to do");
    assertFalse(generated.out().contains("create table"), generated::toString);
    assertEquals(1, project.migrationFiles().size(), project::lastMigration);
  }

  static final String SMALL_ORDER = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @org.hibernate.annotations.View(query = "select id, amount from orders where amount < 10")
      @Table(name = "small_orders")
      public class SmallOrder {
        @Id Long id;
        Integer amount;
      }
      """;

  /**
   * An {@code @View} entity's view is created as Hibernate's DDL would create it, and created
   * again when its query changes; check is clean once the migration ran, and a downgrade brings
   * the old query back.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anAtViewEntitysViewIsCreatedAndFollowsItsQuery(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithView(kind);
    project.entities(ORDER_V1, SMALL_ORDER);
    project.expect(1, "check");

    project.expect(0, "-m", "small orders");
    String created = migration(project, "_small_orders");
    assertTrue(created.contains("op.createView(\"small_orders\", \"select id, amount from orders where amount < 10\")"),
        created);
    assertFalse(created.contains("createTable(\"small_orders\""), created);
    assertTrue(created.contains("// view small_orders, which the upgrade created"), created);
    project.expect(0, "upgrade", "head");
    assertEquals(1, count(project, "small_orders"));
    project.expect(0, "check");

    project.entities(ORDER_V1, SMALL_ORDER.replace("amount < 10", "amount < 100"));
    project.expect(1, "check");
    project.expect(0, "-m", "more small orders");
    String changed = migration(project, "more_small_orders");
    assertTrue(changed.indexOf("op.dropView(\"small_orders\")") >= 0
        && changed.indexOf("op.dropView(\"small_orders\")") < changed.indexOf("amount < 100"), changed);
    project.expect(0, "upgrade", "head");
    assertEquals(2, count(project, "small_orders"));
    project.expect(0, "check");

    project.expect(0, "downgrade", "-1");
    assertEquals(1, count(project, "small_orders"));
  }

  /**
   * An {@code @View} view reading a column whose type changes is dropped and created again with
   * its entity's query, not the catalog's rewriting of it: check is clean after the upgrade.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anAtViewEntitysViewOverAChangedColumnComesBackWithItsOwnQuery(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithView(kind);
    project.entities(ORDER_V1, SMALL_ORDER);
    project.expect(0, "-m", "small orders");
    project.expect(0, "upgrade", "head");

    project.entities(ORDER_V1.replace("Integer amount;", "Long amount;"), SMALL_ORDER);
    project.expect(0, "-m", "wider amounts");
    String file = migration(project, "wider_amounts");
    assertTrue(file.contains("op.createView(\"small_orders\", \"select id, amount from orders where amount < 10\")"),
        file);
    project.expect(0, "upgrade", "head");
    assertEquals(1, count(project, "small_orders"));
    project.expect(0, "check");
  }

  /** Adopting a database adopts its tables; its views stay its own, as they always were. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void baselineLeavesTheDatabasesViewsAlone(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(ORDER_V1);
    execute(project, "create table orders (id bigint primary key, amount integer, note varchar(255))",
        "create view order_totals as select id, amount from orders where amount > 10",
        "create table audit_log (id integer primary key)");

    CliRun baseline = project.expect(0, "baseline", "-m", "adopt");
    // Adopted, a table no entity maps is the migrations' own: the next -m would drop it, said now.
    assertTrue(baseline.out().contains("note: the baseline adopts 1 table(s) no entity maps (audit_log): the next -m"
        + " proposes dropping them"), baseline::toString);

    String file = project.lastMigration();
    assertTrue(file.contains("op.createTable(\"orders\""), file);
    assertFalse(file.contains("createView"), file);
    // Said, since a database built from the migrations will lack it.
    assertTrue(baseline.out().contains("note: the baseline leaves the database's own view order_totals"),
        baseline::toString);
  }

  /**
   * A first -m on a database made otherwise (here a table of the entities made by hand) would
   * change a table no migration creates: a database built from the migrations alone could not
   * start from it. It writes nothing and says to adopt the database first.
   */
  @Test
  void aFirstMigrationOnTablesNoMigrationCreatesPointsAtBaseline() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(ORDER_V1);
    execute(project, "create table orders (id bigint primary key, amount integer)");

    CliRun first = project.expect(2, "-m", "notes");

    assertTrue(first.err().contains("there are no migrations, yet the database already has 1 of the entities' tables"
        + " (orders)") && first.err().contains("autogenerate baseline -m \"adopt the existing schema\""), first::toString);
    assertEquals(List.of(), project.migrationFiles(), "no file written");
  }

  @Test
  void aMaterializedViewIsAViewToEntitiesAndNeverRecreatedByAnUpgrade() throws Exception {
    ProjectDirectory project = projectWithOrders(DatabaseKind.POSTGRESQL);
    execute(project, "insert into orders (id, amount, note) values (1, 40, 'a')",
        "create materialized view order_totals as select id, amount from orders");
    project.entities(ORDER_V1, ORDER_TOTAL);

    // The entity on it is no table to create: check is clean and says why.
    CliRun check = project.expect(0, "check");
    assertTrue(check.out().contains("order_totals is a materialized view in the database"), check::toString);

    // Its rows are stored: a change it would have to be built again for stops -m with one line.
    project.entities(ORDER_V1.replace("Integer amount;", "Long amount;"), ORDER_TOTAL);
    CliRun refused = project.expect(2, "-m", "wider amounts");
    assertEquals(1, refused.err().lines().count(), refused::toString);
    assertTrue(refused.err().contains("materialized view order_totals reads orders.amount, whose type changes"),
        refused::toString);
    assertEquals(1, project.migrationFiles().size(), "no file written");
    assertEquals(List.of("1:40"), totals(project));
  }

  /**
   * A materialized view is dropped by op.dropMaterializedView, online and in the offline script
   * alike (that script, from the replayed history, cannot know a view made by hand); op.dropView
   * on one fails with one line that names the operation to use.
   */
  @Test
  void aMaterializedViewIsDroppedByItsOwnOperationOnlineAndOffline() throws Exception {
    ProjectDirectory project = projectWithOrders(DatabaseKind.POSTGRESQL);
    String create = "create materialized view order_totals as select id, amount from orders";
    execute(project, "insert into orders (id, amount, note) values (1, 40, 'a')", create);
    EmptyRevision revision = EmptyRevision.written(project, "drop the totals");

    revision.fill("op.dropView(\"order_totals\");", "op.execute(\"" + create + "\");");
    CliRun refused = project.expect(2, "upgrade", "head");
    assertEquals(1, refused.err().lines().count(), refused::toString);
    assertTrue(refused.err().contains("op.dropView drops a plain view, op.dropMaterializedView a materialized one"),
        refused::toString);
    assertEquals(1, materializedViews(project), "rolled back");

    revision.fill("op.dropMaterializedView(\"order_totals\");", "op.execute(\"" + create + "\");");
    CliRun script = project.expect(0, "upgrade", "--sql", "head");
    assertTrue(script.out().contains("drop materialized view order_totals;"), script::toString);
    project.expect(0, "upgrade", "head");
    assertEquals(0, materializedViews(project));
    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("1:40"), totals(project));
  }

  /** The other way round: a plain view dropped as a materialized one; and SQLite, which has none. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aPlainViewDroppedAsAMaterializedOneIsToldWhichOperationDropsIt(DatabaseKind kind) throws Exception {
    ProjectDirectory project = projectWithView(kind);
    EmptyRevision.written(project, "drop the totals").fill("op.dropMaterializedView(\"order_totals\");",
        "op.execute(\"create view order_totals as select id from orders\");");

    CliRun refused = project.expect(2, "upgrade", "head");
    assertEquals(1, refused.err().lines().count(), refused::toString);
    assertTrue(refused.err().contains(kind == DatabaseKind.SQLITE
        ? "SQLite has no materialized views: drop order_totals with op.dropView"
        : "op.dropView drops a plain view, op.dropMaterializedView a materialized one"), refused::toString);
    assertEquals(List.of("1:40"), totals(project), "nothing applied");
    if (kind == DatabaseKind.SQLITE) {
      CliRun script = project.expect(2, "upgrade", "--sql", "head");
      assertTrue(script.err().contains("SQLite has no materialized views"), script::toString);
    }
  }

  /** A revision `revision -m` wrote empty, to be filled in by hand (and filled in again). */
  private record EmptyRevision(ProjectDirectory project, String file, String text) {

    static EmptyRevision written(ProjectDirectory project, String message) {
      project.expect(0, "revision", "-m", message);
      Path file = project.migrationFiles().stream()
          .filter(each -> each.getFileName().toString().endsWith("_" + message.replace(' ', '_') + ".java"))
          .findFirst().orElseThrow();
      return new EmptyRevision(project, project.root().relativize(file).toString(), project.read(file));
    }

    void fill(String upgrade, String downgrade) {
      project.write(file, text.replaceFirst("// Write the schema change here[^\\n]*", upgrade.replace("$", "\\$"))
          .replaceFirst("// Undo the upgrade here[^\\n]*", downgrade.replace("$", "\\$")));
    }
  }

  private static long materializedViews(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select count(*) from pg_matviews where matviewname = 'order_totals'")) {
      result.next();
      return result.getLong(1);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anExcludedTableIsNeverCreated(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.write("autogenerate.properties",
        project.read(project.root().resolve("autogenerate.properties")) + "exclude.tables=orders\n");
    project.entities(ORDER_V1, WalkthroughTest.USER_V1);

    CliRun generated = project.expect(0, "-m", "first");

    assertEquals(List.of("create table users"),
        generated.out().lines().filter(line -> line.startsWith("  ")).map(String::trim).toList());
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  /**
   * A rebuild drops the table and renames its new shape into place: SQLite refuses the rename
   * while a view names the missing table ("error in view order_totals: no such table"), and the
   * drop takes the table's triggers along. The views (and a view over them) and the triggers (on
   * the table, and one elsewhere naming it) come back, in the same transaction.
   */
  @Test
  void aSqliteRebuildKeepsTheTablesViewsAndTriggers() throws Exception {
    ProjectDirectory project = projectWithView(DatabaseKind.SQLITE);
    execute(project,
        "create view big_totals as select id from order_totals where amount > 30",
        "create view named_totals (order_id, total) as select id, amount from orders",
        "create view over_named as select order_id from named_totals where total > 30",
        "create table audit (what text)",
        "create trigger orders_inserted after insert on orders begin insert into audit values ('order ' || new.id); end",
        "create table notes (body text)",
        "create trigger notes_counted after insert on notes begin"
            + " insert into audit select 'orders ' || count(*) from orders; end");
    project.entities(ORDER_V1.replace("String note;", "@Column(nullable = false) String note;"));
    project.expect(0, "-m", "notes required");
    assertFalse(project.lastMigration().contains("dropView"), project::lastMigration);

    project.expect(0, "upgrade", "head");

    assertEquals(List.of("1:40"), totals(project));
    execute(project, "insert into orders (id, amount, note) values (3, 50, 'c')", "insert into notes values ('x')");
    List<String> audit = new ArrayList<>();
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select what from audit order by rowid")) {
      while (rows.next()) {
        audit.add(rows.getString(1));
      }
    }
    assertEquals(List.of("order 3", "orders 3"), audit);
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from big_totals")) {
      rows.next();
      assertEquals(2, rows.getInt(1));
    }
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from over_named")) {
      rows.next();
      assertEquals(2, rows.getInt(1), "a view with a column list keeps its column names");
    }
    project.expect(0, "check");
    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("1:40", "3:50"), totals(project));
  }

  private static List<String> totals(ProjectDirectory project) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select id, amount from order_totals order by id")) {
      while (result.next()) {
        rows.add(result.getLong(1) + ":" + result.getLong(2));
      }
    }
    return rows;
  }

  /** The migration whose file name ends so: two written within a second do not sort by time. */
  private static String migration(ProjectDirectory project, String nameEnd) {
    return project.read(project.migrationFiles().stream()
        .filter(file -> file.getFileName().toString().endsWith(nameEnd + ".java")).findFirst().orElseThrow());
  }

  private static long count(ProjectDirectory project, String relation) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select count(*) from " + relation)) {
      result.next();
      return result.getLong(1);
    }
  }

  static void execute(ProjectDirectory project, String... statements) throws Exception {
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
