package dev.autogenerate.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a view's query reads, found by name: every table or view of the schema that the query
 * names, and every column of those that it names. Where the catalog does not record a view's
 * dependencies (SQLite), or a migration creates a view, this is how they are known. It reads
 * identifiers only (string literals and comments are skipped; {@code "quoted"}, {@code `back
 * quoted`} and {@code [bracketed]} names are one word each), so it may count a word that is an
 * alias of the same name as a use: it errs on the side of a view that is dropped and created
 * again around a change, never of one that is forgotten.
 */
public final class ViewUses {

  /** The words right after which a table or view is named. */
  private static final Set<String> RELATION_PLACES =
      Set.of("from", "join", "into", "update", "in", "rollback", "abort", "replace", "fail", "ignore");

  /**
   * The words that begin a clause, at which a walk back from a comma learns which list it is in
   * (not a join's {@code on} or {@code using}: a comma after one is the from list's).
   */
  private static final Set<String> CLAUSES = Set.of("from", "join", "select", "set", "values", "where", "group",
      "order", "having", "when", "begin", "then", "else", "update", "insert", "delete", "into", "returning", "limit",
      "window");

  private ViewUses() {}

  /** The view of this name and query, with what it reads in {@code schema}. */
  public static View of(String name, String definition, Schema schema) {
    return new View(name, definition, in(definition, schema));
  }

  /** The tables and views of {@code schema} that {@code sql} names, each with the columns it names. */
  public static Map<String, SortedSet<String>> in(String sql, Schema schema) {
    Set<String> words = words(sql);
    Map<String, SortedSet<String>> uses = new TreeMap<>();
    for (Table table : schema.tables().values()) {
      if (names(words, table.name())) {
        SortedSet<String> columns = new TreeSet<>();
        for (Column column : table.columns()) {
          if (words.contains(column.name().toLowerCase(Locale.ROOT))) {
            columns.add(column.name());
          }
        }
        uses.put(table.name(), columns);
      }
    }
    for (View view : schema.views().values()) {
      if (names(words, view.name())) {
        uses.put(view.name(), new TreeSet<>());
      }
    }
    return uses;
  }

  /** Whether {@code sql} names this table or view (a trigger's body, say). */
  public static boolean names(String sql, String relation) {
    return names(words(sql), relation);
  }

  private static boolean names(Set<String> words, String relation) {
    String lower = relation.toLowerCase(Locale.ROOT);
    // A table outside the current schema is named qualified, and so must the query name it.
    return words.contains(lower);
  }

  /**
   * The identifiers of {@code sql}, lower-cased (SQLite ignores their case, and PostgreSQL folds
   * unquoted ones), with {@code a.b} also as one word, for qualified names.
   */
  static Set<String> words(String sql) {
    List<String> tokens = tokens(sql);
    Set<String> words = new LinkedHashSet<>();
    for (int t = 0; t < tokens.size(); t++) {
      String token = tokens.get(t);
      if (!isWord(token)) {
        continue;
      }
      words.add(token);
      if (t + 2 < tokens.size() && tokens.get(t + 1).equals(".") && isWord(tokens.get(t + 2))) {
        words.add(token + "." + tokens.get(t + 2));
      }
    }
    return words;
  }

