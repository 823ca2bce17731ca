package dev.autogenerate.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list of the driver's classes that the launcher's archive is given when it is written on a
 * run against SQLite: each is a class of the driver on the class path, so a driver upgrade that
 * renames them fails here rather than leaving the archive without them.
 */
class PostgresDriverClassesTest {

  @Test
  void everyListedClassIsOnTheClassPath() throws Exception {
    List<String> names = PostgresDriverClasses.names();
    assertTrue(names.size() > 100, "the classes a check loads: " + names.size());
    assertTrue(names.contains("org.postgresql.jdbc.PgConnection"), "the connection");
    assertTrue(names.contains("org.postgresql.core.v3.QueryExecutorImpl"), "the protocol");
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      try {
        Class.forName(name, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "make the list again as its first lines say");
  }
}
