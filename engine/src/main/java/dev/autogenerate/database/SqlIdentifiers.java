package dev.autogenerate.database;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quotes identifiers only where the database needs it, so that generated SQL reads like a person
 * wrote it: {@code users}, but {@code "user"} and {@code "Users"}.
 */
public final class SqlIdentifiers {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  /** Words PostgreSQL or SQLite reserve, which a table or column is often named anyway. */
  private static final Set<String> RESERVED = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "authorization", "between",
      "both", "case", "cast", "check", "collate", "column", "constraint", "create", "cross",
      "current_date", "current_time", "current_timestamp", "current_user", "default", "deferrable",
      "delete", "desc", "distinct", "do", "drop", "else", "end", "except", "exists", "false",
      "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "in", "index",
      "initially", "inner", "insert", "intersect", "into", "is", "join", "key", "leading", "left",
      "like", "limit", "natural", "not", "null", "offset", "on", "only", "or", "order", "outer",
      "primary", "references", "returning", "right", "select", "session_user", "set", "some",
      "table", "then", "to", "trailing", "true", "union", "unique", "update", "user", "using",
      "values", "when", "where", "window", "with");

  private SqlIdentifiers() {}

  public static String quote(String identifier) {
    if (PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
