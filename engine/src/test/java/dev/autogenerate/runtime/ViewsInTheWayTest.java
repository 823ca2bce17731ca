package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.DropTable;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ViewsInTheWayTest {

  private static final Schema SCHEMA = Schema.EMPTY.withViewsAndTriggers(List.of(
      new View("Acct View", "select id, extra from acct", Map.of("acct", new TreeSet<>(List.of("id", "extra"))))),
      List.of());

  /** Found by the review of this session's fixes: the advice's SQL named a quoted view unquoted. */
  @Test
  void theAdviceQuotesTheViewsNameAsSqlNeedsItInJavaText() {
    String reason = ViewsInTheWay.of(new DropTable("acct"), SCHEMA).orElseThrow();

    assertTrue(reason.startsWith("view Acct View reads table acct (PostgreSQL refuses the drop"), reason);
    assertTrue(reason.contains("(op.execute(\"drop view if exists \\\"Acct View\\\"\"))"), reason);
  }

  @Test
  void onlyWhatTheViewReadsIsInTheWay() {
    assertTrue(ViewsInTheWay.of(new DropColumn("acct", "extra"), SCHEMA).isPresent());
    assertEquals(Optional.empty(), ViewsInTheWay.of(new DropColumn("acct", "label"), SCHEMA));
    assertEquals(Optional.empty(), ViewsInTheWay.of(new DropTable("other"), SCHEMA));
  }
}
