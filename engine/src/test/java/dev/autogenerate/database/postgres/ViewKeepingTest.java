package dev.autogenerate.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a view dropped and created again gets back, on a real PostgreSQL, in one transaction. */
class ViewKeepingTest {

  /**
   * An {@code @View} entity's new query may leave out a column whose comment was kept: the view
   * comes back with what still applies, and the revision does not fail on the rest.
   */
  @Test
  void whatWasKeptForAColumnTheNewQueryLeavesOutGoesWithIt() throws Exception {
    try (Connection connection = TestDatabases.fresh(dev.autogenerate.schema.DatabaseKind.POSTGRESQL).open();
        Statement statement = connection.createStatement()) {
      statement.execute("create table orders (id bigint primary key, amount integer, note text)");
      statement.execute("create view totals as select id, amount::text as amount, note from orders");
      statement.execute("comment on view totals is 'Totals'");
      statement.execute("comment on column totals.note is 'Free text'");
      statement.execute("comment on column totals.amount is 'In cents'");
      statement.execute("alter view totals alter column note set default 'none'");
      statement.execute("alter view totals alter column amount set default '0'::text");
      connection.setAutoCommit(false);
      List<String> steps = new ArrayList<>(ViewKeeping.keep("totals"));
      steps.add("drop view totals");
      // The note goes, the amount becomes a number: its text default cannot be set again.
      steps.add("create view totals as select id, amount::numeric as amount from orders");
      steps.add(ViewKeeping.giveBack("totals"));
      for (String sql : steps) {
        statement.execute(sql);
      }
      connection.commit();
      try (ResultSet comments = statement.executeQuery("select obj_description('totals'::regclass, 'pg_class'),"
          + " col_description('totals'::regclass, 2)")) {
        comments.next();
        assertEquals("Totals", comments.getString(1));
        assertEquals("In cents", comments.getString(2));
      }
    }
  }
}
