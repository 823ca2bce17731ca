package dev.autogenerate.inspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What SQLite's pragmas do not tell about a table, read from the {@code CREATE TABLE} statement
 * it keeps in {@code sqlite_schema.sql}: which column is {@code AUTOINCREMENT}, the primary key
 * constraint's name, {@code WITHOUT ROWID}, and the {@code INTEGER PRIMARY KEY DESC} quirk.
 *
 * <p>A small tokenizer, not a SQL parser: it knows quoting ({@code "x"}, {@code `x`},
 * {@code [x]}, {@code 'x'}), comments and parentheses, and splits the body at its top-level
 * commas; that is enough, since SQLite only stores statements it has parsed. It never throws:
 * text it cannot follow yields a table with none of these properties.
 *
 * @param virtual a {@code CREATE VIRTUAL TABLE}, whose body belongs to its module
 * @param withoutRowid declared {@code WITHOUT ROWID}
 * @param primaryKeyName the name in {@code CONSTRAINT name PRIMARY KEY}, or null
 * @param autoincrementColumns lower-cased names of the {@code AUTOINCREMENT} column(s)
 * @param descendingKeyColumns lower-cased names of columns declared {@code PRIMARY KEY DESC}
 */
record SqliteTableSql(
    boolean virtual,
    boolean withoutRowid,
    String primaryKeyName,
    Set<String> autoincrementColumns,
    Set<String> descendingKeyColumns) {

  private static final SqliteTableSql UNKNOWN = new SqliteTableSql(false, false, null, Set.of(), Set.of());

  SqliteTableSql {
    autoincrementColumns = Set.copyOf(autoincrementColumns);
    descendingKeyColumns = Set.copyOf(descendingKeyColumns);
  }

  boolean isAutoincrement(String column) {
    return autoincrementColumns.contains(column.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether the column is declared {@code INTEGER PRIMARY KEY DESC}, which SQLite, for backwards
   * compatibility, does not make an alias of the rowid.
   */
  boolean isDescendingKey(String column) {
    return descendingKeyColumns.contains(column.toLowerCase(Locale.ROOT));
  }

  static SqliteTableSql parse(String sql) {
    if (sql == null) {
      return UNKNOWN;
    }
    List<Token> tokens = tokenize(sql);
    if (tokens.size() >= 2 && tokens.get(0).isWord("create") && tokens.get(1).isWord("virtual")) {
      return new SqliteTableSql(true, false, null, Set.of(), Set.of());
    }
    int open = indexOfFirst(tokens, "(");
    if (open < 0) {
      return UNKNOWN;
    }
    List<List<Token>> definitions = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    int close = -1;
    for (int i = open + 1; i < tokens.size() && close < 0; i++) {
      Token token = tokens.get(i);
      if (token.isPunct("(")) {
        depth++;
      } else if (token.isPunct(")")) {
        if (depth == 0) {
          close = i;
          continue;
        }
        depth--;
      } else if (depth == 0 && token.isPunct(",")) {
        definitions.add(current);
        current = new ArrayList<>();
        continue;
      }
      current.add(token.withDepth(depth));
    }
    if (close < 0) {
      return UNKNOWN;
    }
    definitions.add(current);

    boolean withoutRowid = false;
    for (int i = close + 1; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).isWord("without") && tokens.get(i + 1).isWord("rowid")) {
        withoutRowid = true;
      }
    }
    String primaryKeyName = null;
    Set<String> autoincrement = new HashSet<>();
    Set<String> descending = new HashSet<>();
    for (List<Token> definition : definitions) {
      if (definition.isEmpty()) {
        continue;
      }
      Token first = definition.get(0);
      boolean tableConstraint = first.isWord("constraint") || first.isWord("primary")
          || first.isWord("unique") || first.isWord("check") || first.isWord("foreign");
      String column = tableConstraint ? null : first.text().toLowerCase(Locale.ROOT);
      for (int i = tableConstraint ? 0 : 1; i < definition.size(); i++) {
        Token token = definition.get(i);
        if (token.depth() != 0) {
          continue;
        }
        if (token.isWord("constraint") && i + 2 < definition.size()
            && definition.get(i + 2).isWord("primary")) {
          primaryKeyName = definition.get(i + 1).text();
        } else if (column != null && token.isWord("primary") && i + 2 < definition.size()
            && definition.get(i + 1).isWord("key") && definition.get(i + 2).isWord("desc")) {
          descending.add(column);
        } else if (column != null && token.isWord("autoincrement")) {
          autoincrement.add(column);
        }
      }
    }
    return new SqliteTableSql(false, withoutRowid, primaryKeyName, autoincrement, descending);
  }

  private static int indexOfFirst(List<Token> tokens, String punct) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isPunct(punct)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A token: a bare word (keyword, identifier, number), a quoted name or string with its quotes
   * removed, or one punctuation character. {@code depth} is its parenthesis depth in a definition.
   */
  private record Token(String text, boolean quoted, boolean punct, int depth) {

    boolean isWord(String keyword) {
      return !quoted && !punct && text.equalsIgnoreCase(keyword);
    }

    boolean isPunct(String character) {
      return punct && text.equals(character);
    }

    Token withDepth(int newDepth) {
      return new Token(text, quoted, punct, newDepth);
    }
  }

  private static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int length = sql.length();
    while (i < length) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? length : end + 1;
      } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? length : end + 2;
      } else if (c == '"' || c == '`' || c == '\'' || c == '[') {
        char closing = c == '[' ? ']' : c;
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (j < length) {
          char d = sql.charAt(j);
          if (d == closing) {
            if (closing != ']' && j + 1 < length && sql.charAt(j + 1) == closing) {
              text.append(d);
              j += 2;
              continue;
            }
            break;
          }
          text.append(d);
          j++;
        }
        tokens.add(new Token(text.toString(), true, false, 0));
        i = j + 1;
      } else if (isWordChar(c)) {
        int j = i;
        while (j < length && isWordChar(sql.charAt(j))) {
          j++;
        }
        tokens.add(new Token(sql.substring(i, j), false, false, 0));
        i = j;
      } else {
        tokens.add(new Token(String.valueOf(c), false, true, 0));
        i++;
      }
    }
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }
}
