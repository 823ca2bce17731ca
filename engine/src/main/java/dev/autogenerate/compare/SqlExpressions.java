package dev.autogenerate.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings SQL expressions (check constraints, server defaults) to one spelling, so that what the
 * mapping says and what the database reports compare equal when they mean the same.
 *
 * <p>PostgreSQL rewrites what it is given: {@code status in ('A','B')} comes back as
 * {@code ((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))},
 * {@code x between 0 and 2} as {@code ((x >= 0) AND (x <= 2))}, {@code 'x'} as
 * {@code 'x'::character varying}. The normal form drops casts, parentheses, quoting of plain
 * identifiers and case outside string literals, and spells those rewrites one way. It is a
 * comparison key, never SQL to run: two expressions with the same key are taken to be the same.
 */
public final class SqlExpressions {

  private static final String TYPE_NAME = "(?:character varying|double precision|bit varying"
      + "|(?:timestamp|time)(?:\\(\\d+\\))? with(?:out)? time zone"
      + "|\"[^\"]+\"|[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)";
  private static final Pattern CAST = Pattern.compile("::" + TYPE_NAME + "(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*");
  private static final Pattern QUOTED_IDENTIFIER = Pattern.compile("\"([a-z_][a-z0-9_]*)\"");
  private static final Pattern BETWEEN = Pattern.compile(
      "([a-z_][a-z0-9_]*)\\s+between\\s+(\\S+)\\s+and\\s+(\\S+)");
  private static final Pattern ANY_ARRAY = Pattern.compile("= ?any ?array ?\\[([^\\]]*)\\]");
  private static final Pattern SINGLE_IN =
      Pattern.compile(" in ('(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?)(?=\\s*$|\\s+(?:or|and)\\s)");
  private static final Pattern QUOTED_NUMBER = Pattern.compile("'(-?\\d+(?:\\.\\d+)?)'");

  private SqlExpressions() {}

  /** The comparison key of an expression; null stays null. */
  public static String normalize(String expression) {
    if (expression == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    // Lower-case outside string literals only: 'ACTIVE' and 'active' are different values.
    String text = expression.trim();
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        inString = !inString;
        out.append(c);
      } else {
        out.append(inString ? c : Character.toLowerCase(c));
      }
    }
    String key = out.toString();
    key = CAST.matcher(key).replaceAll("");
    // PostgreSQL keeps like and ilike as their operators.
    key = key.replace("!~~*", " not ilike ").replace("~~*", " ilike ").replace("!~~", " not like ")
        .replace("~~", " like ");
    key = QUOTED_IDENTIFIER.matcher(key).replaceAll("$1");
    key = key.replace("!=", "<>");
    key = removeParentheses(key);
    key = key.replaceAll("\\s+", " ").trim();
    key = rewriteAnyArray(key);
    // similar to, kept as a regular expression match of its pattern; in with one value, as =.
    key = key.replaceAll("!~\\s*similar_to_escape\\s+", " not similar to ")
        .replaceAll("~\\s*similar_to_escape\\s+", " similar to ");
    key = SINGLE_IN.matcher(key).replaceAll(" = $1");
    key = BETWEEN.matcher(key).replaceAll("$1 >= $2 and $1 <= $3");
    key = QUOTED_NUMBER.matcher(key).replaceAll("$1");
    key = key.replaceAll("\\s*([,=<>+*/-])\\s*", "$1").replaceAll("\\s+", " ").trim();
    return synonym(key);
  }

  /** Whether an expression is a plain literal: a number, a string, true/false or null. */
  static boolean isLiteral(String normalized) {
    return normalized.matches("-?\\d+(\\.\\d+)?") || normalized.matches("'([^']|'')*'")
        || normalized.equals("true") || normalized.equals("false") || normalized.equals("null");
  }

  private static String removeParentheses(String text) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        inString = !inString;
      }
      if (inString || (c != '(' && c != ')')) {
        out.append(c);
      } else {
        out.append(' ');
      }
    }
    return out.toString();
  }

  /** {@code x = any array[a, b]} (parentheses already gone) is {@code x in a, b}. */
  private static String rewriteAnyArray(String key) {
    Matcher matcher = ANY_ARRAY.matcher(key);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(" in " + matcher.group(1).trim()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String synonym(String key) {
    switch (key) {
      case "now":
      case "current_timestamp":
      case "transaction_timestamp":
        return "current_timestamp";
      case "current_date":
        return "current_date";
      case "null":
        return null;
      default:
        return key;
    }
  }
}
