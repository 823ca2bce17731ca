package dev.autogenerate.project;

import java.util.Map;

/**
 * What the application's own configuration files say about the settings the tool needs, by the
 * tool's keys ({@code url}, {@code user}, {@code password}, {@code naming.*}, {@code hibernate.*}),
 * with where each came from.
 *
 * @param values the settings, placeholders resolved
 * @param origins for each key, the file and the application's key it was read from
 * @param springBoot whether the application is a Spring Boot one, so that Spring Boot's naming
 *     defaults apply where it sets none
 * @param unresolved the settings whose placeholder nothing sets, by the tool's key, with the error
 *     saying so: an error only where the tool is not given the setting otherwise
 */
record ApplicationConfig(Map<String, String> values, Map<String, String> origins, boolean springBoot,
    Map<String, String> unresolved) {

  ApplicationConfig {
    values = Map.copyOf(values);
    origins = Map.copyOf(origins);
    unresolved = Map.copyOf(unresolved);
  }

  static ApplicationConfig none() {
    return new ApplicationConfig(Map.of(), Map.of(), false, Map.of());
  }
}
