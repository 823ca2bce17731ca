package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.runtime.UserError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ${NAME:default} in the application's files resolves as Spring would at start-up. */
class SpringPlaceholdersTest {

  private static String resolve(String value, Map<String, String> environment, Map<String, String> properties) {
    return SpringPlaceholders.resolve(value, environment, properties::get, "application.yml (spring.datasource.url)");
  }

  @Test
  void theEnvironmentWinsOverTheDefault() {
    assertEquals("jdbc:sqlite:prod.db",
        resolve("${DB_URL:jdbc:sqlite:dev.db}", Map.of("DB_URL", "jdbc:sqlite:prod.db"), Map.of()));
  }

  @Test
  void theDefaultMayHoldColons() {
    assertEquals("jdbc:sqlite:dev.db", resolve("${DB_URL:jdbc:sqlite:dev.db}", Map.of(), Map.of()));
  }

  @Test
  void anEmptyDefaultIsAValue() {
    assertEquals("", resolve("${DB_PASSWORD:}", Map.of(), Map.of()));
  }

  @Test
  void partsAroundAndSeveralPlaceholders() {
    assertEquals("jdbc:postgresql://db.example:6432/app",
        resolve("jdbc:postgresql://${DB_HOST}:${DB_PORT:5432}/app", Map.of("DB_HOST", "db.example", "DB_PORT", "6432"),
            Map.of()));
  }

  @Test
  void aPropertyNameIsLookedUpInItsEnvironmentFormThenInTheFiles() {
    assertEquals("from-env", resolve("${app.db.host}", Map.of("APP_DB_HOST", "from-env"), Map.of("app.db.host", "x")));
    assertEquals("from-file", resolve("${app.db-host}", Map.of(), Map.of("app.db-host", "from-file")));
  }

  @Test
  void aDefaultMayItselfBeAPlaceholder() {
    assertEquals("fallback", resolve("${A:${B:fallback}}", Map.of(), Map.of()));
    assertEquals("b", resolve("${A:${B:fallback}}", Map.of("B", "b"), Map.of()));
  }

  @Test
  void withoutPlaceholdersTheValueIsUnchanged() {
    assertEquals("jdbc:sqlite:a.db", resolve("jdbc:sqlite:a.db", Map.of(), Map.of()));
  }

  @Test
  void anUnresolvableOneIsAOneLineErrorNamingItAndWhere() {
    UserError error = assertThrows(UserError.class, () -> resolve("${DB_URL}", Map.of(), Map.of()));

    assertTrue(error.getMessage().startsWith("cannot resolve ${DB_URL} in application.yml (spring.datasource.url)"),
        error.getMessage());
    assertEquals(1, error.getMessage().lines().count());
  }

  @Test
  void aSelfReferenceIsAnErrorNotALoop() {
    assertThrows(UserError.class, () -> resolve("${a}", Map.of(), Map.of("a", "${a}")));
  }
}
