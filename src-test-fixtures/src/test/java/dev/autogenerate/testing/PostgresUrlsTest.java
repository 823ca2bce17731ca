package dev.autogenerate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgresUrlsTest {

  @Test
  void replacesTheDatabaseAndKeepsHostPortAndParameters() {
    assertEquals(
        "jdbc:postgresql://localhost:5432/t_1",
        PostgresUrls.withDatabase("jdbc:postgresql://localhost:5432/postgres", "t_1"));
    assertEquals(
        "jdbc:postgresql://db:5433/t_1?loggerLevel=OFF&sslmode=disable",
        PostgresUrls.withDatabase(
            "jdbc:postgresql://db:5433/test?loggerLevel=OFF&sslmode=disable", "t_1"));
  }

  @Test
  void addsADatabaseWhereTheUrlHasNone() {
    assertEquals("jdbc:postgresql://db/t_1", PostgresUrls.withDatabase("jdbc:postgresql://db", "t_1"));
    assertEquals(
        "jdbc:postgresql://db/t_1?ssl=true",
        PostgresUrls.withDatabase("jdbc:postgresql://db/?ssl=true", "t_1"));
  }

  @Test
  void handlesTheHostlessForm() {
    assertEquals(
        "jdbc:postgresql:t_1?user=me", PostgresUrls.withDatabase("jdbc:postgresql:postgres?user=me", "t_1"));
  }

  @Test
  void rejectsOtherDatabases() {
    assertThrows(
        IllegalArgumentException.class, () -> PostgresUrls.withDatabase("jdbc:sqlite:x.db", "t_1"));
  }
}
