package dev.autogenerate.schema;

import java.util.Locale;

/**
 * Rewrites the names in SQL text the model keeps as text (check expressions, the definitions of
 * partial and expression indexes) when a table or column is renamed, as both databases rewrite
 * their stored definitions: afterwards the schema value says what the database will report, and a
 * SQLite table rebuild recreates the check or index under the new name.
 *
 * <p>Only identifiers are touched: string literals and quoted identifiers are read as units, a
 * word followed by {@code (} is a function, one after {@code ::} a type. An unquoted word matches
 * a name the way PostgreSQL folds it (lower case); the new name is always written quoted, which
 * is valid wherever the old one stood and compares equal to it unquoted
 * ({@code dev.autogenerate.compare.SqlExpressions}).
 */
final class IdentifierRewriter {

  private IdentifierRewriter() {}

  /** {@code expression} with every reference to column {@code from} naming {@code to}. */
  static String column(String expression, String from, String to) {
    return rewrite(expression, 0, from, to);
  }

  /**
   * A {@code create index} statement with the column renamed in what it indexes (its column or
   * expression list and {@code where} clause), never in the index's or table's name.
   */
  static String columnInIndex(String definition, String from, String to) {
    int list = definition.indexOf('(');
    return list < 0 ? definition : rewrite(definition, list, from, to);
  }

  /** A {@code create index} statement with its table, the name after {@code on}, renamed. */
  static String tableInIndex(String definition, String from, String to) {
    String table = Schema.unqualified(from);
    String newTable = Schema.unqualified(to);
    int list = definition.indexOf('(');
    String head = list < 0 ? definition : definition.substring(0, list);
    String rest = list < 0 ? "" : definition.substring(list);
    // The table is the last name of the header: "create index ix on [only] [schema.]table [using m]".
    int on = indexOfWord(head, "on");
    if (on < 0) {
      return definition;
    }
    return head.substring(0, on) + rewrite(head.substring(on), 0, table, newTable) + rest;
  }

  private static String rewrite(String text, int start, String from, String to) {
    StringBuilder out = new StringBuilder(text.substring(0, start));
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = endOfQuoted(text, i, '\'');
        out.append(text, i, end);
        i = end;
      } else if (c == '"') {
        int end = endOfQuoted(text, i, '"');
        String name = text.substring(i + 1, end - 1).replace("\"\"", "\"");
        out.append(name.equals(from) && isReference(text, i, end) ? quoted(to) : text.substring(i, end));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
            || text.charAt(end) == '$')) {
          end++;
        }
        String word = text.substring(i, end);
        out.append(word.toLowerCase(Locale.ROOT).equals(from) && isReference(text, i, end) ? quoted(to) : word);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Not a function name (followed by a parenthesis) nor a type (after {@code ::}). */
  private static boolean isReference(String text, int start, int end) {
    int next = end;
    while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    boolean function = next < text.length() && text.charAt(next) == '(';
    boolean type = start >= 2 && text.startsWith("::", start - 2);
    return !function && !type;
  }

  /** The index just past the closing quote; a doubled quote inside stands for one. */
  private static int endOfQuoted(String text, int open, char quote) {
    int i = open + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  private static int indexOfWord(String text, String word) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
      boolean before = i == 0 || Character.isWhitespace(lower.charAt(i - 1));
      int after = i + word.length();
      if (before && after < lower.length() && Character.isWhitespace(lower.charAt(after))) {
        return i;
      }
    }
    return -1;
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
