package dev.autogenerate.spring;

import dev.autogenerate.project.Misspellings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Refuses an {@code autogenerate.*} key the starter does not know, as the command line refuses
 * one in {@code autogenerate.properties}: Spring binds what it knows and ignores the rest, so
 * {@code autogenerate.fail-on-drfit=true} would leave the drift check off without a word.
 *
 * <p>Only the application's own configuration counts (its files, test and default properties):
 * the environment and the system properties also carry the command line's and the Maven
 * plugin's {@code AUTOGENERATE_URL} and {@code -Dautogenerate.url}, which are not the starter's.
 */
final class UnknownSettings {

  /** The starter's keys, the components of {@link AutogenerateProperties} in Spring's dashed form. */
  static final List<String> KEYS = Arrays.stream(AutogenerateProperties.class.getRecordComponents())
      .map(component -> component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT)).toList();

  private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("autogenerate");

  private UnknownSettings() {}

  /** @throws AutogenerateStartupException naming every unknown key, the file it is in, and the key it likely meant */
  static void refuse(ConfigurableEnvironment environment) {
    Map<String, String> unknown = new TreeMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable) || notTheApplications(source)) {
        continue;
      }
      for (String key : enumerable.getPropertyNames()) {
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
        if (PREFIX.isAncestorOf(name) && !known(name)) {
          unknown.putIfAbsent(key, source.getName());
        }
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    String described = unknown.entrySet().stream().map(entry -> describe(entry.getKey(), entry.getValue()))
        .collect(Collectors.joining("; "));
    throw new AutogenerateStartupException("autogenerate: unknown setting" + (unknown.size() > 1 ? "s " : " ") + described,
        "Correct the key, or remove it; the starter's keys are autogenerate." + String.join(", autogenerate.", KEYS)
            + ".", null);
  }

  private static boolean notTheApplications(PropertySource<?> source) {
    return source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
        || source.getName().equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)
        || ConfigurationPropertySources.isAttachedConfigurationPropertySource(source);
  }

  /** Known in any of Spring's relaxed spellings: {@code migrationsPackage}, {@code migrations_package}. */
  private static boolean known(ConfigurationPropertyName name) {
    String first = name.getElement(1, ConfigurationPropertyName.Form.UNIFORM);
    return KEYS.stream().anyMatch(key -> key.replace("-", "").equals(first));
  }

  /** The key, where it is, and the starter's key it likely meant, compared in Spring's uniform form. */
  private static String describe(String key, String source) {
    String uniform = ConfigurationPropertyName.adapt(key, '.').getElement(1, ConfigurationPropertyName.Form.UNIFORM);
    Map<String, String> byUniform = KEYS.stream().collect(Collectors.toMap(known -> known.replace("-", ""), known -> known));
    Optional<String> likely = Misspellings.closest(uniform, byUniform.keySet()).map(byUniform::get);
    return key + " in " + source + likely.map(meant -> " (did you mean autogenerate." + meant + "?)").orElse("");
  }
}
