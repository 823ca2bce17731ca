package dev.autogenerate.inspect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which tables the inspector reads. A table is included unless its name matches one of the
 * built-in exclusions or one of the user's {@code excludePatterns}. Sequences are filtered by
 * name the same way (on SQLite, Hibernate's sequences are tables: one rule for both databases).
 *
 * <p>Patterns are globs: {@code *} matches any run of characters (also none), {@code ?} exactly
 * one; every other character stands for itself. Matching ignores case, since SQLite compares
 * names without case and tools create their tables in either case ({@code DATABASECHANGELOG}).
 *
 * <p>The built-in exclusions ({@link #BUILT_IN_EXCLUSIONS}) are the tables of other tools, and
 * our own version table; they are always applied, whatever the patterns. SQLite's own
 * {@code sqlite_*} tables are left out by the SQLite inspector itself (SQLite reserves those
 * names), so a PostgreSQL table that happens to be called {@code sqlite_...} is still read.
 *
 * @param excludePatterns the user's exclusions, on top of the built-in ones
 */
public record TableFilter(List<String> excludePatterns) {

  /** Autogenerate's own table, recording which revision the database is at. */
  public static final String VERSION_TABLE = "autogenerate_version";

  /**
   * Tables no migration of ours creates, so no diff may drop: our version table, and the history
   * tables of Flyway and Liquibase for projects moving over from those tools.
   */
  public static final List<String> BUILT_IN_EXCLUSIONS = List.of(
      VERSION_TABLE,
      "flyway_schema_history",
      "databasechangelog",
      "databasechangeloglock");

  public TableFilter {
    Objects.requireNonNull(excludePatterns, "excludePatterns");
    excludePatterns = List.copyOf(excludePatterns);
    for (String pattern : excludePatterns) {
      if (pattern.isBlank()) {
        throw new IllegalArgumentException("a table exclusion pattern must not be blank");
      }
    }
  }

  /** Every table but the built-in exclusions. */
  public static TableFilter defaults() {
    return new TableFilter(List.of());
  }

  /** This filter, also excluding tables that match any of the given patterns. */
  public TableFilter withExcluded(List<String> patterns) {
    LinkedHashSet<String> all = new LinkedHashSet<>(excludePatterns);
    all.addAll(patterns);
    return new TableFilter(new ArrayList<>(all));
  }

  /** Whether the inspector reads the table of this name. */
  public boolean includes(String tableName) {
    Objects.requireNonNull(tableName, "tableName");
    String name = tableName.toLowerCase(Locale.ROOT);
    for (String pattern : BUILT_IN_EXCLUSIONS) {
      if (globMatches(pattern, name)) {
        return false;
      }
    }
    for (String pattern : excludePatterns) {
      if (globMatches(pattern.toLowerCase(Locale.ROOT), name)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Glob matching of an already lower-cased pattern and name, by backtracking to the last star
   * only: linear in practice, and never the exponential blow-up a regex of stars can have.
   */
  static boolean globMatches(String pattern, String name) {
    int p = 0;
    int n = 0;
    int starAt = -1;
    int nameAtStar = 0;
    while (n < name.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        starAt = p++;
        nameAtStar = n;
      } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
        p++;
        n++;
      } else if (starAt >= 0) {
        p = starAt + 1;
        n = ++nameAtStar;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
