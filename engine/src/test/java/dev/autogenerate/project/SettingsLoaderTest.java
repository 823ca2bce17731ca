package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.runtime.UserError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file, then the environment, then the options; paths relative to where they were given. */
class SettingsLoaderTest {

  @TempDir Path directory;

  private Path project() throws Exception {
    Path project = Files.createDirectories(directory.resolve("app"));
    Files.writeString(project.resolve("autogenerate.properties"), String.join("\n",
        "url=jdbc:sqlite:data/app.db",
        "user=file-user",
        "password=file-secret",
        "entities=com.example.domain, com.example.more.Thing",
        "classpath=target/classes,lib/extra.jar",
        "migrations=src/main/java/com/example/migrations",
        "exclude.tables=legacy_*, audit_log",
        ""));
    return project;
  }

  @Test
  void theFileAloneWithPathsRelativeToIt() throws Exception {
    Path project = project();

    Settings settings = SettingsLoader.load(directory, project.resolve("autogenerate.properties"), Map.of(), Map.of());

    assertEquals("jdbc:sqlite:" + project.resolve("data/app.db"), settings.url());
    assertEquals("file-user", settings.user());
    assertEquals(List.of("com.example.domain", "com.example.more.Thing"), settings.entities());
    assertEquals(List.of(project.resolve("target/classes"), project.resolve("lib/extra.jar")), settings.classPath());
    assertEquals(project.resolve("src/main/java/com/example/migrations"), settings.migrations());
    assertEquals("com.example.migrations", settings.migrationsPackage());
    assertEquals(List.of("legacy_*", "audit_log"), settings.excludeTables());
  }

  @Test
  void theEnvironmentOverridesTheFileAndOptionsOverrideBoth() throws Exception {
    Path project = project();
    Map<String, String> environment = Map.of(
        "AUTOGENERATE_URL", "jdbc:postgresql://db.example:5432/app",
        "AUTOGENERATE_USER", "env-user",
        "AUTOGENERATE_PASSWORD", "env-secret");
    Map<String, String> options = new HashMap<>();
    options.put(SettingsLoader.USER, "option-user");
    options.put(SettingsLoader.MIGRATIONS, "elsewhere");

    Settings settings = SettingsLoader.load(project, null, environment, options);

    assertEquals("jdbc:postgresql://db.example:5432/app", settings.url());
    assertEquals("option-user", settings.user());
    assertEquals("env-secret", settings.password());
    assertEquals(project.resolve("elsewhere"), settings.migrations());
    assertEquals("", settings.migrationsPackage());
  }

  @Test
  void aRelativeSqliteFileFromTheEnvironmentIsRelativeToTheWorkingDirectory() throws Exception {
    Path project = project();

    Settings settings = SettingsLoader.load(project, null, Map.of("AUTOGENERATE_URL", "jdbc:sqlite:other.db"), Map.of());

    assertEquals("jdbc:sqlite:" + project.resolve("other.db"), settings.url());
  }

  @Test
  void aMissingConfigFileIsAClearError() {
    UserError error = assertThrows(UserError.class,
        () -> SettingsLoader.load(directory, Path.of("nope.properties"), Map.of(), Map.of()));

    assertTrue(error.getMessage().startsWith("config file " + directory.resolve("nope.properties") + " does not exist"),
        error.getMessage());
  }

  @Test
  void noFileAtAllIsFineUntilSomethingIsNeeded() {
    Settings settings = SettingsLoader.load(directory, null, Map.of(), Map.of());

    UserError error = assertThrows(UserError.class, settings::requireSupportedUrl);
    assertTrue(error.getMessage().startsWith("no database URL"), error.getMessage());
  }

