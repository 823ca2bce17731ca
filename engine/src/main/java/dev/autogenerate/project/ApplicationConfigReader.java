package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the application's own configuration and reads from it what the tool needs, so that a
 * project configured once, for its application, needs no second copy in
 * {@code autogenerate.properties}.
 *
 * <p>Where: {@code src/main/resources} of the working directory, then each directory of the entity
 * class path (a later place wins: the compiled copy is what the application runs with). What, in
 * rising order: {@code META-INF/persistence.xml}; {@code application.yml} / {@code .yaml}, then
 * {@code application.properties} (Spring Boot ranks the properties file above the YAML one); then,
 * for each active profile in order, {@code application-{profile}.*} the same way. The profiles are
 * the {@code --profile} option, else {@code SPRING_PROFILES_ACTIVE}, else the files'
 * {@code spring.profiles.active}.
 */
public final class ApplicationConfigReader {

  /** Spring Boot's keys for what the tool needs, by the tool's own key. */
  private static final Map<String, String> SPRING_KEYS = Map.of(
      "spring.datasource.url", SettingsLoader.URL,
      "spring.datasource.username", SettingsLoader.USER,
      "spring.datasource.password", SettingsLoader.PASSWORD,
      "spring.jpa.hibernate.naming.physical-strategy", SettingsLoader.PHYSICAL_NAMING,
      "spring.jpa.hibernate.naming.implicit-strategy", SettingsLoader.IMPLICIT_NAMING);
  private static final String SPRING_JPA_PROPERTIES = "spring.jpa.properties.";

  /** The JPA keys of persistence.xml, current and pre-Jakarta. */
  private static final Map<String, String> JPA_KEYS = Map.of(
      "jakarta.persistence.jdbc.url", SettingsLoader.URL,
      "jakarta.persistence.jdbc.user", SettingsLoader.USER,
      "jakarta.persistence.jdbc.password", SettingsLoader.PASSWORD,
      "javax.persistence.jdbc.url", SettingsLoader.URL,
      "javax.persistence.jdbc.user", SettingsLoader.USER,
      "javax.persistence.jdbc.password", SettingsLoader.PASSWORD);

  /** Present in every Spring Boot application's class path. */
  private static final String SPRING_BOOT_CLASS = "org/springframework/boot/SpringApplication.class";

  private ApplicationConfigReader() {}

  /** One file's entries, in the application's own key names. */
  private record Layer(Path file, Map<String, String> entries, boolean spring) {}

  /**
   * @param profiles the {@code --profile} option (comma-separated), or null
   */
  static ApplicationConfig read(Path workingDirectory, List<Path> classPath, String profiles,
      Map<String, String> environment) {
    List<Path> places = places(workingDirectory, classPath);
    List<Layer> layers = new ArrayList<>();
    for (Path place : places) {
      Path persistence = place.resolve("META-INF/persistence.xml");
      if (Files.isRegularFile(persistence)) {
        layers.add(new Layer(persistence, PersistenceXml.properties(persistence), false));
      }
    }
    List<Layer> base = springFiles(places, "application", null);
    Map<String, String> baseEntries = merged(base);
    List<String> active = activeProfiles(profiles, environment, baseEntries);
    layers.addAll(springFiles(places, "application", active));
    for (String profile : active) {
      layers.addAll(springFiles(places, "application-" + profile, active));
    }
    if (layers.isEmpty() && !springBootClassesOn(classPath)) {
      return ApplicationConfig.none();
    }
    Map<String, String> springEntries = merged(layers.stream().filter(Layer::spring).toList());
    Map<String, String> values = new HashMap<>();
    Map<String, String> origins = new HashMap<>();
    Map<String, String> unresolved = new HashMap<>();
    for (Layer layer : layers) {
      layer.entries().forEach((key, raw) -> {
        String setting = layer.spring() ? springSetting(key) : jpaSetting(key);
        if (setting == null) {
          return;
        }
        String origin = layer.file() + " (" + key + ")";
        origins.put(setting, origin);
        try {
          values.put(setting, SpringPlaceholders.resolve(raw, environment, springEntries::get, origin));
          unresolved.remove(setting);
        } catch (UserError e) {
          // Told only where nothing the tool is given overrides it (SettingsLoader).
          values.remove(setting);
          unresolved.put(setting, e.getMessage());
        }
      });
    }
    boolean springBoot = springEntries.keySet().stream().anyMatch(key -> key.startsWith("spring."))
        || springBootClassesOn(classPath);
    if (springBoot) {
      // Spring Boot ranks the environment above the application's files (SPRING_DATASOURCE_URL
      // over spring.datasource.url): read past, the tool would work on another database than the
      // application does.
      SPRING_KEYS.forEach((key, setting) -> {
        String variable = environmentName(key);
        String value = environment.get(variable);
        if (value != null && !value.isBlank()) {
          values.put(setting, value);
          origins.put(setting, "environment variable " + variable);
          unresolved.remove(setting);
        }
      });
    }
    return new ApplicationConfig(values, origins, springBoot, unresolved);
  }

