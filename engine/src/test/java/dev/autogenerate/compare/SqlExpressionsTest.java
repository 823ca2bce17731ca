package dev.autogenerate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlExpressionsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // Hibernate's enum check, and PostgreSQL's rewrite of it
      "status in ('NEW','PAID') | ((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[]))",
      "status in ('NEW', 'PAID') | (status)::text = ANY (ARRAY['NEW'::text, 'PAID'::text])",
      // ORDINAL enums: between, rewritten as two comparisons
      "status between 0 and 2 | ((status >= 0) AND (status <= 2))",
      "age >= 0 | (age >= 0)",
      "\"Age\" > 1 | (\"Age\" > 1)",
      "price > 0 and price < 100 | ((price > (0)::numeric) AND (price < (100)::numeric))",
      "a != b | (a <> b)",
      // like and ilike, kept as their operators; similar to, as a match of its escaped pattern
      "code like 'A%' | ((code)::text ~~ 'A%'::text)",
      "code ilike 'a%' | ((code)::text ~~* 'a%'::text)",
      "code not like 'B%' | ((code)::text !~~ 'B%'::text)",
      "code similar to 'A%' | ((code)::text ~ similar_to_escape('A%'::text))",
      // in with one value, read back as =
      "code in ('a') or code is null | ((((code)::text = 'a'::text) OR (code IS NULL)))",
      // defaults
      "'x' | 'x'::character varying",
      "0 | 0",
      "0 | '0'::integer",
      "now() | CURRENT_TIMESTAMP",
      "current_timestamp | now()",
      "true | true",
  })
  void sameMeaningSameKey(String mapped, String reported) {
    assertEquals(SqlExpressions.normalize(mapped), SqlExpressions.normalize(reported));
  }

  @ParameterizedTest(name = "{0} <> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "status in ('NEW','PAID') | status in ('NEW','PAID','SHIPPED')",
      "'ACTIVE' | 'active'",
      "age >= 0 | age > 0",
      "0 | 1",
      "'x' | 'y'",
  })
  void differentMeaningDifferentKey(String one, String other) {
    assertNotEquals(SqlExpressions.normalize(one), SqlExpressions.normalize(other));
  }

  @Test
  void nullDefaultIsNoDefault() {
    assertNull(SqlExpressions.normalize("NULL"));
    assertNull(SqlExpressions.normalize("null::character varying"));
    assertNull(SqlExpressions.normalize(null));
  }
}
