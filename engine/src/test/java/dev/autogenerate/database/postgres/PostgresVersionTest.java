package dev.autogenerate.database.postgres;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogenerate.database.Database;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** PostgreSQL 11 and later are migrated; an older server is refused with one line, before any work. */
class PostgresVersionTest {

  @Test
  void anOlderServerIsRefusedNamingTheFix() {
    UserError refused = assertThrows(UserError.class, () -> new PostgresDatabase().atServerVersion(10));
    assertEquals("PostgreSQL 10 is not supported: Autogenerate needs PostgreSQL 11 or later; upgrade the server",
        refused.getMessage());
  }

  @Test
  void elevenAndTheTestServerAreAccepted() throws Exception {
    assertDoesNotThrow(() -> new PostgresDatabase().atServerVersion(11));
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      assertEquals(DatabaseKind.POSTGRESQL, Database.of(connection).kind());
    }
  }
}
