package dev.autogenerate.project;

import java.util.List;
import java.util.Map;

/**
 * The settings, and where each key given a value came from: a file (with the application's key,
 * for the application's files), an environment variable, an option, or a default.
 *
 * @param warnings what was given that likely does not do what was meant, though it is no error
 *     (a {@code --profile} no file of the application knows)
 */
public record EffectiveSettings(Settings settings, Map<String, String> origins, List<String> warnings) {

  public EffectiveSettings {
    origins = Map.copyOf(origins);
    warnings = List.copyOf(warnings);
  }

  /** Where {@code key} came from; "default" when nothing set it. */
  public String origin(String key) {
    return origins.getOrDefault(key, "default");
  }
}
