package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.operations.AlterColumn;
import dev.autogenerate.operations.ColumnChange;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.View;
import dev.autogenerate.schema.ViewUses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A view a revision creates again, as the database it runs on has it, or said loudly where not. */
class ViewsAsHereTest {

  private static final String MADE_FROM = "SELECT orders.id FROM orders";
  private static final String HERE = "SELECT orders.id FROM orders WHERE (orders.id > 3)";
  private static final Schema DATABASE = Schema.of(List.of(Table.of("orders",
      List.of(Column.column("id", SqlType.BIGINT).notNull()))), List.of(), List.of())
      .withView(View.of("totals", HERE));
  private static final Operation CHANGE = new AlterColumn("orders", "id", List.of(ColumnChange.type(SqlType.NUMERIC)));

  @Test
  void aViewKeptAsItWasIsCreatedAgainWithThisDatabasesQuery() {
    ViewsAsHere views = ViewsAsHere.in(List.of(new DropView("totals"), CHANGE, new CreateView("totals", MADE_FROM)),
        () -> List.of(new DropView("totals"), CHANGE, new CreateView("totals", MADE_FROM)), DATABASE);

    assertEquals(new CreateView("totals", HERE), views.operations().get(2));
    assertTrue(views.warnings().get(0).startsWith("note: view totals is created again as this database has it"),
        views::toString);
  }

  @Test
  void aViewGivenANewQueryTakesItAndSaysWhatItReplaced() {
    String changed = "SELECT orders.id, 1 AS one FROM orders";
    ViewsAsHere views = ViewsAsHere.in(List.of(new DropView("totals"), new CreateView("totals", changed)),
        () -> List.of(new DropView("totals"), new CreateView("totals", MADE_FROM)), DATABASE);

    assertEquals(new CreateView("totals", changed), views.operations().get(1));
    assertTrue(views.warnings().get(0).startsWith("warning: view totals here is not the one the migration was made"
        + " from"), views::toString);
    assertTrue(views.warnings().get(0).endsWith("(it was: " + HERE + ")"), views::toString);
  }

  /** Found by this session's own review: an @View entity's new query was warned of on every database. */
  @Test
  void aNewQueryOverTheViewTheMigrationWasMadeFromSaysNothing() {
    String changed = "SELECT orders.id, 1 AS one FROM orders";
    ViewsAsHere views = ViewsAsHere.in(List.of(new DropView("totals"), new CreateView("totals", changed)),
        () -> List.of(new DropView("totals"), new CreateView("totals", HERE)), DATABASE);

    assertEquals(new CreateView("totals", changed), views.operations().get(1));
    assertEquals(List.of(), views.warnings());
  }

  /**
   * Found by this session's review: production's view read a column the revision drops, and was
   * created again with its own query, which PostgreSQL refused (SQLite kept a broken view).
   */
  @Test
  void aViewWhoseQueryHereReadsADroppedColumnTakesTheMigrationsQuery() {
    Schema tables = Schema.of(List.of(Table.of("orders", List.of(Column.column("id", SqlType.BIGINT).notNull(),
        Column.column("note", SqlType.TEXT)))), List.of(), List.of());
    Schema here = tables.withView(ViewUses.of("totals", "SELECT orders.id, orders.note FROM orders", tables));
    List<Operation> operations = List.of(new DropView("totals"), new DropColumn("orders", "note"),
        new CreateView("totals", MADE_FROM));

    ViewsAsHere views = ViewsAsHere.in(operations, () -> List.of(new CreateView("totals", MADE_FROM)), here);

    assertEquals(new CreateView("totals", MADE_FROM), views.operations().get(2));
    assertTrue(views.warnings().get(0).contains("its query reads what this revision drops or renames"), views::toString);
  }

  @Test
  void aViewAsTheMigrationHasItOrCreatedForTheFirstTimeIsLeftAsItIs() {
    List<Operation> same = List.of(new DropView("totals"), new CreateView("totals", " select orders.id\n FROM orders "));
    List<Operation> created = List.of(new CreateView("totals", MADE_FROM));

    assertEquals(same, ViewsAsHere.in(same, () -> same, DATABASE.withoutView("totals").withView(View.of("totals",
        MADE_FROM))).operations());
    assertEquals(created, ViewsAsHere.in(created, List::of, DATABASE).operations());
  }
}