  /** A key as Spring Boot binds it from an environment variable: {@code SPRING_DATASOURCE_URL}. */
  static String environmentName(String key) {
    return key.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
  }

  /**
   * A key of the application's Spring configuration as Spring Boot would merge it (the same
   * files, order and profiles as {@link #read}), placeholders resolved: for an integration that
   * needs a key of its own, such as the starter's {@code autogenerate.migrations-package}.
   *
   * @param classPath folders whose configuration files count too, a later one winning
   * @param profiles the active profiles (comma-separated), or null for those the environment
   *     and the files name
   * @param spellings the key's spellings (Spring's relaxed binding takes several)
   * @throws UserError when a file cannot be read, or the value names a placeholder nothing sets
   */
  public static Optional<String> springProperty(Path workingDirectory, List<Path> classPath, String profiles,
      List<String> spellings) {
    return springProperty(workingDirectory, classPath, profiles, spellings, System.getenv());
  }

  /** The same, with the environment of the command asking (a daemon's own is not its client's). */
  static Optional<String> springProperty(Path workingDirectory, List<Path> classPath, String profiles,
      List<String> spellings, Map<String, String> environment) {
    List<Path> places = places(workingDirectory, classPath);
    List<String> active = activeProfiles(profiles, environment, merged(springFiles(places, "application", null)));
    List<Layer> layers = new ArrayList<>(springFiles(places, "application", active));
    for (String profile : active) {
      layers.addAll(springFiles(places, "application-" + profile, active));
    }
    Map<String, String> merged = merged(layers);
    refuseMisspelling(layers, spellings);
    // The last file that sets it wins, in whichever spelling.
    for (int i = layers.size() - 1; i >= 0; i--) {
      for (String key : spellings) {
        String raw = layers.get(i).entries().get(key);
        if (raw != null && !raw.isBlank()) {
          return Optional.of(SpringPlaceholders.resolve(raw, environment, merged::get,
              layers.get(i).file() + " (" + key + ")").strip());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses a key of the files that is a misspelling of the one looked for: read past, it would
   * leave the tool on its default (migrations in another package than the starter runs) while
   * the application, whose starter refuses unknown keys, would not start. Compared in Spring's
   * uniform form (lower case, no dashes or underscores), within the key's prefix.
   */
  private static void refuseMisspelling(List<Layer> layers, List<String> spellings) {
    String wanted = spellings.get(0);
    int dot = wanted.lastIndexOf('.');
    String prefix = wanted.substring(0, dot + 1);
    String wantedUniform = uniform(wanted.substring(dot + 1));
    for (Layer layer : layers) {
      for (String key : layer.entries().keySet()) {
        if (!key.startsWith(prefix) || key.indexOf('.', prefix.length()) >= 0) {
          continue;
        }
        String uniform = uniform(key.substring(prefix.length()));
        if (!uniform.equals(wantedUniform) && Misspellings.closest(uniform, List.of(wantedUniform)).isPresent()) {
          throw new UserError(key + " in " + layer.file() + " is no setting (did you mean " + wanted + "?):"
              + " correct it; read past, the migrations would go where the tool looks without it");
        }
      }
    }
  }

  /** A key's name as Spring's relaxed binding compares it: lower case, without dashes and underscores. */
  private static String uniform(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** Where the application's configuration files are looked for, in rising order (the class comment). */
  static List<Path> places(Path workingDirectory, List<Path> classPath) {
    Set<Path> places = new LinkedHashSet<>();
    places.add(workingDirectory.resolve("src/main/resources").toAbsolutePath().normalize());
    classPath.stream().filter(Files::isDirectory).map(path -> path.toAbsolutePath().normalize()).forEach(places::add);
    return List.copyOf(places);
  }

  /**
   * The profiles of {@code --profile} that no file of the application knows, each as a warning:
   * Spring Boot activates a profile without files as readily as one with, so {@code --profile
   * stagin} read the base settings alone, without a word. A profile is known by its own files
   * ({@code application-staging.yml}) or a YAML document of the base files activated on it.
   *
   * @param profiles the {@code --profile} option (comma-separated), or null
   */
  static List<String> profilesWithoutSettings(Path workingDirectory, List<Path> classPath, String profiles) {
    List<String> asked = SettingsLoader.list(profiles);
    if (asked.isEmpty()) {
      return List.of();
    }
    List<Path> places = places(workingDirectory, classPath);
    Set<String> known = new TreeSet<>();
    for (Path place : places) {
      try (Stream<Path> files = Files.list(place)) {
        files.map(file -> PROFILE_FILE.matcher(file.getFileName().toString())).filter(Matcher::matches)
            .forEach(file -> known.add(file.group(1)));
      } catch (IOException | UncheckedIOException e) {
        // A place that cannot be listed holds no profile's file.
      }
      for (String extension : List.of(".yml", ".yaml")) {
        Path file = place.resolve("application" + extension);
        if (Files.isRegularFile(file)) {
          for (Map<String, String> document : YamlSubset.documents(text(file))) {
            known.addAll(onProfiles(document));
          }
        }
      }
    }
    List<String> warnings = new ArrayList<>();
    for (String profile : asked) {
      if (!known.contains(profile)) {
        warnings.add("profile " + profile + " has no settings of its own (no application-" + profile + ".yml,"
            + " .yaml or .properties, no document on it)"
            + Misspellings.closest(profile, known).map(meant -> ": did you mean " + meant + "?")
                .orElse(known.isEmpty() ? "" : " (profiles with settings: " + String.join(", ", known) + ")"));
      }
    }
    return warnings;
  }

  /** {@code application-staging.yml}: the profile's name. */
  private static final Pattern PROFILE_FILE = Pattern.compile("application-(.+)\\.(?:yml|yaml|properties)");

  /**
   * The YAML then properties files of that name in each place. With {@code active} null, only
   * what applies whatever the profile (to find the profiles themselves).
   */
  private static List<Layer> springFiles(List<Path> places, String name, List<String> active) {
    List<Layer> layers = new ArrayList<>();
    for (Path place : places) {
      for (String extension : List.of(".yml", ".yaml")) {
        Path file = place.resolve(name + extension);
        if (Files.isRegularFile(file)) {
          for (Map<String, String> document : YamlSubset.documents(text(file))) {
            if (appliesTo(document, active)) {
              layers.add(new Layer(file, document, true));
            }
          }
        }
      }
      Path properties = place.resolve(name + ".properties");
      if (Files.isRegularFile(properties)) {
        layers.add(new Layer(properties, properties(properties), true));
      }
    }
    return layers;
  }

  /** A YAML document limited to profiles ({@code spring.config.activate.on-profile}) applies only to them. */
  private static boolean appliesTo(Map<String, String> document, List<String> active) {
    List<String> onProfiles = onProfiles(document);
    return onProfiles.isEmpty() || (active != null && onProfiles.stream().anyMatch(active::contains));
  }

  /** The profiles a YAML document is limited to; none for one that applies whatever the profile. */
  private static List<String> onProfiles(Map<String, String> document) {
    String onProfile = document.getOrDefault("spring.config.activate.on-profile", document.get("spring.profiles"));
    return onProfile == null ? List.of() : Arrays.stream(onProfile.split(",")).map(String::strip).toList();
  }

  private static List<String> activeProfiles(String option, Map<String, String> environment,
      Map<String, String> baseEntries) {
    String value = option;
    if (value == null || value.isBlank()) {
      value = environment.get("SPRING_PROFILES_ACTIVE");
    }
    if (value == null || value.isBlank()) {
      value = baseEntries.get("spring.profiles.active");
    }
    return SettingsLoader.list(value);
  }

  private static String springSetting(String key) {
    if (key.startsWith(SPRING_JPA_PROPERTIES + "hibernate.")) {
      return key.substring(SPRING_JPA_PROPERTIES.length());
    }
    return SPRING_KEYS.get(key);
  }

  private static String jpaSetting(String key) {
    return key.startsWith("hibernate.") ? key : JPA_KEYS.get(key);
  }

  private static Map<String, String> merged(List<Layer> layers) {
    Map<String, String> merged = new LinkedHashMap<>();
    layers.forEach(layer -> merged.putAll(layer.entries()));
    return merged;
  }

  static boolean springBootClassesOn(List<Path> classPath) {
    for (Path entry : classPath) {
      if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve(SPRING_BOOT_CLASS))) {
        return true;
      }
      if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
        try (JarFile jar = new JarFile(entry.toFile())) {
          if (jar.getEntry(SPRING_BOOT_CLASS) != null) {
            return true;
          }
        } catch (IOException e) {
          // Not a readable jar: it cannot hold Spring Boot either; loading classes will say what is wrong.
        }
      }
    }
    return false;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, String> properties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> entries = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> entries.put(key.strip(), properties.getProperty(key).strip()));
    return entries;
  }
}
