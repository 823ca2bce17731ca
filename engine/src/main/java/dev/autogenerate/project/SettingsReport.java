package dev.autogenerate.project;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective settings as {@code autogenerate config} prints them: one line per key, its value
 * and where it came from, so that a user whose settings come from several places sees which one
 * won. Secrets never appear: passwords are {@code ***}, a password inside the URL too.
 */
public final class SettingsReport {

  private static final String MASK = "***";

  private SettingsReport() {}

  public static List<String> lines(EffectiveSettings effective) {
    Settings settings = effective.settings();
    Map<String, String> shown = new java.util.LinkedHashMap<>();
    shown.put(SettingsLoader.URL, MaskedUrl.of(settings.url()));
    shown.put(SettingsLoader.USER, settings.user());
    shown.put(SettingsLoader.PASSWORD, settings.password() == null ? null : MASK);
    shown.put(SettingsLoader.ENTITIES, joined(settings.entities()));
    shown.put(SettingsLoader.CLASSPATH, joined(settings.classPath().stream().map(Path::toString).toList()));
    shown.put(SettingsLoader.MIGRATIONS, settings.migrations().toString());
    shown.put(SettingsLoader.MIGRATIONS_PACKAGE, settings.migrationsPackage());
    shown.put(SettingsLoader.EXCLUDE_TABLES, joined(settings.excludeTables()));
    shown.put(SettingsLoader.IMPLICIT_NAMING, settings.implicitNamingStrategy());
    shown.put(SettingsLoader.PHYSICAL_NAMING, settings.physicalNamingStrategy());
    new TreeMap<>(settings.namingConvention()).forEach((kind, template) ->
        shown.put(SettingsLoader.NAMING_CONVENTION + kind, template));
    shown.put(SettingsLoader.DROP_UNMAPPED_INDEXES, String.valueOf(settings.dropUnmappedIndexes()));
    shown.put(SettingsLoader.DROP_UNMAPPED, String.valueOf(settings.dropUnmapped()));
    new TreeMap<>(settings.hibernateProperties()).forEach((key, value) ->
        shown.put(key, secret(key) ? MASK : value));
    shown.put(SettingsLoader.COMPARE_HOOK, settings.compareHook());
    shown.put(SettingsLoader.LOCK_TIMEOUT, seconds(settings.lockTimeout()));
    shown.put(SettingsLoader.TRANSACTION_MODE, settings.singleTransaction() ? "single" : "per-revision");
    shown.put(SettingsLoader.CONNECT_TIMEOUT, seconds(settings.connectTimeout()));
    shown.put(SettingsLoader.LOCK_SAFE_INDEXES, String.valueOf(settings.lockSafety().concurrentIndexes()));
    shown.put(SettingsLoader.LOCK_SAFE_CONSTRAINTS, String.valueOf(settings.lockSafety().validatedConstraints()));
    shown.put(SettingsLoader.LOCK_SAFE_LOCK_TIMEOUT, settings.lockSafety().lockTimeout().map(SettingsReport::seconds).orElse("0"));
    List<String> lines = new ArrayList<>();
    shown.forEach((key, value) -> lines.add(key + " = " + (value == null || value.isEmpty() ? "(none)" : value)
        + "  [" + effective.origin(key) + "]"));
    return lines;
  }

  /** A Hibernate setting holding a credential (a password, a key store's secret) is never printed. */
  private static boolean secret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("password") || lower.contains("secret");
  }

  private static String joined(List<String> items) {
    return String.join(",", items);
  }

  private static String seconds(Duration duration) {
    return String.valueOf(duration.toSeconds());
  }
}
