package dev.autogenerate.cli;

import java.util.List;

/**
 * The few JSON values {@code check --format json} writes, by hand: the tool has no JSON library,
 * and one escaper is less to ship and audit than a dependency for a single document.
 */
final class JsonText {

  private JsonText() {}

  /**
   * A JSON string literal, quoted, for any Java string (RFC 8259): the quote, the backslash and the
   * control characters are escaped; everything else, non-ASCII and surrogate pairs included, is
   * written as is (the document is UTF-8). Null becomes {@code null}.
   */
  static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder json = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  /** A JSON array of strings. */
  static String strings(List<String> values) {
    return array(values.stream().map(JsonText::string).toList());
  }

  /** A JSON array of values already written as JSON. */
  static String array(List<String> jsonValues) {
    return "[" + String.join(",", jsonValues) + "]";
  }
}
