package dev.autogenerate.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An explicit column definition ({@code @Column(columnDefinition = "varchar(20) default 'x' not
 * null")}) split into the type and the column constraints that follow it. Hibernate copies the
 * text into its DDL as it stands, so everything in it is part of the schema.
 *
 * <p>Read: the leading type spelling (everything before the first constraint keyword),
 * {@code default <expr>}, {@code not null}, {@code null}, {@code unique}, {@code check (<expr>)},
 * each optionally after {@code constraint <name>}, and {@code primary key} (which the mapping
 * already says), and {@code generated always|by default as identity} (an identity column; the
 * model does not tell {@code always} from {@code by default}). Not read, and so lost:
 * {@code references ...}, {@code generated always as (...) stored}, {@code collate ...} and
 * anything else after the type; {@link #unread()} lists what was skipped.
 *
 * @param type the type spelling, for {@code SqlTypeParser}
 * @param defaultSql the default expression, or null
 * @param notNull whether the definition says {@code not null}
 * @param unique whether the definition says {@code unique}
 * @param uniqueName the name given to that unique constraint, or null
 * @param checks the check constraints the definition declares
 * @param identity whether the definition says {@code generated always|by default as identity}
 * @param unread the clauses the reader does not understand, as written
 */
record ColumnDefinition(String type, String defaultSql, boolean notNull, boolean unique, String uniqueName,
    List<NamedCheck> checks, boolean identity, List<String> unread) {

  /** A check constraint from a column definition; the name is as written, or null. */
  record NamedCheck(String name, String expression) {}

  /** Words that end the type and start a column constraint. */
  private static final Set<String> CLAUSE_WORDS = Set.of(
      "default", "not", "null", "primary", "unique", "check", "references", "constraint", "generated",
      "collate");

  private record Token(String text, int start, int end, boolean word) {
    boolean is(String keyword) {
      return word && text.equalsIgnoreCase(keyword);
    }

    boolean isClauseWord() {
      return word && CLAUSE_WORDS.contains(text.toLowerCase(Locale.ROOT));
    }

    boolean isParenthesized() {
      return text.startsWith("(");
    }
  }

  /** A definition with only a type, as Hibernate resolves it. */
  static ColumnDefinition ofType(String type) {
    return new ColumnDefinition(type, null, false, false, null, List.of(), false, List.of());
  }

  static ColumnDefinition parse(String definition) {
    String text = definition.trim();
    List<Token> tokens = tokenize(text);
    int first = 0;
    while (first < tokens.size() && !tokens.get(first).isClauseWord()) {
      first++;
    }
    if (first == 0 || first == tokens.size()) {
      return ofType(text);
    }
    String type = text.substring(0, tokens.get(first).start()).trim();
    String defaultSql = null;
    boolean notNull = false;
    boolean unique = false;
    String uniqueName = null;
    List<NamedCheck> checks = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    String constraintName = null;
    boolean identity = false;
    int i = first;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      if (token.is("constraint") && i + 1 < tokens.size()) {
        constraintName = tokens.get(i + 1).text();
        i += 2;
        continue;
      }
      if (token.is("default") && i + 1 < tokens.size()) {
        int end = i + 2;
        while (end < tokens.size() && !tokens.get(end).isClauseWord()) {
          end++;
        }
        defaultSql = text.substring(tokens.get(i + 1).start(), tokens.get(end - 1).end()).trim();
        i = end;
      } else if (token.is("not") && i + 1 < tokens.size() && tokens.get(i + 1).is("null")) {
        notNull = true;
        i += 2;
      } else if (token.is("null")) {
        i++;
      } else if (token.is("primary") && i + 1 < tokens.size() && tokens.get(i + 1).is("key")) {
        i += 2;
      } else if (token.is("unique")) {
        unique = true;
        uniqueName = constraintName;
        i++;
      } else if (token.is("check") && i + 1 < tokens.size() && tokens.get(i + 1).isParenthesized()) {
        String inParens = tokens.get(i + 1).text();
        checks.add(new NamedCheck(constraintName, inParens.substring(1, inParens.length() - 1).trim()));
        i += 2;
      } else if (token.is("generated")) {
        int end = endOfGenerated(tokens, i);
        if (tokens.get(end - 1).is("identity")
            || tokens.get(end - 1).isParenthesized() && end - 2 > i && tokens.get(end - 2).is("identity")) {
          identity = true;
        } else {
          unread.add(text.substring(token.start(), tokens.get(end - 1).end()));
        }
        i = end;
      } else {
        int end = i + 1;
        while (end < tokens.size() && !tokens.get(end).isClauseWord()) {
          end++;
        }
        unread.add(text.substring(token.start(), tokens.get(end - 1).end()));
        i = end;
      }
      constraintName = null;
    }
    return new ColumnDefinition(type, defaultSql, notNull, unique, uniqueName, List.copyOf(checks), identity,
        List.copyOf(unread));
  }

  /**
   * Just past {@code generated always|by default as identity [(options)]} or {@code generated
   * always as (expr) [stored|virtual]} starting at {@code start}.
   */
  private static int endOfGenerated(List<Token> tokens, int start) {
    int i = start + 1;
    if (i < tokens.size() && tokens.get(i).is("always")) {
      i++;
    } else if (i + 1 < tokens.size() && tokens.get(i).is("by") && tokens.get(i + 1).is("default")) {
      i += 2;
    }
    if (i < tokens.size() && tokens.get(i).is("as")) {
      i++;
    }
    if (i < tokens.size() && tokens.get(i).is("identity")) {
      i++;
      if (i < tokens.size() && tokens.get(i).isParenthesized()) {
        i++;
      }
    } else if (i < tokens.size() && tokens.get(i).isParenthesized()) {
      i++;
      if (i < tokens.size() && (tokens.get(i).is("stored") || tokens.get(i).is("virtual"))) {
        i++;
      }
    }
    return Math.min(i, tokens.size());
  }

  /**
   * Words, quoted strings and identifiers, parenthesized groups (kept whole) and single other
   * characters; whitespace separates.
   */
  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      boolean word = false;
      if (c == '\'' || c == '"') {
        i = skipQuoted(text, i);
      } else if (c == '(') {
        int depth = 0;
        while (i < length) {
          char d = text.charAt(i);
          if (d == '\'' || d == '"') {
            i = skipQuoted(text, i);
            continue;
          }
          if (d == '(') {
            depth++;
          } else if (d == ')') {
            depth--;
            if (depth == 0) {
              i++;
              break;
            }
          }
          i++;
        }
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
            || text.charAt(i) == '$' || text.charAt(i) == '.')) {
          i++;
        }
        word = true;
      } else {
        i++;
      }
      tokens.add(new Token(text.substring(start, i), start, i, word));
    }
    return tokens;
  }

  /** The index just past the quoted text starting at {@code start}; a doubled quote escapes. */
  private static int skipQuoted(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
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
}
