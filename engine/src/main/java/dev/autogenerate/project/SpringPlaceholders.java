package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:default}} in a value read from a Spring file, as
 * Spring would at start-up: from the environment (by the name, or its environment-variable form
 * {@code spring.datasource.url} → {@code SPRING_DATASOURCE_URL}), else from the application's own
 * properties, else the default. One that resolves to nothing is an error: guessing would point the
 * tool at some other database.
 */
final class SpringPlaceholders {

  private SpringPlaceholders() {}

  static String resolve(String value, Map<String, String> environment, Function<String, String> properties,
      String origin) {
    return resolve(value, environment, properties, origin, 0);
  }

  private static String resolve(String value, Map<String, String> environment, Function<String, String> properties,
      String origin, int depth) {
    if (value == null || !value.contains("${")) {
      return value;
    }
    if (depth > 10) {
      throw new UserError("placeholder in " + origin + " refers to itself: give the value directly");
    }
    StringBuilder result = new StringBuilder();
    int position = 0;
    while (true) {
      int start = value.indexOf("${", position);
      if (start < 0) {
        result.append(value.substring(position));
        return result.toString();
      }
      int end = closing(value, start + 2);
      if (end < 0) {
        throw new UserError("unclosed placeholder in " + origin + ": '" + value + "' needs a closing }");
      }
      result.append(value, position, start);
      String body = value.substring(start + 2, end);
      int colon = body.indexOf(':');
      String name = colon < 0 ? body : body.substring(0, colon);
      String fallback = colon < 0 ? null : body.substring(colon + 1);
      String found = lookup(name.strip(), environment, properties);
      if (found == null) {
        found = fallback;
      }
      if (found == null) {
        throw new UserError("cannot resolve ${" + name + "} in " + origin + ": set the environment variable "
            + name + ", give it a default (${" + name + ":value}), or set the setting in autogenerate.properties");
      }
      result.append(resolve(found, environment, properties, origin, depth + 1));
      position = end + 1;
    }
  }

  /** The matching brace, past nested {@code ${...}} in a default. */
  private static int closing(String value, int from) {
    int depth = 1;
    for (int i = from; i < value.length(); i++) {
      if (value.startsWith("${", i)) {
        depth++;
        i++;
      } else if (value.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String lookup(String name, Map<String, String> environment, Function<String, String> properties) {
    String value = environment.get(name);
    if (value == null) {
      value = environment.get(name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
    }
    if (value == null) {
      value = properties.apply(name);
    }
    return value;
  }
}
