package dev.autogenerate.compare;

import static dev.autogenerate.compare.CompareTesting.POSTGRES;
import static dev.autogenerate.compare.CompareTesting.SQLITE;
import static dev.autogenerate.compare.CompareTesting.TABLES;
import static dev.autogenerate.compare.CompareTesting.aroundTables;
import static dev.autogenerate.compare.CompareTesting.run;
import static dev.autogenerate.schema.Sequence.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.autogenerate.operations.AlterSequence;
import dev.autogenerate.operations.CreateSequence;
import dev.autogenerate.operations.DropSequence;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Sequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceComparatorTest {

  private static Schema sequences(Sequence... sequences) {
    return Schema.of(List.of(), List.of(sequences), List.of());
  }

  @Test
  void sameIncrementChangesNothing() {
    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(sequence("users_seq", 1, 50)),
        sequences(sequence("users_seq", 1, 50)));

    assertEquals(List.of(), plan.ordered(false));
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void startValueIsNotCompared() {
    // A live sequence has moved on from its start; the database may report any.
    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(sequence("users_seq", 1051, 50)),
        sequences(sequence("users_seq", 1, 50)));

    assertEquals(List.of(), plan.ordered(false));
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void newSequenceIsCreatedBeforeTheTables() {
    Sequence sequence = sequence("users_seq", 1, 50);

    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(), sequences(sequence));

    assertEquals(List.of(new CreateSequence(sequence), TABLES), aroundTables(plan));
    assertNull(plan.ordered(false).get(0).reason());
  }

  @Test
  void changedIncrementAltersTheSequenceOnPostgres() {
    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(sequence("users_seq", 1, 1)),
        sequences(sequence("users_seq", 1, 50)));

    assertEquals(List.of(new AlterSequence("users_seq", 50)), CompareTesting.operations(plan.ordered(false)));
    assertEquals("sequence users_seq: allocationSize 1 -> 50 (Hibernate refuses to start while the increment differs)",
        plan.ordered(false).get(0).reason());
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void changedIncrementIsNotComparedOnSqlite() {
    // Hibernate's sequence table on SQLite keeps only the next value: the increment read back is meaningless.
    PlanBuilder plan = run(new SequenceComparator(SQLITE), sequences(sequence("users_seq", 1, 1)),
        sequences(sequence("users_seq", 1, 50)));

    assertEquals(List.of(), plan.ordered(false));
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void unusedSequenceIsDroppedAfterTheTables() {
    PlanBuilder plan = run(new SequenceComparator(POSTGRES), sequences(sequence("old_seq", 1, 1)), sequences());

    assertEquals(List.of(TABLES, new DropSequence("old_seq")), aroundTables(plan));
    assertEquals("sequence old_seq is in the database but no entity uses it", plan.ordered(false).get(1).reason());
  }
}
