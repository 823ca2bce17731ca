package dev.autogenerate.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of YAML that Spring configuration files use, flattened to Spring's property
 * names: nested maps by indentation ({@code spring:} / {@code  datasource:} / {@code   url: x}
 * gives {@code spring.datasource.url=x}), dotted keys, plain, single- and double-quoted scalars,
 * comments, and {@code ---} between documents. The tool has no YAML library on its class path and
 * needs only a few scalar keys, so it does not take one on.
 *
 * <p>Not read, and said so here rather than guessed at: list items ({@code - x}) and the lines
 * under them, and block scalars ({@code |}, {@code >}) are skipped, since no key the tool reads is
 * a list or a text block; flow collections ({@code [a, b]}, {@code {a: b}}) are kept as their raw
 * text; anchors and aliases are not resolved; a line that is none of these (the continuation of
 * a multi-line value) is skipped.
 */
final class YamlSubset {

  private YamlSubset() {}

  /** The documents of the text, each flattened to dotted keys, in order. */
  static List<Map<String, String>> documents(String text) {
    List<Map<String, String>> documents = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    Deque<Parent> parents = new ArrayDeque<>();
    int skipDeeperThan = -1;
    for (String raw : text.split("\r?\n", -1)) {
      String line = raw.replace("\t", "  ");
      String trimmed = line.strip();
      if (trimmed.equals("---") || trimmed.startsWith("--- ")) {
        documents.add(current);
        current = new LinkedHashMap<>();
        parents.clear();
        skipDeeperThan = -1;
        continue;
      }
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("...")) {
        continue;
      }
      int indent = line.indexOf(trimmed.charAt(0));
      if (skipDeeperThan >= 0 && indent > skipDeeperThan) {
        continue;
      }
      skipDeeperThan = -1;
      while (!parents.isEmpty() && parents.peek().indent() >= indent) {
        parents.pop();
      }
      if (trimmed.startsWith("- ") || trimmed.equals("-")) {
        skipDeeperThan = indent;
        continue;
      }
      int colon = keySeparator(trimmed);
      if (colon < 0) {
        // A continuation of a multi-line plain or flow value, which no key the tool reads has:
        // skipped, so that an application's valid file never stops the tool.
        continue;
      }
      String key = unquote(trimmed.substring(0, colon).strip());
      String prefix = parents.isEmpty() ? "" : parents.peek().path() + ".";
      String value = withoutComment(trimmed.substring(colon + 1)).strip();
      if (value.isEmpty()) {
        parents.push(new Parent(indent, prefix + key));
      } else if (value.startsWith("|") || value.startsWith(">")) {
        skipDeeperThan = indent;
      } else {
        current.put(prefix + key, scalar(value));
      }
    }
    documents.add(current);
    documents.removeIf(Map::isEmpty);
    return documents;
  }

  /** A key's name and where it sits, for the keys under it. */
  private record Parent(int indent, String path) {}

  /** The colon ending the key: followed by a space or the end, and not inside quotes. */
  private static int keySeparator(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if ((c == '"' || c == '\'') && i == 0) {
        quote = c;
      } else if (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  /** The value without a trailing {@code # comment}; a {@code #} inside quotes or a word stays. */
  private static String withoutComment(String value) {
    char quote = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || value.charAt(i - 1) == ' ')) {
        return value.substring(0, i);
      }
    }
    return value;
  }

  private static String scalar(String value) {
    return value.equals("~") || value.equals("null") ? "" : unquote(value);
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1).replace("''", "'");
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1)
          .replace("\\\"", "\"").replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\");
    }
    return value;
  }
}
