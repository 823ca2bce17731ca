package dev.autogenerate.runtime;

import java.util.ArrayList;
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

  /** Every identifier in the text: in code, comments and strings alike, after its unicode escapes. */
  static Set<String> mentioned(String text) {
    Set<String> names = new HashSet<>();
    String plain = withoutUnicodeEscapes(text);
    int at = 0;
    while (at < plain.length()) {
      if (Character.isJavaIdentifierStart(plain.charAt(at))) {
        int end = identifierEnd(plain, at);
        names.add(plain.substring(at, end));
        at = end;
      } else {
        at++;
      }
    }
    return names;
  }

  /**
   * The names the text may give a class: each identifier after {@code class}, {@code interface},
   * {@code enum} or {@code record} with only white space between ({@code Foo.class} excluded), in
   * comments and strings too. What javac then finds is checked against it.
   */
  static Set<String> declared(String text) {
    Set<String> names = new HashSet<>();
    String plain = withoutUnicodeEscapes(text);
    int at = 0;
    while (at < plain.length()) {
      if (!Character.isJavaIdentifierStart(plain.charAt(at))) {
        at++;
        continue;
      }
      int end = identifierEnd(plain, at);
      if (DECLARING.contains(plain.substring(at, end)) && (at == 0 || plain.charAt(at - 1) != '.')) {
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
   * The simple names a class is written by: {@code m.Outer$Inner} by {@code Outer} and
   * {@code Inner}, a local class {@code m.Outer$1Local} by {@code Local} too; an anonymous class
   * by none of its own.
   */
  static List<String> simpleNames(String binaryName) {
    String[] parts = binaryName.substring(binaryName.lastIndexOf('.') + 1).split("\\$");
    List<String> names = new ArrayList<>();
    for (String part : parts) {
      int start = 0;
      while (start < part.length() && Character.isDigit(part.charAt(start))) {
        start++;
      }
      if (start < part.length()) {
        names.add(part.substring(start));
      }
    }
    return names;
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
   * that was not an escape (after an escaped backslash) only adds a name, which is harmless here.
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
