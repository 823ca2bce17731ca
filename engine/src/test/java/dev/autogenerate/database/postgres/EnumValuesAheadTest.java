package dev.autogenerate.database.postgres;

import static dev.autogenerate.database.postgres.PostgresStatementsTest.BEFORE;
import static dev.autogenerate.schema.Column.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.database.AheadOfTransaction;
import dev.autogenerate.database.Database;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.AlterEnumType;
import dev.autogenerate.operations.CreateEnumType;
import dev.autogenerate.operations.DropColumn;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.schema.EnumType;
import dev.autogenerate.schema.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before PostgreSQL 12 a revision's new values for an enum type that exists are added ahead of its
 * transaction, each skipped where the type has it already, and only the rest runs in the
 * transaction; from 12 on, and where the version is unknown, everything is part of the transaction.
 */
class EnumValuesAheadTest {

  private static final Operation NOTE = new AddColumn("orders", column("note", SqlType.TEXT));
  private static final Operation CANCELLED = new AlterEnumType("status", List.of("NEW", "PAID", "SHIPPED", "CANCELLED"));

  private final Database eleven = new PostgresDatabase().atServerVersion(11);

  @Test
  void elevenAddsTheValuesAheadAndLeavesTheRestToTheTransaction() {
    AheadOfTransaction split = eleven.aheadOfTransaction(List.of(NOTE, CANCELLED), BEFORE);

    assertEquals(new AheadOfTransaction(List.of("alter type status add value if not exists 'CANCELLED' after 'SHIPPED'"),
        List.of(CANCELLED), List.of(NOTE)), split);
    assertEquals(List.of("alter table orders add column note text"), eleven.statements(split.rest(), BEFORE));
  }

  @Test
  void twelveAndAnUnknownVersionAddThemInTheTransaction() {
    List<Operation> revision = List.of(NOTE, CANCELLED);
    for (Database database : List.of(new PostgresDatabase().atServerVersion(12), new PostgresDatabase())) {
      assertEquals(AheadOfTransaction.none(revision), database.aheadOfTransaction(revision, BEFORE));
      assertEquals(List.of("alter table orders add column note text",
          "alter type status add value 'CANCELLED' after 'SHIPPED'"), database.statements(revision, BEFORE));
    }
  }

  @Test
  void aValueRemovedIsNoAdditionAndStaysInTheTransaction() {
    List<Operation> revision = List.of(new AlterEnumType("status", List.of("NEW", "PAID")));

    assertEquals(AheadOfTransaction.none(revision), eleven.aheadOfTransaction(revision, BEFORE));
  }

  @Test
  void valuesForATypeTheRevisionCreatesStayInTheTransactionWhichMayAddThem() {
    List<Operation> revision = List.of(new CreateEnumType(EnumType.enumType("mood", "A", "B")),
        new AlterEnumType("mood", List.of("A", "B", "C")));

    AheadOfTransaction split = eleven.aheadOfTransaction(revision, BEFORE);

    assertEquals(AheadOfTransaction.none(revision), split);
    assertEquals(List.of("create type mood as enum ('A', 'B')", "alter type mood add value 'C' after 'B'"),
        eleven.statements(split.rest(), BEFORE));
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
  void valuesAfterRawSqlCannotMoveAhead() {
    List<Operation> revision = List.of(new ExecuteSql("alter type status rename value 'NEW' to 'OPEN'"), CANCELLED);

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> eleven.aheadOfTransaction(revision, BEFORE));
    assertEquals("PostgreSQL 11 adds values to an enum type only outside a transaction, ahead of the revision's other"
        + " operations, and it follows raw SQL, which may change the type: move the change to enum type status into a"
        + " revision of its own", refused.getMessage());
  }

  @Test
  void aRevisionThatDoesNotApplyIsRefusedBeforeAnyValueIsAdded() {
    List<Operation> revision = List.of(CANCELLED, new DropColumn("orders", "misspelt"));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> eleven.aheadOfTransaction(revision, BEFORE));
    assertEquals("cannot " + revision.get(1).describe() + ": " + assertThrows(IllegalArgumentException.class,
        () -> revision.get(1).applyTo(CANCELLED.applyTo(BEFORE))).getMessage(), refused.getMessage());
  }
}
