package dev.autogenerate.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a migration's {@code @Revision(...)} from its source text, for a source that does not
 * compile: {@code current}, {@code history} and {@code heads} need only the revision's place in
 * the history, and one typo in a migration body should not hide where the database is.
 *
 * <p>It reads what the tool writes and what people write by hand: members {@code id},
 * {@code revises} (a string or strings in braces), {@code message} and {@code created}, as string
 * literals, with comments between them. Anything else (a constant, a concatenation) makes the
 * annotation unreadable, and the revision is left out with a warning rather than guessed.
 */
final class RevisionSourceText {

  private static final Pattern START = Pattern.compile("@(?:dev\\.autogenerate\\.migration\\.)?Revision\\s*\\(");

  private RevisionSourceText() {}

  /** What the annotation states. */
  record Header(String id, List<String> parents, String message, String created) {}

  static Optional<Header> read(String source) {
    Matcher start = START.matcher(source);
    if (!start.find()) {
      return Optional.empty();
    }
    try {
      Map<String, List<String>> members = new Reader(source, start.end()).members();
      List<String> id = members.get("id");
      if (id == null || id.size() != 1 || id.get(0).isBlank()) {
        return Optional.empty();
      }
      List<String> parents = members.getOrDefault("revises", List.of()).stream().filter(p -> !p.isBlank()).toList();
      return Optional.of(new Header(id.get(0), parents, single(members.get("message")), single(members.get("created"))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String single(List<String> values) {
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  /** A small scanner over {@code name = "x", name = {"a", "b"}} up to the closing parenthesis. */
  private static final class Reader {

    private final String text;
    private int at;

    Reader(String text, int at) {
      this.text = text;
      this.at = at;
    }

    Map<String, List<String>> members() {
      Map<String, List<String>> members = new HashMap<>();
      skipSpace();
      if (peek() == ')') {
        return members;
      }
      while (true) {
        String name = identifier();
        skipSpace();
        expect('=');
        skipSpace();
        members.put(name, values());
        skipSpace();
        char next = next();
        if (next == ')') {
          return members;
        }
        if (next != ',') {
          throw new IllegalArgumentException("expected , or )");
        }
        skipSpace();
      }
    }

    private List<String> values() {
      List<String> values = new ArrayList<>();
      if (peek() != '{') {
        values.add(string());
        return values;
      }
      next();
      skipSpace();
      while (peek() != '}') {
        values.add(string());
        skipSpace();
        if (peek() == ',') {
          next();
          skipSpace();
        }
      }
      next();
      return values;
    }

    private String identifier() {
      int start = at;
      while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException("expected a member name");
      }
      return text.substring(start, at);
    }

    /** A string literal, escapes decoded; a text block or anything else is refused. */
    private String string() {
      expect('"');
      if (text.startsWith("\"\"", at)) {
        throw new IllegalArgumentException("text blocks are not read");
      }
      StringBuilder value = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return value.toString();
        }
        if (c == '\n') {
          throw new IllegalArgumentException("unterminated string");
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        char escape = next();
        switch (escape) {
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case 'r' -> value.append('\r');
          case 'b' -> value.append('\b');
          case 'f' -> value.append('\f');
          case 's' -> value.append(' ');
          case 'u' -> {
            while (peek() == 'u') {
              next();
            }
            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> {
            if (escape >= '0' && escape <= '7') {
              int code = escape - '0';
              for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; i++) {
                code = code * 8 + (next() - '0');
              }
              value.append((char) code);
            } else {
              value.append(escape);
            }
          }
        }
      }
    }

    /** Whitespace and comments. */
    private void skipSpace() {
      while (at < text.length()) {
        if (Character.isWhitespace(text.charAt(at))) {
          at++;
        } else if (text.startsWith("//", at)) {
          int end = text.indexOf('\n', at);
          at = end < 0 ? text.length() : end + 1;
        } else if (text.startsWith("/*", at)) {
          int end = text.indexOf("*/", at + 2);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated comment");
          }
          at = end + 2;
        } else {
          return;
        }
      }
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("expected " + c);
      }
    }

    private char peek() {
      if (at >= text.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return text.charAt(at);
    }

    private char next() {
      char c = peek();
      at++;
      return c;
    }
  }
}
