package dev.autogenerate.project;

import static dev.autogenerate.project.SettingsLoader.CLASSPATH;
import static dev.autogenerate.project.SettingsLoader.COMPARE_HOOK;
import static dev.autogenerate.project.SettingsLoader.CONNECT_TIMEOUT;
import static dev.autogenerate.project.SettingsLoader.DEFAULT_SCHEMA;
import static dev.autogenerate.project.SettingsLoader.DROP_UNMAPPED;
import static dev.autogenerate.project.SettingsLoader.DROP_UNMAPPED_INDEXES;
import static dev.autogenerate.project.SettingsLoader.ENTITIES;
import static dev.autogenerate.project.SettingsLoader.EXCLUDE_TABLES;
import static dev.autogenerate.project.SettingsLoader.IMPLICIT_NAMING;
import static dev.autogenerate.project.SettingsLoader.LOCK_SAFE_CONSTRAINTS;
import static dev.autogenerate.project.SettingsLoader.LOCK_SAFE_INDEXES;
import static dev.autogenerate.project.SettingsLoader.LOCK_SAFE_LOCK_TIMEOUT;
import static dev.autogenerate.project.SettingsLoader.LOCK_TIMEOUT;
import static dev.autogenerate.project.SettingsLoader.MIGRATIONS;
import static dev.autogenerate.project.SettingsLoader.MIGRATIONS_PACKAGE;
import static dev.autogenerate.project.SettingsLoader.NAMING_CONVENTION;
import static dev.autogenerate.project.SettingsLoader.PASSWORD;
import static dev.autogenerate.project.SettingsLoader.PHYSICAL_NAMING;
import static dev.autogenerate.project.SettingsLoader.PROFILE;
import static dev.autogenerate.project.SettingsLoader.TRANSACTION_MODE;
import static dev.autogenerate.project.SettingsLoader.URL;
import static dev.autogenerate.project.SettingsLoader.USER;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keys {@code autogenerate.properties} may hold. A key that is none of them is an error, as
 * Flyway treats an unknown {@code flyway.*} property: a mistyped key ignored would leave its
 * setting at the default without a word ({@code lock-safe.index=true}, and the index built
 * without {@code concurrently} locks the table).
 */
final class SettingKeys {

  static final List<String> NAMING_CONVENTION_KINDS = List.of("pk", "uq", "ix", "fk", "ck");

  /** The tool's own keys (the active profiles are an option, not a key: the file is read before them). */
  private static final List<String> KEYS = List.of(URL, USER, PASSWORD, ENTITIES, CLASSPATH, MIGRATIONS,
      MIGRATIONS_PACKAGE, EXCLUDE_TABLES, IMPLICIT_NAMING, PHYSICAL_NAMING, DROP_UNMAPPED_INDEXES, DROP_UNMAPPED,
      LOCK_TIMEOUT, TRANSACTION_MODE, CONNECT_TIMEOUT, LOCK_SAFE_INDEXES, LOCK_SAFE_CONSTRAINTS,
      LOCK_SAFE_LOCK_TIMEOUT, COMPARE_HOOK);

  /**
   * Keys of the tools and frameworks the settings come from, with the key that means the same
   * here: too far from it to be a misspelling ({@code username} is four letters from
   * {@code user}), and as likely to be written from habit.
   */
  private static final Map<String, String> OTHER_TOOLS_KEYS = Map.ofEntries(
      Map.entry("username", USER),
      Map.entry("jdbc-url", URL),
      Map.entry("jdbcurl", URL),
      Map.entry("spring.datasource.url", URL),
      Map.entry("spring.datasource.username", USER),
      Map.entry("spring.datasource.password", PASSWORD),
      Map.entry("flyway.url", URL),
      Map.entry("flyway.user", USER),
      Map.entry("flyway.password", PASSWORD));

  /** What a misspelled key may have meant: the tool's keys, the naming templates' and the one Hibernate key it reads. */
  private static final List<String> CANDIDATES = candidates();

  private SettingKeys() {}

  /**
   * What is wrong with a key of the file, or nothing when it is a setting of the tool or Hibernate's.
   * Hibernate's own keys pass (the tool cannot know them all) but for a near miss of
   * {@code hibernate.default_schema}, which the tool itself reads.
   *
   * @param file where the key is, for the message
   */
  static Optional<String> unknown(String key, Object file) {
    boolean accepted = KEYS.contains(key) || key.startsWith(NAMING_CONVENTION)
        || key.startsWith("hibernate.") && (key.equals(DEFAULT_SCHEMA) || likely(key).isEmpty());
    if (accepted) {
      return Optional.empty();
    }
    if (key.equals(PROFILE)) {
      // The file is read before the profiles apply: they choose the application's files, not this one's keys.
      return Optional.of("profile is no setting of " + file + ": give the active profiles with --profile a,b (or"
          + " SPRING_PROFILES_ACTIVE)");
    }
    Optional<String> likely = likely(key);
    return Optional.of("unknown setting " + key + " in " + file + (likely.isPresent() ? " (did you mean " + likely.get() + "?)"
        : ": see the keys in the README's Configuration (Hibernate's own start with hibernate.)"));
  }

  /**
   * The known key closest to {@code key}, when close enough to be a misspelling of it: a letter
   * or so in a short key, up to three in a long one, whatever the case; or the key another tool's
   * word for it stands for.
   */
  private static Optional<String> likely(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (OTHER_TOOLS_KEYS.containsKey(lower)) {
      return Optional.of(OTHER_TOOLS_KEYS.get(lower));
    }
    return Misspellings.closest(key, CANDIDATES);
  }

  private static List<String> candidates() {
    List<String> candidates = new ArrayList<>(KEYS);
    NAMING_CONVENTION_KINDS.forEach(kind -> candidates.add(NAMING_CONVENTION + kind));
    candidates.add(DEFAULT_SCHEMA);
    return List.copyOf(candidates);
  }
}
