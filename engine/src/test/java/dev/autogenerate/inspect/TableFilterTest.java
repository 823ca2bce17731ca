package dev.autogenerate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

  @Test
  void defaultsIncludeOrdinaryTables() {
    TableFilter filter = TableFilter.defaults();
    assertTrue(filter.includes("users"));
    assertTrue(filter.includes("Users"));
    assertTrue(filter.includes("autogenerate_version_2"));
    assertTrue(filter.includes("my_flyway_schema_history"));
    assertEquals(List.of(), filter.excludePatterns());
  }

  @Test
  void builtInExclusionsAreAlwaysApplied() {
    for (TableFilter filter : List.of(
        TableFilter.defaults(), new TableFilter(List.of()), TableFilter.defaults().withExcluded(List.of("x*")))) {
      assertFalse(filter.includes(TableFilter.VERSION_TABLE));
      assertFalse(filter.includes("autogenerate_version"));
      assertFalse(filter.includes("AUTOGENERATE_VERSION"));
      assertFalse(filter.includes("flyway_schema_history"));
      assertFalse(filter.includes("databasechangelog"));
      assertFalse(filter.includes("DATABASECHANGELOG"));
      assertFalse(filter.includes("DATABASECHANGELOGLOCK"));
    }
    assertEquals("autogenerate_version", TableFilter.VERSION_TABLE);
  }

  @Test
  void sqliteInternalsAreLeftToTheSqliteInspector() {
    // SQLite reserves sqlite_*; on PostgreSQL a table may well be called that.
    assertTrue(TableFilter.defaults().includes("sqlite_notes"));
  }

  @Test
  void starMatchesAnyRunAndQuestionMarkOneCharacter() {
    TableFilter filter = TableFilter.defaults().withExcluded(List.of("audit_*", "tmp_?", "*_BACKUP", "a*b*c"));
    assertFalse(filter.includes("audit_"));
    assertFalse(filter.includes("audit_log"));
    assertFalse(filter.includes("AUDIT_LOG"));
    assertTrue(filter.includes("audit"));
    assertTrue(filter.includes("my_audit_log"));
    assertFalse(filter.includes("tmp_1"));
    assertTrue(filter.includes("tmp_"));
    assertTrue(filter.includes("tmp_12"));
    assertFalse(filter.includes("users_backup"));
    assertFalse(filter.includes("_backup"));
    assertTrue(filter.includes("users_backup_old"));
    assertFalse(filter.includes("abc"));
    assertFalse(filter.includes("axxbyyc"));
    assertFalse(filter.includes("abcbc"));
    assertTrue(filter.includes("axxbyy"));
    assertTrue(filter.includes("acb"));
  }

  @Test
  void otherCharactersAreLiteral() {
    TableFilter filter = TableFilter.defaults().withExcluded(List.of("a.b", "x_y", "[z]", "q%"));
    assertFalse(filter.includes("a.b"));
    assertTrue(filter.includes("axb"));
    assertTrue(filter.includes("xzy"));
    assertFalse(filter.includes("[z]"));
    assertTrue(filter.includes("z"));
    assertTrue(filter.includes("qq"));
    assertFalse(filter.includes("q%"));
  }

  @Test
  void starOnlyPatternExcludesEverything() {
    TableFilter filter = TableFilter.defaults().withExcluded(List.of("*"));
    assertFalse(filter.includes("anything"));
    assertFalse(filter.includes(""));
  }

  @Test
  void withExcludedAddsToThePatternsAndCopies() {
    List<String> patterns = new ArrayList<>(List.of("a*"));
    TableFilter first = TableFilter.defaults().withExcluded(patterns);
    patterns.add("b*");
    assertEquals(List.of("a*"), first.excludePatterns());
    TableFilter second = first.withExcluded(List.of("b*", "a*"));
    assertEquals(List.of("a*", "b*"), second.excludePatterns());
    assertTrue(first.includes("bee"));
    assertFalse(second.includes("bee"));
    assertFalse(second.includes("ant"));
  }

  @Test
  void rejectsBlankAndNullPatterns() {
    assertThrows(IllegalArgumentException.class, () -> new TableFilter(List.of(" ")));
    assertThrows(NullPointerException.class, () -> new TableFilter(null));
    assertThrows(NullPointerException.class, () -> new TableFilter(java.util.Arrays.asList("a", null)));
  }

  @Test
  void longStarPatternsStayFast() {
    TableFilter filter = TableFilter.defaults().withExcluded(List.of("*a*a*a*a*a*a*a*a*a*a*b"));
    String name = "a".repeat(5000);
    long start = System.nanoTime();
    assertTrue(filter.includes(name));
    assertTrue((System.nanoTime() - start) < 2_000_000_000L);
  }

  @Test
  void qualifiedNamesMatchByFullOrBareName() {
    TableFilter filter = TableFilter.defaults().withExcluded(List.of("legacy_*", "sales.tmp_*"));
    assertFalse(filter.includes("sales.autogenerate_version"));
    assertFalse(filter.includes("sales.legacy_orders"));
    assertFalse(filter.includes("sales.tmp_x"));
    assertTrue(filter.includes("billing.tmp_x"));
    assertTrue(filter.includes("sales.orders"));
  }

  @Test
  void schemasAccumulateSortedAndSurviveExclusions() {
    TableFilter filter = TableFilter.defaults().withSchemas(java.util.Set.of("sales"))
        .withSchemas(java.util.Set.of("billing")).withExcluded(List.of("x*"));
    assertEquals(List.of("billing", "sales"), List.copyOf(filter.schemas()));
    assertEquals(List.of("x*"), filter.excludePatterns());
    assertThrows(IllegalArgumentException.class, () -> TableFilter.defaults().withSchemas(java.util.Set.of(" ")));
  }
}
