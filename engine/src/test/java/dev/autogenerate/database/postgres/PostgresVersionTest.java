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

/** PostgreSQL 12 and later are migrated; an older server is refused with one line, before any work. */
class PostgresVersionTest {

  @Test
  void anOlderServerIsRefusedNamingTheFix() {
    UserError refused = assertThrows(UserError.class, () -> new PostgresDatabase().requireSupportedVersion(11));
    assertEquals("PostgreSQL 11 is not supported: Autogenerate needs PostgreSQL 12 or later (before 12, adding an"
        + " enum value cannot be part of a revision's transaction); upgrade the server", refused.getMessage());
  }

  @Test
  void twelveAndTheTestServerAreAccepted() throws Exception {
    assertDoesNotThrow(() -> new PostgresDatabase().requireSupportedVersion(12));
    try (Connection connection = TestDatabases.fresh(DatabaseKind.POSTGRESQL).open()) {
      assertEquals(DatabaseKind.POSTGRESQL, Database.of(connection).kind());
    }
  }
}
