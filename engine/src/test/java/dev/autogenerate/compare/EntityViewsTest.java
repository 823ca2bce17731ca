package dev.autogenerate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.changes.Change;
import dev.autogenerate.operations.CreateView;
import dev.autogenerate.operations.DropView;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The views of @View entities, decided from schema values alone. */
class EntityViewsTest {

  private static final Table ORDERS = new Table("orders", List.of(Column.column("id", SqlType.BIGINT)), Optional.empty());

  private static Schema withViews(View... views) {
    return Schema.of(List.of(ORDERS)).withViewsAndTriggers(List.of(views), List.of());
  }

  @Test
  void missingViewsAreCreatedEachAfterTheViewsItReads() {
    Schema target = withViews(View.of("a_totals", "select id from z_orders_seen"), View.of("z_orders_seen", "select id from orders"));

    EntityViews views = EntityViews.in(withViews(), target, Optional.of(Schema.EMPTY));
    List<Change> upgrade = ViewRecreation.around(withViews(), List.of(), target, views.requeried(), views.created());

    assertEquals(List.of("z_orders_seen", "a_totals"),
        upgrade.stream().map(change -> ((CreateView) change.operation()).name()).toList());
  }

  @Test
  void aQueryIsComparedWithWhatTheMigrationsCreatedNotWithTheCatalog() {
    View catalog = new View("seen", "SELECT orders.id\n   FROM orders;", Map.of("orders", new TreeSet<>(Set.of("id"))));
    Schema current = withViews(catalog);
    Schema recorded = withViews(View.of("seen", "select id\n  from orders;"));

    assertTrue(EntityViews.in(current, withViews(View.of("seen", "select id from orders")), Optional.of(recorded))
        .requeried().isEmpty(), "blanks and a closing semicolon are no change");
    assertEquals(Set.of("seen"),
        EntityViews.in(current, withViews(View.of("seen", "select id from orders where id > 1")), Optional.of(recorded))
            .requeried());
    assertTrue(EntityViews.in(current, withViews(View.of("seen", "select 1")), Optional.empty()).requeried().isEmpty(),
        "no migration made it: the database's own");
    assertFalse(EntityViews.sameQuery("select 'a  b' from orders", "select 'a b' from orders"),
        "blanks inside a literal count");
    assertTrue(EntityViews.sameQuery("select id -- don't forget\n  from orders /* all */", "select id from orders"),
        "comments, apostrophes in them too, do not count");
  }

  /** PostgreSQL's other literals: what is inside counts, and an apostrophe in them opens nothing. */
  @Test
  void escapeAndDollarQuotedLiteralsAreLiteralsToo() {
    assertFalse(EntityViews.sameQuery("select $$a  b$$ from orders", "select $$a b$$ from orders"),
        "blanks inside a dollar-quoted literal count");
    assertFalse(EntityViews.sameQuery("select $q$a -- b$q$ from orders", "select $q$a $q$ from orders"),
        "a comment marker inside one is text");
    assertTrue(EntityViews.sameQuery("select $$it's$$,\n   id  from orders", "select $$it's$$, id from orders"),
        "an apostrophe inside one opens no quote: the blanks after it still do not count");
    assertTrue(EntityViews.sameQuery("select E'it\\'s',\n   id  from orders", "select E'it\\'s', id from orders"),
        "an escaped quote in an escape string closes nothing");
    assertFalse(EntityViews.sameQuery("select E'a\\'  b' from orders", "select E'a\\' b' from orders"),
        "blanks inside an escape string count");
    assertTrue(EntityViews.sameQuery("select id from orders where id = $1  ", "select id from orders where id = $1"),
        "a parameter is no quote");
    assertFalse(EntityViews.sameQuery("select E'a''\\'  b', id from orders", "select E'a''\\' b', id from orders"),
        "a doubled quote inside an escape string does not end it: the blanks after it are inside");
    assertTrue(EntityViews.sameQuery("select E'a''\\' b',\n  id from orders", "select E'a''\\' b', id from orders"),
        "nor does it open a quote running to the end");
  }

  @Test
  void aViewCreatedAgainWhoseNewQueryReadsANewViewComesAfterIt() {
    View seen = new View("seen", "SELECT orders.id FROM orders", Map.of("orders", new TreeSet<>(Set.of("id"))));
    Schema current = withViews(seen);
    Schema target = withViews(View.of("seen", "select id from fresh"), View.of("fresh", "select id from orders"));
    EntityViews views = EntityViews.in(current, target, Optional.of(withViews(View.of("seen", "select id from orders"))));

    List<Operation> upgrade = ViewRecreation.around(current, List.of(), target, views.requeried(), views.created())
        .stream().map(Change::operation).toList();

    assertEquals(List.of(new DropView("seen"), new CreateView("fresh", "select id from orders"),
        new CreateView("seen", "select id from fresh")), upgrade);
  }

  @Test
  void aCreationTheHookTurnedIntoRawSqlKeepsItsPlaceAfterTheViews() {
    Change raw = Change.of(new dev.autogenerate.operations.ExecuteSql("create view custom as select 1"));
    List<Change> ordered = EntityViews.ordered(List.of(raw,
        Change.of(new CreateView("b", "select id from a")), Change.of(new CreateView("a", "select id from orders"))));

    assertEquals(List.of(new CreateView("a", "select id from orders"), new CreateView("b", "select id from a"),
        raw.operation()), ordered.stream().map(Change::operation).toList());
  }

  @Test
  void aChangedQueryIsDroppedWithItsReadersFirstAndCreatedAgainWithTheNewQuery() {
    View seen = new View("seen", "SELECT orders.id FROM orders", Map.of("orders", new TreeSet<>(Set.of("id"))));
    View reader = new View("reader", "SELECT seen.id FROM seen", Map.of("seen", new TreeSet<>()));
    Schema current = withViews(seen, reader);
    Schema target = withViews(View.of("seen", "select id from orders where id > 1"));
    EntityViews views = EntityViews.in(current, target, Optional.of(withViews(View.of("seen", "select id from orders"))));

    List<Operation> upgrade = ViewRecreation.around(current, List.of(), target, views.requeried(), views.created()).stream()
        .map(Change::operation).toList();

    assertEquals(List.of(new DropView("reader"), new DropView("seen"),
        new CreateView("seen", "select id from orders where id > 1"), new CreateView("reader", "SELECT seen.id FROM seen")),
        upgrade);
    assertFalse(views.created().stream().anyMatch(change -> change.operation() instanceof CreateView create
        && create.name().equals("seen")), "created once");
  }
}
