package dev.autogenerate.database.postgres;

import static dev.autogenerate.database.postgres.PostgresStatementsTest.BEFORE;
import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before PostgreSQL 12 a revision's new enum values are added ahead of its transaction, each
 * skipped where the type has it already, and left out of the transaction's statements; from 12 on,
 * and where the version is unknown, they are part of the transaction like everything else.
 */
class EnumValuesAheadTest {

  private static final Operation NOTE = new AddColumn("orders", column("note", SqlType.TEXT));
  private static final Operation CANCELLED = new AlterEnumType("status", List.of("NEW", "PAID", "SHIPPED", "CANCELLED"));

  private final Database eleven = new PostgresDatabase().atServerVersion(11);

  @Test
  void elevenAddsTheValuesAheadAndLeavesThemOutOfTheTransaction() {
    List<Operation> revision = List.of(NOTE, CANCELLED);

    assertEquals(List.of("alter type status add value if not exists 'CANCELLED' after 'SHIPPED'"),
        eleven.aheadOfTransaction(revision, BEFORE));
    assertEquals(List.of("alter table orders add column note text"), eleven.statements(revision, BEFORE));
  }

  @Test
  void twelveAndAnUnknownVersionAddThemInTheTransaction() {
    List<Operation> revision = List.of(NOTE, CANCELLED);
    List<String> inTransaction =
        List.of("alter table orders add column note text", "alter type status add value 'CANCELLED' after 'SHIPPED'");

    for (Database database : List.of(new PostgresDatabase().atServerVersion(12), new PostgresDatabase())) {
      assertEquals(List.of(), database.aheadOfTransaction(revision, BEFORE));
      assertEquals(inTransaction, database.statements(revision, BEFORE));
    }
  }

  @Test
  void aValueRemovedIsNoAdditionAndStaysInTheTransaction() {
    List<Operation> revision = List.of(new AlterEnumType("status", List.of("NEW", "PAID")));

    assertEquals(List.of(), eleven.aheadOfTransaction(revision, BEFORE));
    assertEquals("alter type status rename to status_old", eleven.statements(revision, BEFORE).get(0));
  }

  @Test
  void valuesAddedAfterAnotherChangeToTheTypeCannotMoveAhead() {
    List<Operation> revision = List.of(new AlterEnumType("status", List.of("NEW", "PAID")),
        new AlterEnumType("status", List.of("NEW", "PAID", "LOST")));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> eleven.aheadOfTransaction(revision, BEFORE));
    assertEquals("PostgreSQL 11 adds values to an enum type only outside a transaction, ahead of the revision's other"
        + " operations, and an earlier operation of the revision changes the type: move the change to enum type"
        + " status into a revision of its own", refused.getMessage());
  }

  @Test
  void valuesAddedAfterAnOperationThatDoesNotApplyCannotMoveAhead() {
    List<Operation> revision = List.of(new DropColumn("orders", "made_by_raw_sql"), CANCELLED);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> eleven.aheadOfTransaction(revision, BEFORE));
    assertTrue(refused.getMessage().contains("an earlier operation depends on what raw SQL did or does not"
        + " apply"), refused.getMessage());
  }
}
