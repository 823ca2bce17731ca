package dev.autogenerate.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which checks admit every row another admitted: those a step may add again without a risk. */
class CheckWideningTest {

  @Test
  void anEnumCheckGainingAValueAdmitsAllItDidAsPostgresqlRewroteIt() {
    assertTrue(CheckWidening.admitsAll(
        "((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[]))",
        "status in ('NEW','PAID','SHIPPED')"));
    assertTrue(CheckWidening.admitsAll("status in ('NEW','PAID')", "status in ('PAID', 'NEW')"));
    // One value is written as an equality in the normal form.
    assertTrue(CheckWidening.admitsAll("((status)::text = ANY ((ARRAY['NEW'::character varying])::text[]))",
        "status in ('NEW','PAID')"));
  }

  @Test
  void aValueTakenOutOrAnotherColumnIsNoWidening() {
    assertFalse(CheckWidening.admitsAll("status in ('NEW','PAID')", "status in ('NEW')"));
    assertFalse(CheckWidening.admitsAll("status in ('NEW','PAID')", "state in ('NEW','PAID','SHIPPED')"));
    // A comma inside a value is part of it.
    assertFalse(CheckWidening.admitsAll("label in ('a,b')", "label in ('a','b')"));
  }

  @Test
  void anOrdinalsRangeGrowingAdmitsAllItDid() {
    assertTrue(CheckWidening.admitsAll("status between 0 and 1", "status between 0 and 2"));
    assertTrue(CheckWidening.admitsAll("((status >= 0) AND (status <= 1))", "status between 0 and 2"));
    assertFalse(CheckWidening.admitsAll("status between 0 and 2", "status between 0 and 1"));
    assertFalse(CheckWidening.admitsAll("status between 0 and 2", "rank between 0 and 3"));
  }

  @Test
  void anyOtherShapeIsNotKnownToWiden() {
    assertFalse(CheckWidening.admitsAll("length(name) > 2", "length(name) > 1"));
    assertTrue(CheckWidening.admitsAll("length(name) > 2", "(length(name) > 2)"));
  }
}
