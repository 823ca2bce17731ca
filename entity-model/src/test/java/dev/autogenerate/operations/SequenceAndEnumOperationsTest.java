package dev.autogenerate.operations;

import static dev.autogenerate.operations.Fixtures.BEFORE;
import static dev.autogenerate.operations.Fixtures.assertRoundTrip;
import static dev.autogenerate.schema.EnumType.enumType;
import static dev.autogenerate.schema.Sequence.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequences and enum types: created, dropped and altered, and undone by the inverse. */
class SequenceAndEnumOperationsTest {

  @Test
  void createSequenceIsUndoneByDroppingIt() {
    CreateSequence create = new CreateSequence(sequence("orders_seq", 1000, -5));
    assertEquals(List.of(new DropSequence("orders_seq")), create.inverse(BEFORE));
    Schema after = assertRoundTrip(create, BEFORE, BEFORE.withSequence(sequence("orders_seq", 1000, -5)));
    assertEquals(List.of("orders_seq", "users_seq"), List.copyOf(after.sequences().keySet()));
  }

  @Test
  void dropSequenceIsUndoneByCreatingItWithItsStartAndIncrement() {
    DropSequence drop = new DropSequence("users_seq");
    assertEquals(List.of(new CreateSequence(sequence("users_seq", 1, 50))), drop.inverse(BEFORE));
    Schema after = assertRoundTrip(drop, BEFORE, Schema.of(BEFORE.tables().values(), List.of(),
        BEFORE.enumTypes().values()));
    assertTrue(after.sequences().isEmpty());
  }

  @Test
  void sequencesRefuseDuplicatesAndMissingNames() {
    assertThrows(IllegalArgumentException.class, () -> new CreateSequence(sequence("users_seq", 1, 1)).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropSequence("nope").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropSequence("nope").inverse(BEFORE));
  }

  @Test
  void createEnumTypeIsUndoneByDroppingIt() {
    CreateEnumType create = new CreateEnumType(enumType("status", "NEW", "PAID"));
    assertEquals(List.of(new DropEnumType("status")), create.inverse(BEFORE));
    assertRoundTrip(create, BEFORE, BEFORE.withEnumType(enumType("status", "NEW", "PAID")));
  }

  @Test
  void dropEnumTypeIsUndoneByCreatingItWithItsValuesInOrder() {
    DropEnumType drop = new DropEnumType("mood");
    assertEquals(List.of(new CreateEnumType(enumType("mood", "happy", "sad"))), drop.inverse(BEFORE));
    assertRoundTrip(drop, BEFORE, Schema.of(BEFORE.tables().values(), BEFORE.sequences().values(), List.of()));
  }

  @Test
  void alterEnumTypeReplacesTheValuesAndTheInverseRestoresTheOldOnes() {
    AlterEnumType alter = new AlterEnumType("mood", List.of("sad", "meh", "happy"));
    assertEquals(List.of(new AlterEnumType("mood", List.of("happy", "sad"))), alter.inverse(BEFORE));
    Schema after = assertRoundTrip(alter, BEFORE, BEFORE.withEnumType(enumType("mood", "sad", "meh", "happy")));
    assertEquals(List.of("sad", "meh", "happy"), after.enumType("mood").orElseThrow().values());
  }

  @Test
  void alterEnumTypeKnowsWhetherItOnlyAddsValues() {
    // Only then can PostgreSQL change the type in place.
    assertTrue(new AlterEnumType("mood", List.of("happy", "meh", "sad")).onlyAddsValuesTo(List.of("happy", "sad")));
    assertFalse(new AlterEnumType("mood", List.of("sad", "happy")).onlyAddsValuesTo(List.of("happy", "sad")));
    assertFalse(new AlterEnumType("mood", List.of("happy")).onlyAddsValuesTo(List.of("happy", "sad")));
  }

  @Test
  void enumTypesRefuseDuplicatesAndMissingNames() {
    assertThrows(IllegalArgumentException.class, () -> new CreateEnumType(enumType("mood", "x")).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropEnumType("nope").applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new DropEnumType("nope").inverse(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new AlterEnumType("nope", List.of("x")).applyTo(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new AlterEnumType("nope", List.of("x")).inverse(BEFORE));
    assertThrows(IllegalArgumentException.class, () -> new AlterEnumType("mood", List.of("x", "x")));
  }

  @Test
  void executeSqlLeavesTheSchemaAloneAndCannotBeUndone() {
    ExecuteSql sql = new ExecuteSql("update users set age = 0 where age is null");
    assertEquals(BEFORE, sql.applyTo(BEFORE));
    IrreversibleOperationException error =
        assertThrows(IrreversibleOperationException.class, () -> sql.inverse(BEFORE));
    assertTrue(error.getMessage().contains("update users set age = 0"), error.getMessage());
  }

  @Test
  void executeSqlNeedsSql() {
    assertThrows(IllegalArgumentException.class, () -> new ExecuteSql(" \n"));
    assertThrows(IllegalArgumentException.class, () -> new ExecuteSql(null));
  }
}