  /**
   * Whether {@code sql} names {@code identifier} other than as a column of one of {@code
   * qualifiers} ({@code new.note} and {@code old.note} in a trigger are its own table's): bare, or
   * qualified by anything else.
   */
  public static boolean namesOtherThanOf(String sql, String identifier, Set<String> qualifiers) {
    List<String> tokens = tokens(sql);
    for (List<String> spelling : spellings(identifier)) {
      for (int t = indexOf(tokens, spelling, 0); t >= 0; t = indexOf(tokens, spelling, t + 1)) {
        boolean qualified = t >= 2 && tokens.get(t - 1).equals(".") && qualifiers.contains(tokens.get(t - 2));
        if (!qualified) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code body} reads or sets {@code column} as a field of one of {@code rows}
   * ({@code new.note}, {@code OLD."note"}): how a trigger's function uses its row's columns.
   * Comments and string literals do not count.
   */
  public static boolean namesRowField(String body, String column, Set<String> rows) {
    if (body.isEmpty()) {
      return false;
    }
    List<String> tokens = tokens(body, true);
    String lower = column.toLowerCase(Locale.ROOT);
    for (int t = 2; t < tokens.size(); t++) {
      if (tokens.get(t).equals(lower) && tokens.get(t - 1).equals(".") && rows.contains(tokens.get(t - 2))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code sql} names {@code relation} where a table or view can stand: right after
   * {@code from}, {@code join}, {@code into}, {@code update} (with its {@code or ...}) or
   * {@code in}, in parentheses after {@code from} or {@code join}, after a comma of a {@code from}
   * list, or as the qualifier of a column ({@code status.code}); single-quoted too, as SQLite
   * takes {@code from 'orders'}. Not where only a column can ({@code set a = 1, status = 2},
   * {@code update of status}, {@code new.status}, {@code in (status)}, a function's arguments). A
   * trigger's statement may name a column as a table is named, and that is no use of the table.
   * (The relation a trigger is on, in its header, is the caller's to tell.)
   */
  public static boolean namesAsRelation(String sql, String relation, Set<String> ownRows) {
    List<String> tokens = tokens(sql);
    for (List<String> spelling : spellings(relation)) {
      for (int t = indexOf(tokens, spelling, 0); t >= 0; t = indexOf(tokens, spelling, t + 1)) {
        int start = t;
        if (start >= 2 && tokens.get(start - 1).equals(".")) {
          if (ownRows.contains(tokens.get(start - 2))) {
            continue;
          }
          start -= 2; // a schema's name (main.orders) belongs to the relation's
        }
        int end = t + spelling.size();
        boolean qualifiesColumn = end < tokens.size() && tokens.get(end).equals(".");
        if (qualifiesColumn || standsAsRelation(tokens, start)) {
          return true;
        }
      }
    }
    List<String> singleQuoted = List.of("'" + relation.toLowerCase(Locale.ROOT));
    for (int t = indexOf(tokens, singleQuoted, 0); t >= 0; t = indexOf(tokens, singleQuoted, t + 1)) {
      if (standsAsRelation(tokens, t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the token at {@code start} stands where a table or view is named. */
  private static boolean standsAsRelation(List<String> tokens, int start) {
    if (start == 0) {
      return false;
    }
    if (RELATION_PLACES.contains(tokens.get(start - 1))) {
      return true;
    }
    // In parentheses only in a from list: from (orders), from a, (orders).
    int before = start - 1;
    while (before >= 0 && tokens.get(before).equals("(")) {
      before--;
    }
    if (before < 0) {
      return false;
    }
    String place = tokens.get(before);
    boolean parenthesized = before < start - 1;
    return parenthesized && (place.equals("from") || place.equals("join"))
        || place.equals(",") && inFromList(tokens, before);
  }

  /** Whether the comma at {@code comma} separates the relations of a {@code from} list. */
  private static boolean inFromList(List<String> tokens, int comma) {
    int depth = 0;
    for (int i = comma - 1; i >= 0; i--) {
      String token = tokens.get(i);
      if (token.equals(")")) {
        depth++;
      } else if (token.equals("(")) {
        if (depth > 0) {
          depth--;
          continue;
        }
        // An opening parenthesis around the list: from (a, orders), from a, (b, orders).
        String opener = i > 0 ? tokens.get(i - 1) : "";
        if (opener.equals("from") || opener.equals("join")) {
          return true;
        }
        if (!opener.equals(",") && !opener.equals("(")) {
          return false;
        }
      } else if (depth == 0 && CLAUSES.contains(token)) {
        return token.equals("from") || token.equals("join");
      }
    }
    return false;
  }

  /**
   * How {@code identifier} may stand among the tokens: as one token (a quoted name may hold a
   * dot), and, when it has dots, as its parts with dots between ({@code sales.orders}).
   */
  private static List<List<String>> spellings(String identifier) {
    String lower = identifier.toLowerCase(Locale.ROOT);
    if (!lower.contains(".")) {
      return List.of(List.of(lower));
    }
    List<String> parts = new ArrayList<>();
    for (String part : lower.split("\\.", -1)) {
      if (!parts.isEmpty()) {
        parts.add(".");
      }
      parts.add(part);
    }
    return List.of(List.of(lower), parts);
  }

  /** Where {@code target} next occurs in {@code tokens} at or after {@code from}, or -1. */
  private static int indexOf(List<String> tokens, List<String> target, int from) {
    if (from >= tokens.size()) {
      return -1;
    }
    int found = Collections.indexOfSubList(tokens.subList(from, tokens.size()), target);
    return found < 0 ? -1 : from + found;
  }

  /**
   * The tokens of {@code sql}: identifiers lower-cased (quoted ones unquoted), {@code .}, a string
   * literal as {@code '} and its text lower-cased, one character for any other symbol; comments
   * and blanks dropped.
   */
  private static List<String> tokens(String sql) {
    return tokens(sql, false);
  }

  /**
   * The same tokens, {@code plpgsql} telling a PostgreSQL function's body, where a dollar-quoted
   * text ({@code $m$...$m$}) and an escape string ({@code E'it\'s'}) are strings, and brackets
   * subscript an array ({@code prices[new.kind]}) rather than quote a name as SQLite's do.
   */
  private static List<String> tokens(String sql, boolean plpgsql) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int dollarQuote = plpgsql && c == '$' ? dollarTagEnd(sql, i) : -1;
      if (dollarQuote > 0) {
        String tag = sql.substring(i, dollarQuote);
        int close = sql.indexOf(tag, dollarQuote);
        int end = close < 0 ? sql.length() : close + tag.length();
        tokens.add("'" + sql.substring(dollarQuote, close < 0 ? sql.length() : close).toLowerCase(Locale.ROOT));
        i = end;
      } else if (plpgsql && c == '\'' && i > 0 && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')
          && !tokens.isEmpty() && tokens.get(tokens.size() - 1).equals("e")) {
        // E'...': a backslash escapes the character after it, a quote included.
        tokens.remove(tokens.size() - 1);
        int end = i + 1;
        while (end < sql.length() && sql.charAt(end) != '\'') {
          end += sql.charAt(end) == '\\' ? 2 : 1;
        }
        tokens.add("'" + sql.substring(i + 1, Math.min(end, sql.length())).toLowerCase(Locale.ROOT));
        i = Math.min(end + 1, sql.length());
      } else if (c == '\'') {
        int end = endOf(sql, i, '\'');
        // Kept as ' and its text: never a word, but SQLite takes from 'orders' as a table.
        tokens.add("'" + sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("''", "'").toLowerCase(Locale.ROOT));
        i = end;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else if (c == '"' || (!plpgsql && (c == '`' || c == '['))) {
        char close = c == '[' ? ']' : c;
        int end = endOf(sql, i, close);
        String name = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace(String.valueOf(close) + close, String.valueOf(close));
        tokens.add(name.toLowerCase(Locale.ROOT));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
            || sql.charAt(end) == '$')) {
          end++;
        }
        tokens.add(sql.substring(i, end).toLowerCase(Locale.ROOT));
        i = end;
      } else if (c == '.') {
        tokens.add(".");
        i++;
      } else {
        if (!Character.isWhitespace(c)) {
          tokens.add(String.valueOf(c));
        }
        i++;
      }
    }
    return tokens;
  }

  private static boolean isWord(String token) {
    return !token.equals(".") && !token.startsWith("'") && !(token.length() == 1
        && !Character.isLetterOrDigit(token.charAt(0)) && token.charAt(0) != '_');
  }

  /** The index just past the closing quote; a doubled quote inside stands for one. */
  /** Where a dollar quote's opening tag ({@code $$}, {@code $body$}) at {@code at} ends, or -1 when none is there. */
  private static int dollarTagEnd(String text, int at) {
    int i = at + 1;
    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    boolean tagStartsWell = i == at + 1 || !Character.isDigit(text.charAt(at + 1));
    return i < text.length() && text.charAt(i) == '$' && tagStartsWell ? i + 1 : -1;
  }

  private static int endOf(String text, int open, char close) {
    int i = open + 1;
    while (i < text.length()) {
      if (text.charAt(i) == close) {
        if (close != ']' && i + 1 < text.length() && text.charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }
}
