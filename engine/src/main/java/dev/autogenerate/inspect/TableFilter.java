package dev.autogenerate.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
 * <p>A table outside the connection's current schema is named {@code schema.table}; patterns
 * match that full name or the bare table name, so the built-in exclusions hold in every schema.
 *
 * @param excludePatterns the user's exclusions, on top of the built-in ones
 * @param schemas schemas to read besides the connection's current one (PostgreSQL; SQLite has
 *     none), whose tables and sequences come out as {@code schema.name}
 */
public record TableFilter(List<String> excludePatterns, Set<String> schemas) {

  /** Autogenerate's own table, recording which revision the database is at. */
  public static final String VERSION_TABLE = "autogenerate_version";

  /** Autogenerate's own table, one row per applied revision: when, by whom, its checksum. */
  public static final String HISTORY_TABLE = "autogenerate_history";

  /**
   * Tables no migration of ours creates, so no diff may drop: our version and history tables, and
   * the history tables of Flyway and Liquibase for projects moving over from those tools.
   */
  public static final List<String> BUILT_IN_EXCLUSIONS = List.of(
      VERSION_TABLE,
      HISTORY_TABLE,
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
    Objects.requireNonNull(schemas, "schemas");
    schemas = Collections.unmodifiableSet(new TreeSet<>(schemas));
    for (String schema : schemas) {
      if (schema.isBlank()) {
        throw new IllegalArgumentException("a schema name must not be blank");
      }
    }
  }

  public TableFilter(List<String> excludePatterns) {
    this(excludePatterns, Set.of());
  }

  /** Every table of the current schema but the built-in exclusions. */
  public static TableFilter defaults() {
    return new TableFilter(List.of());
  }

  /** This filter, also reading the given schemas. */
  public TableFilter withSchemas(Set<String> more) {
    Set<String> all = new TreeSet<>(schemas);
    all.addAll(more);
    return new TableFilter(excludePatterns, all);
  }

  /** This filter, also excluding tables that match any of the given patterns. */
  public TableFilter withExcluded(List<String> patterns) {
    LinkedHashSet<String> all = new LinkedHashSet<>(excludePatterns);
    all.addAll(patterns);
    return new TableFilter(new ArrayList<>(all), schemas);
  }

  /** Whether the inspector reads the table of this name. */
  public boolean includes(String tableName) {
    Objects.requireNonNull(tableName, "tableName");
    String name = tableName.toLowerCase(Locale.ROOT);
    String bare = name.substring(name.indexOf('.') + 1);
    for (String pattern : BUILT_IN_EXCLUSIONS) {
      if (globMatches(pattern, name) || globMatches(pattern, bare)) {
        return false;
      }
    }
    for (String pattern : excludePatterns) {
      String lower = pattern.toLowerCase(Locale.ROOT);
      if (globMatches(lower, name) || globMatches(lower, bare)) {
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
