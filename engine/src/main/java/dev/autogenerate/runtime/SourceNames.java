package dev.autogenerate.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a migration source's text mentions and may declare, read without parsing Java:
 * always more than javac would find, never fewer, since they decide which files may be affected
 * by another file's change (see {@link SelfStandingSources}).
 */
final class SourceNames {

  private static final Set<String> DECLARING = Set.of("class", "interface", "enum", "record");

  private SourceNames() {}

  /**
   * Every identifier in the text: in code, comments and strings alike, after its unicode escapes;
   * one with a {@code $} also by each of its parts ({@code Outer$Inner} names {@code Outer}).
   */
  static Set<String> mentioned(String text) {
    Set<String> names = new HashSet<>();
    String plain = withoutUnicodeEscapes(text);
    int at = 0;
    while (at < plain.length()) {
      if (Character.isJavaIdentifierStart(plain.charAt(at))) {
        int end = identifierEnd(plain, at);
        String name = plain.substring(at, end);
        names.add(name);
        if (name.indexOf('$') >= 0) {
          names.addAll(List.of(name.split("\\$")));
        }
        at = end;
      } else {
        at++;
      }
    }
    return names;
  }

  /**
   * The names the text may give its top-level classes: each identifier after {@code class},
   * {@code interface}, {@code enum} or {@code record} with only white space between
   * ({@code Foo.class} excluded), outside every brace, comment and literal (a generated comment's
   * "one class would" names nothing, nor does a nested class). What javac then finds is checked
   * against it.
   */
  static Set<String> declared(String text) {
    Set<String> names = new HashSet<>();
    String plain = codeOnly(withoutUnicodeEscapes(text));
    int depth = 0;
    int at = 0;
    while (at < plain.length()) {
      char c = plain.charAt(at);
      if (!Character.isJavaIdentifierStart(c)) {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        at++;
        continue;
      }
      int end = identifierEnd(plain, at);
      if (depth <= 0 && DECLARING.contains(plain.substring(at, end)) && (at == 0 || plain.charAt(at - 1) != '.')) {
        int next = end;
        while (next < plain.length() && Character.isWhitespace(plain.charAt(next))) {
          next++;
        }
        if (next > end && next < plain.length() && Character.isJavaIdentifierStart(plain.charAt(next))) {
          names.add(plain.substring(next, identifierEnd(plain, next)));
        }
      }
      at = end;
    }
    return names;
  }

  /**
   * The name a class's file declares at its top level: {@code Outer} for {@code m.Outer$Inner}.
   * Another file reaches a nested class only through it (a qualified name, an import, a
   * superclass), so only this name is one another file's text must write to depend on the class.
   */
  static String topLevelName(String binaryName) {
    String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
    int nested = simple.indexOf('$');
    return nested > 0 ? simple.substring(0, nested) : simple;
  }

  /**
   * The text with comments and string, text block and character literals blanked out (their
   * line breaks kept), as far as a plain scan tells them apart; a text it misreads only loses
   * or gains candidate names, which the compile's outcome is checked against.
   */
  private static String codeOnly(String text) {
    StringBuilder code = new StringBuilder(text);
    int at = 0;
    int length = text.length();
    while (at < length) {
      char c = text.charAt(at);
      int end;
      if (text.startsWith("//", at)) {
        end = text.indexOf('\n', at);
        end = end < 0 ? length : end;
      } else if (text.startsWith("/*", at)) {
        end = text.indexOf("*/", at + 2);
        end = end < 0 ? length : end + 2;
      } else if (text.startsWith("\"\"\"", at)) {
        end = literalEnd(text, at + 3, "\"\"\"");
      } else if (c == '"' || c == '\'') {
        end = literalEnd(text, at + 1, String.valueOf(c));
      } else {
        at++;
        continue;
      }
      for (int i = at; i < end; i++) {
        if (code.charAt(i) != '\n') {
          code.setCharAt(i, ' ');
        }
      }
      at = end;
    }
    return code.toString();
  }

  /** Where a literal opened before {@code from} ends: after its closing quote, skipping escapes. */
  private static int literalEnd(String text, int from, String close) {
    int at = from;
    while (at < text.length()) {
      if (text.charAt(at) == '\\') {
        at += 2;
      } else if (text.startsWith(close, at)) {
        return at + close.length();
      } else if (close.length() == 1 && text.charAt(at) == '\n') {
        return at; // an unclosed literal ends with its line, as javac's error will say
      } else {
        at++;
      }
    }
    return text.length();
  }

  private static int identifierEnd(String text, int start) {
    int end = start + 1;
    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * The text with each {@code \\uXXXX} replaced by its character, as javac reads it first; one
   * that was not an escape (after an escaped backslash) only adds a name to those mentioned, and
   * may misplace a declared one, which the compile's outcome is checked against.
   */
  private static String withoutUnicodeEscapes(String text) {
    if (text.indexOf("\\u") < 0) {
      return text;
    }
    StringBuilder plain = new StringBuilder(text.length());
    int at = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\\' && at + 1 < text.length() && text.charAt(at + 1) == 'u') {
        int digits = at + 1;
        while (digits < text.length() && text.charAt(digits) == 'u') {
          digits++;
        }
        if (digits + 4 <= text.length() && isHex(text, digits, digits + 4)) {
          plain.append((char) Integer.parseInt(text.substring(digits, digits + 4), 16));
          at = digits + 4;
          continue;
        }
      }
      plain.append(c);
      at++;
    }
    return plain.toString();
  }

  private static boolean isHex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
