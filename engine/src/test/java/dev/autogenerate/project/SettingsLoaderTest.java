package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.runtime.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    assertEquals(dev.autogenerate.compare.LockSafety.NONE,
        SettingsLoader.load(directory, null, Map.of(), Map.of(SettingsLoader.LOCK_SAFE_LOCK_TIMEOUT, "0",
            SettingsLoader.LOCK_SAFE_INDEXES, "false", SettingsLoader.LOCK_SAFE_CONSTRAINTS, "false")).lockSafety());
    UserError error = assertThrows(UserError.class, () -> SettingsLoader.load(directory, null, Map.of(),
        Map.of(SettingsLoader.LOCK_SAFE_LOCK_TIMEOUT, "5s")));
    assertEquals("lock-safe.lock-timeout must be a whole number of seconds, not '5s'", error.getMessage());
  }
}
