package dev.autogenerate.project;

import java.util.Map;

/**
 * The settings, and where each key given a value came from: a file (with the application's key,
 * for the application's files), an environment variable, an option, or a default.
 */
public record EffectiveSettings(Settings settings, Map<String, String> origins) {

  public EffectiveSettings {
    origins = Map.copyOf(origins);
  }

  /** Where {@code key} came from; "default" when nothing set it. */
  public String origin(String key) {
    return origins.getOrDefault(key, "default");
  }
}