  @Test
  void theLockSafeSettingsAreReadAndShown() throws Exception {
    Files.writeString(directory.resolve("autogenerate.properties"),
        "lock-safe.indexes=true\nlock-safe.constraints=true\nlock-safe.lock-timeout=4\n");

    EffectiveSettings effective = SettingsLoader.resolve(directory, null, Map.of(), Map.of());

    assertEquals(new dev.autogenerate.compare.LockSafety(true, true, java.util.Optional.of(java.time.Duration.ofSeconds(4))),
        effective.settings().lockSafety());
    List<String> lines = SettingsReport.lines(effective);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("lock-safe.lock-timeout = 4  [")), lines::toString);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("lock-safe.constraints = true  [")), lines::toString);
    // Unset, it is shown as the README gives its default: no limit.
    assertTrue(SettingsReport.lines(SettingsLoader.resolve(directory.resolve("app"), null, Map.of(), Map.of())).stream()
        .anyMatch(line -> line.startsWith("lock-safe.lock-timeout = 0  [")));
    assertEquals(dev.autogenerate.compare.LockSafety.NONE,
        SettingsLoader.load(directory, null, Map.of(), Map.of(SettingsLoader.LOCK_SAFE_LOCK_TIMEOUT, "0",
            SettingsLoader.LOCK_SAFE_INDEXES, "false", SettingsLoader.LOCK_SAFE_CONSTRAINTS, "false")).lockSafety());
    UserError error = assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(),
        Map.of(SettingsLoader.LOCK_SAFE_LOCK_TIMEOUT, "5s")));
    assertEquals("lock-safe.lock-timeout must be a whole number of seconds, at most 2147483, not '5s' (option"
        + " --lock-safe-lock-timeout)",
        error.getMessage());
  }

  /**
   * A mistyped key, or a flag that is neither true nor false, is an error, not the default: the
   * setting meant would be off without a word. Every problem is told at once, on one line.
   */
  @Test
  void unknownKeysAndBadValuesAreToldAllAtOnce() throws Exception {
    Path file = directory.resolve("autogenerate.properties");
    Files.writeString(file, String.join("\n", "url=jdbc:sqlite:app.db", "lock-safe.index=true",
        "compare.drop-unmapped=yes", "lock.timeout=ten", "hibernate.id.db_structure_naming_strategy=legacy",
        "naming.convention.fk=fk_%(table_name)s_%(column_0_name)s", "colour=blue", ""));

    UserError error = assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(), Map.of()));

    Path shown = file.toAbsolutePath().normalize();
    assertEquals("4 settings are wrong: ", error.getMessage().substring(0, "4 settings are wrong: ".length()));
    List<String> problems = List.of(error.getMessage().substring("4 settings are wrong: ".length()).split("; "));
    assertEquals(java.util.Set.of(
        "unknown setting lock-safe.index in " + shown + " (did you mean lock-safe.indexes?)",
        "unknown setting colour in " + shown + ": see the keys in the README's Configuration (Hibernate's own"
            + " start with hibernate.)",
        "compare.drop-unmapped must be true or false, not 'yes' (" + shown + ")",
        "lock.timeout must be a whole number of seconds from 1 to 2147483, not 'ten' (" + shown + ")"),
        Set.copyOf(problems));
    assertTrue(error.getMessage().lines().count() == 1, error.getMessage());

    // Flags take true and false in any case; a key right but for its case is a misspelling too.
    Files.writeString(file, "compare.drop-unmapped=TRUE\nlock-safe.indexes=False\n");
    Settings settings = SettingsLoader.load(directory, null, Map.of(), Map.of());
    assertTrue(settings.dropUnmapped());
    assertEquals(false, settings.lockSafety().concurrentIndexes());
    Files.writeString(file, "URL=jdbc:sqlite:app.db\n");
    assertEquals("unknown setting URL in " + shown + " (did you mean url?)",
        assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(), Map.of())).getMessage());
    // A short key is no misspelling of another short one; the profiles are an option, not a key.
    Files.writeString(file, "pwd=secret\nprofile=prod\n");
    String suggestion = ": see the keys in the README's Configuration (Hibernate's own start with hibernate.)";
    assertEquals("2 settings are wrong: profile is no setting of " + shown + ": give the active profiles with --profile"
        + " a,b (or SPRING_PROFILES_ACTIVE); unknown setting pwd in " + shown + suggestion,
        assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(), Map.of())).getMessage());
    // Other tools' words for the same settings point at this file's.
    Files.writeString(file, "username=app\njdbc-url=jdbc:sqlite:app.db\nspring.datasource.password=secret\n");
    assertEquals(Set.of("unknown setting username in " + shown + " (did you mean user?)",
        "unknown setting jdbc-url in " + shown + " (did you mean url?)",
        "unknown setting spring.datasource.password in " + shown + " (did you mean password?)"),
        Set.of(assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(), Map.of()))
            .getMessage().substring("3 settings are wrong: ".length()).split("; ")));
    // Hibernate's own keys pass, but for a near miss of the one the tool reads itself.
    Files.writeString(file, "hibernate.format_sql=true\nhibernate.default-schema=sales\n");
    assertEquals("unknown setting hibernate.default-schema in " + shown + " (did you mean hibernate.default_schema?)",
        assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(), Map.of())).getMessage());
  }

  /**
   * What an editor may put in the file: a UTF-8 byte-order mark is no part of the first key; text
   * in another encoding is said to be so; an empty naming template is the default one, not names
   * made of nothing; a duration too long for the databases is refused when read, not when used.
   */
  @Test
  void whatEditorsWriteIsReadAsMeant() throws Exception {
    Path file = directory.resolve("autogenerate.properties");
    Files.write(file, "\uFEFFurl=jdbc:sqlite:app.db\nnaming.convention.fk=\n".getBytes(StandardCharsets.UTF_8));
    Settings settings = SettingsLoader.load(directory, null, Map.of(), Map.of());
    assertTrue(settings.url().startsWith("jdbc:sqlite:"), settings.url());
    assertEquals(Map.of(), settings.namingConvention());

    // An empty migrations= is the default folder, and the environment's values are trimmed as the file's.
    Files.writeString(file, "migrations=\nlock.timeout=\n");
    assertTrue(SettingsReport.lines(SettingsLoader.resolve(directory, null, Map.of(), Map.of())).contains(
        "lock.timeout = 600  [not set: " + file.toAbsolutePath().normalize() + " gives it empty]"));
    Settings defaults = SettingsLoader.load(directory, null, Map.of("AUTOGENERATE_URL", " jdbc:sqlite:app.db ",
        "AUTOGENERATE_PASSWORD", " spaced out "), Map.of());
    assertEquals(" spaced out ", defaults.password());
    assertEquals(directory.resolve("migrations").normalize(), defaults.migrations());
    assertEquals("jdbc:sqlite:" + directory.resolve("app.db").normalize(), defaults.url());

    Files.write(file, "url=jdbc:sqlite:caf\u00e9.db\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("cannot read config file " + file + ": it is not UTF-8 text (save it as UTF-8)",
        assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(), Map.of())).getMessage());

    // A connection's wait, and the migration lock's, have no "none": 0 is refused rather than taken
    // for some other wait (the lock's 0 meant not waiting at all, read by a user test as no limit).
    for (String key : List.of("connect.timeout", "lock.timeout")) {
      Files.writeString(file, key + "=0\n");
      assertEquals(key + " must be a whole number of seconds from 1 to 2147483, not '0' ("
          + file.toAbsolutePath().normalize() + ")",
          assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(), Map.of())).getMessage());
    }

    Files.writeString(file, "lock-safe.lock-timeout=3000000\n");
    assertTrue(assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(), Map.of()))
        .getMessage().startsWith("lock-safe.lock-timeout must be a whole number of seconds, at most 2147483, not"
            + " '3000000'"));
  }

  /** Every key the README's Configuration lists is one the file may hold. */
  @Test
  void everyKeyTheReadmeListsIsAccepted() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int table = lines.indexOf("| key | meaning | default |");
    assertTrue(table > 0, "the README's Configuration table");
    List<String> keys = new ArrayList<>();
    for (String line : lines.subList(table + 2, lines.size())) {
      if (!line.startsWith("| `")) {
        break;
      }
      Matcher key = Pattern.compile("`([a-z][a-z._-]*[a-z_])`").matcher(
          line.substring(0, line.indexOf(" | ", 2)));
      while (key.find()) {
        keys.add(key.group(1));
      }
    }
    assertTrue(keys.size() >= 18, keys::toString);
    for (String key : keys) {
      assertEquals(Optional.empty(), SettingKeys.unknown(key, "README.md"), key);
    }
  }
}
