package dev.autogenerate.project;

import dev.autogenerate.compare.LockSafety;
import dev.autogenerate.database.LockWait;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolves {@link Settings}: {@code autogenerate.properties} (from the working directory, or the
 * file given with {@code -c}), then the environment ({@code AUTOGENERATE_URL},
 * {@code AUTOGENERATE_USER}, {@code AUTOGENERATE_PASSWORD}), then command-line options.
 * Relative paths in the file are relative to the file; on the command line, to the working
 * directory.
 */
public final class SettingsLoader {

  public static final String DEFAULT_FILE = "autogenerate.properties";

  /** The keys of {@code autogenerate.properties}. */
  public static final String URL = "url";
  public static final String USER = "user";
  public static final String PASSWORD = "password";
  public static final String ENTITIES = "entities";
  public static final String CLASSPATH = "classpath";
  public static final String MIGRATIONS = "migrations";
  public static final String MIGRATIONS_PACKAGE = "migrations.package";
  public static final String EXCLUDE_TABLES = "exclude.tables";
  public static final String IMPLICIT_NAMING = "naming.implicit-strategy";
  public static final String PHYSICAL_NAMING = "naming.physical-strategy";
  /** Prefix of the naming-convention templates: naming.convention.fk=fk_%(table_name)s_... */
  public static final String NAMING_CONVENTION = "naming.convention.";
  public static final String DROP_UNMAPPED_INDEXES = "compare.drop-unmapped-indexes";
  /** Drop tables, columns, keys, checks and indexes only the database has, even those no migration created. */
  public static final String DROP_UNMAPPED = "compare.drop-unmapped";
  /** Seconds upgrade and downgrade wait for another process migrating the same database. */
  public static final String LOCK_TIMEOUT = "lock.timeout";
  /** {@code per-revision} (the default) or {@code single}: how many transactions upgrade and downgrade run. */
  public static final String TRANSACTION_MODE = "transaction.mode";
  /** Seconds to wait for the database to accept the connection and answer its start-up. */
  public static final String CONNECT_TIMEOUT = "connect.timeout";
  /** Build new indexes on tables with rows {@code concurrently}, each in a revision of its own. */
  public static final String LOCK_SAFE_INDEXES = "lock-safe.indexes";
  /** Add foreign keys and checks {@code not valid} and validate them in the next revision; NOT NULL through a check. */
  public static final String LOCK_SAFE_CONSTRAINTS = "lock-safe.constraints";
  /** Seconds each statement of a generated revision waits for a lock before the revision fails; 0 for no limit. */
  public static final String LOCK_SAFE_LOCK_TIMEOUT = "lock-safe.lock-timeout";
  /** A class implementing {@code dev.autogenerate.changes.CompareHook}, on the entity class path. */
  public static final String COMPARE_HOOK = "compare.hook";
  /** The application's {@code hibernate.default_schema}, under Hibernate's own name. */
  public static final String DEFAULT_SCHEMA = "hibernate.default_schema";

  private static final Map<String, String> ENVIRONMENT_KEYS = Map.of(
      "AUTOGENERATE_URL", URL,
      "AUTOGENERATE_USER", USER,
      "AUTOGENERATE_PASSWORD", PASSWORD);

  private SettingsLoader() {}

  /** Spring Boot's default physical naming, which ships with Hibernate. */
  static final String SPRING_BOOT_PHYSICAL_NAMING = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
  /** The tool's equal of Spring Boot's default implicit naming, which does not ship with Hibernate. */
  static final String SPRING_BOOT_IMPLICIT_NAMING = "dev.autogenerate.entities.SpringBootImplicitNamingStrategy";
  /** Where a Spring Boot project's build puts its classes, when nothing names them. */
  static final String SPRING_BOOT_CLASSES = "target/classes";
  /** The option naming the application's active Spring profiles (comma-separated). */
  public static final String PROFILE = "profile";

  /**
   * @param configFile the file given with {@code -c}, or null to look for the default file
   * @param environment the process environment
   * @param options values given on the command line, by property key (null values are ignored);
   *     path values are relative to {@code workingDirectory}
   */
  public static Settings load(
      Path workingDirectory, Path configFile, Map<String, String> environment, Map<String, String> options) {
    return resolve(workingDirectory, configFile, environment, options).settings();
  }

  /** The settings file: the one given with {@code -c}, else {@value #DEFAULT_FILE}; it may not exist. */
  public static Path settingsFile(Path workingDirectory, Path configFile) {
    return workingDirectory.resolve(configFile == null ? Path.of(DEFAULT_FILE) : configFile);
  }

  /**
   * The settings with where each came from. Lowest to highest: the application's own
   * configuration files ({@link ApplicationConfigReader}), {@code autogenerate.properties}, the
   * environment, the options: what is spelled out for the tool overrides what it found.
   */
  public static EffectiveSettings resolve(
      Path workingDirectory, Path configFile, Map<String, String> environment, Map<String, String> options) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> origins = new HashMap<>();
    Path baseOfFile = workingDirectory;
    Path file = settingsFile(workingDirectory, configFile);
    if (configFile != null && !Files.isRegularFile(file)) {
      throw new UserError("config file " + file + " does not exist: check -c, or run `autogenerate init`");
    }
    SettingProblems problems = new SettingProblems();
    String toolFile = Files.isRegularFile(file) ? file.toAbsolutePath().normalize().toString() : null;
    if (toolFile != null) {
      readFile(file).forEach((key, value) -> {
        SettingKeys.unknown(key, toolFile).ifPresent(problems::add);
        values.put(key, value);
        origins.put(key, toolFile);
      });
      baseOfFile = file.toAbsolutePath().getParent();
    }
    Map<String, Path> pathBase = new HashMap<>();
    for (String key : List.of(URL, CLASSPATH, MIGRATIONS)) {
      pathBase.put(key, baseOfFile);
    }
    ENVIRONMENT_KEYS.forEach((variable, key) -> {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        // Trimmed as the file's values are (AUTOGENERATE_URL='jdbc:sqlite:app.db ' names app.db),
        // but for the password: the environment is where a password with blanks can be given.
        values.put(key, key.equals(PASSWORD) ? value : value.trim());
        origins.put(key, "environment variable " + variable);
        pathBase.put(key, workingDirectory);
      }
    });
    options.forEach((key, value) -> {
      if (value != null) {
        values.put(key, value);
        origins.put(key, "option --" + optionName(key));
        pathBase.put(key, workingDirectory);
      }
    });
    List<Path> classPath =
        list(values.get(CLASSPATH)).stream().map(entry -> pathBase.get(CLASSPATH).resolve(entry).normalize()).toList();
    ApplicationConfig application;
    try {
      application = ApplicationConfigReader.read(workingDirectory, classPath, blankToNull(options.get(PROFILE)), environment);
      Path built = workingDirectory.resolve(SPRING_BOOT_CLASSES);
      if (application.springBoot() && values.get(CLASSPATH) == null && Files.isDirectory(built)) {
        // A Spring Boot project told nothing of its classes: its build's, where its application
        // class (and so its migrations' package) and its compiled configuration are.
        classPath = List.of(built.normalize());
        values.put(CLASSPATH, SPRING_BOOT_CLASSES);
        origins.put(CLASSPATH, "default (Spring Boot application: its build's classes)");
        pathBase.put(CLASSPATH, workingDirectory);
        application = ApplicationConfigReader.read(workingDirectory, classPath, blankToNull(options.get(PROFILE)),
            environment);
      }
    } catch (UserError e) {
      // Told with what the tool's own values already show wrong (the application's configuration
      // gives none of the flags and durations); nothing else can be read without it.
      toolChoices(new Values(values, origins, problems));
      problems.add(e.getMessage());
      problems.throwIfAny();
      throw e;
    }
    applicationSettingsUnder(values, origins, pathBase, workingDirectory, application, problems);
    if (application.springBoot()) {
      springBootMigrations(values, origins, pathBase, workingDirectory, classPath, blankToNull(options.get(PROFILE)),
          environment);
    }
    mavenPluginMigrations(values, origins, pathBase, blankToNull(options.get(PROFILE)), environment);
    Map<String, String> namingConvention = namingConvention(values, origins, problems);
    Map<String, String> hibernateProperties =
        hibernateProperties(values, origins, blankToNull(values.get(URL)), toolFile, problems);
    ToolChoices choices = toolChoices(new Values(values, origins, problems));
    problems.throwIfAny();
    Settings settings = new Settings(
        sqliteFileResolved(blankToNull(values.get(URL)), pathBase.get(URL)),
        blankToNull(values.get(USER)),
        blankToNull(values.get(PASSWORD)),
        list(values.get(ENTITIES)),
        classPath,
        pathBase.get(MIGRATIONS).resolve(migrationsFolder(values)).normalize(),
        migrationsPackage(values.get(MIGRATIONS_PACKAGE), migrationsFolder(values)),
        list(values.get(EXCLUDE_TABLES)),
        blankToNull(values.get(IMPLICIT_NAMING)),
        blankToNull(values.get(PHYSICAL_NAMING)),
        namingConvention,
        choices.dropUnmappedIndexes(),
        choices.dropUnmapped(),
        hibernateProperties,
        blankToNull(values.get(COMPARE_HOOK)),
        choices.lockTimeout(),
        choices.connectTimeout(),
        choices.lockSafety(),
        choices.singleTransaction());
    // A key given empty is not set there (it has its default, or keeps the application's value
    // from the tool): config says so, rather than credit what it shows to that file.
    values.forEach((key, value) -> {
      if (value != null && value.isBlank() && origins.containsKey(key)) {
        origins.put(key, "not set: " + origins.get(key) + " gives it empty");
      }
    });
    return new EffectiveSettings(settings, origins,
        ApplicationConfigReader.profilesWithoutSettings(workingDirectory, classPath, blankToNull(options.get(PROFILE))));
  }

  /** The migrations folder as given; empty, as any other key, is the default (not the project's own folder). */
  private static String migrationsFolder(Map<String, String> values) {
    String folder = blankToNull(values.get(MIGRATIONS));
    return folder == null ? "migrations" : folder;
  }

  /**
   * Lays the application's settings under those given to the tool: each applies only where
   * nothing above it set the key. A Spring Boot application gets Spring Boot's naming defaults
   * where it names no strategy, as Spring Boot itself would give them; its relative SQLite file is
   * relative to the working directory, where the application runs.
   */
  private static void applicationSettingsUnder(Map<String, String> values, Map<String, String> origins,
      Map<String, Path> pathBase, Path workingDirectory, ApplicationConfig application, SettingProblems problems) {
    // A placeholder nothing sets matters only where the tool is not given the setting otherwise.
    application.unresolved().forEach((key, problem) -> {
      if (!values.containsKey(key)) {
        problems.add(problem);
      }
    });
    application.values().forEach((key, value) -> {
      if (!values.containsKey(key)) {
        values.put(key, value);
        origins.put(key, application.origins().get(key));
        if (pathBase.containsKey(key)) {
          pathBase.put(key, workingDirectory);
        }
      }
    });
    if (application.springBoot()) {
      springBootDefault(values, origins, PHYSICAL_NAMING, "hibernate.physical_naming_strategy",
          SPRING_BOOT_PHYSICAL_NAMING);
      springBootDefault(values, origins, IMPLICIT_NAMING, "hibernate.implicit_naming_strategy",
          SPRING_BOOT_IMPLICIT_NAMING);
    }
  }

  /**
   * A Spring Boot application told nothing of its migrations keeps them where the starter runs
   * them from, below {@code src/main/java} (as the Maven plugin writes them): not in
   * {@code ./migrations}, which would be a second, empty history. A {@code ./migrations} folder
   * already there keeps being the default.
   */
  private static void springBootMigrations(Map<String, String> values, Map<String, String> origins,
      Map<String, Path> pathBase, Path workingDirectory, List<Path> classPath, String profiles,
      Map<String, String> environment) {
    if (blankToNull(values.get(MIGRATIONS)) != null || blankToNull(values.get(MIGRATIONS_PACKAGE)) != null
        || Files.isDirectory(pathBase.get(MIGRATIONS).resolve("migrations"))) {
      return;
    }
    SpringBootMigrations.of(workingDirectory, classPath, profiles, environment).ifPresent(found -> {
      String origin = "default (Spring Boot application: " + found.origin() + ")";
      values.put(MIGRATIONS, found.folder().toString());
      origins.put(MIGRATIONS, origin);
      pathBase.put(MIGRATIONS, workingDirectory);
      values.put(MIGRATIONS_PACKAGE, found.packageName());
      origins.put(MIGRATIONS_PACKAGE, origin);
    });
  }

  /**
   * A Maven project told nothing of its migrations (nor found a Spring Boot application above)
   * keeps them where the Maven plugin writes them, {@code src/main/java/<groupId>/migrations}: not
   * in {@code ./migrations}, which would be a second history beside the plugin's, so that the
   * command line and the build adopt, write and apply the same one. A {@code ./migrations} folder
   * already there keeps being the default.
   */
  private static void mavenPluginMigrations(Map<String, String> values, Map<String, String> origins,
      Map<String, Path> pathBase, String profiles, Map<String, String> environment) {
    Path project = pathBase.get(MIGRATIONS);
    if (blankToNull(values.get(MIGRATIONS)) != null || blankToNull(values.get(MIGRATIONS_PACKAGE)) != null
        || Files.isDirectory(project.resolve("migrations"))) {
      return;
    }
    Optional<PomHead> pom = PomHead.of(project);
    Optional<Map.Entry<String, String>> plugins = pom.flatMap(InitialLayout::mavenPluginMigrations);
    if (plugins.isEmpty()) {
      return;
    }
    // As the plugin decides: the groupId's package where migrations are already, else a Spring
    // Boot application's (its classes not built: found in its sources), else the groupId's.
    // The sources are read only for a project whose POM names Spring Boot: every level of a
    // large project's sources would be read otherwise, finding nothing.
    Optional<SpringBootMigrations.Found> spring = InitialLayout.holdsMigrations(project.resolve(plugins.get().getKey()))
        || !pom.get().namesSpringBoot() ? Optional.empty()
        : SpringBootMigrations.inSources(project.resolve("src/main/java"),
            ApplicationConfigReader.springProperty(project, List.of(), profiles,
                SpringBootMigrations.STARTER_PACKAGE_KEYS, environment));
    String origin = spring.map(found -> "default (Spring Boot application: " + found.origin() + ")")
        .orElse("default (Maven project: where the Maven plugin writes them)");
    values.put(MIGRATIONS, spring.map(found -> found.folder().toString()).orElse(plugins.get().getKey()));
    origins.put(MIGRATIONS, origin);
    values.put(MIGRATIONS_PACKAGE, spring.map(SpringBootMigrations.Found::packageName).orElse(plugins.get().getValue()));
    origins.put(MIGRATIONS_PACKAGE, origin);
  }

  /** Spring Boot gives its default only when neither its naming key nor Hibernate's is set. */
  private static void springBootDefault(Map<String, String> values, Map<String, String> origins, String key,
      String hibernateKey, String strategy) {
    if (blankToNull(values.get(key)) == null && blankToNull(values.get(hibernateKey)) == null) {
      values.put(key, strategy);
      origins.put(key, "default (Spring Boot application)");
    }
  }

  /** The command-line option a key is given with (the same words, dashes for dots). */
  private static String optionName(String key) {
    return key.replace('.', '-');
  }

  /**
   * Settings that would make Hibernate read something other than the entities, or that this tool
   * decides itself: refused, never ignored, since ignoring one would change what is compared.
   */
  private static final List<String> REFUSED_HIBERNATE_PREFIXES = List.of(
      "hibernate.connection.", "hibernate.hikari.", "hibernate.c3p0.", "hibernate.hbm2ddl.", "hibernate.dialect",
      "hibernate.boot.allow_jdbc_metadata_access");

  /**
   * Every {@code hibernate.*} setting, as Hibernate's boot takes them; one it cannot honour is a
   * user error. {@code hibernate.dialect} is checked against the database and left out
   * ({@link DialectSetting}).
   */
  private static Map<String, String> hibernateProperties(Map<String, String> values, Map<String, String> origins,
      String url, String toolFile, SettingProblems problems) {
    Map<String, String> properties = new HashMap<>();
    values.forEach((key, value) -> {
      if (!key.startsWith("hibernate.") || value == null || value.isBlank()) {
        return;
      }
      if (key.equals(DialectSetting.KEY)) {
        problems.collect(() -> DialectSetting.requireFor(value, databaseOf(url), origins.getOrDefault(key, "the settings")));
        return;
      }
      for (String refused : REFUSED_HIBERNATE_PREFIXES) {
        if (key.startsWith(refused)) {
          String origin = origins.getOrDefault(key, "the settings");
          // Only a setting the application's own files give needs keeping for the application.
          boolean fromApplication = !origin.equals(toolFile) && !origin.startsWith("option ")
              && !origin.startsWith("environment variable ");
          problems.add(key + " in the settings cannot be honoured: the tool reads the entities without a"
              + " connection, through its own dialect, and never runs Hibernate's schema tools; remove it from "
              + origin + " (the database is url=)" + (fromApplication ? ", or, to keep it for the application,"
              + " leave it out for the tool with an empty " + key + "= in autogenerate.properties" : ""));
          return;
        }
      }
      properties.put(key, value.trim());
    });
    return properties;
  }

  /** The database a URL names, or null when there is none or the tool does not support it (said later, once). */
  private static DatabaseKind databaseOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      return DatabaseKind.fromJdbcUrl(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The tool's flags and durations, which only the tool's own file, environment and options set. */
  private record ToolChoices(boolean dropUnmappedIndexes, boolean dropUnmapped, Duration lockTimeout,
      Duration connectTimeout, LockSafety lockSafety, boolean singleTransaction) {}

  private static ToolChoices toolChoices(Values read) {
    return new ToolChoices(read.flag(DROP_UNMAPPED_INDEXES), read.flag(DROP_UNMAPPED),
        read.seconds(LOCK_TIMEOUT, LockWait.DEFAULT_TIMEOUT, 1),
        read.seconds(CONNECT_TIMEOUT, Settings.DEFAULT_CONNECT_TIMEOUT, 1),
        lockSafety(read), singleTransaction(read));
  }

  private static LockSafety lockSafety(Values read) {
    Duration timeout = read.seconds(LOCK_SAFE_LOCK_TIMEOUT, Duration.ZERO);
    return new LockSafety(read.flag(LOCK_SAFE_INDEXES), read.flag(LOCK_SAFE_CONSTRAINTS),
        timeout.isZero() ? Optional.empty() : Optional.of(timeout));
  }

  private static boolean singleTransaction(Values read) {
    String mode = read.value(TRANSACTION_MODE);
    if (mode == null || mode.trim().equalsIgnoreCase("per-revision")) {
      return false;
    }
    if (mode.trim().equalsIgnoreCase("single")) {
      return true;
    }
    read.wrong(TRANSACTION_MODE, "per-revision (the default: each revision commits on its own) or single (all the"
        + " revisions of an upgrade or downgrade in one transaction)");
    return false;
  }

  /**
   * A switch as the tool reads one wherever it is given: {@code true} or {@code false}, in any
   * case; empty for anything else, which is a mistake to tell, never a false.
   */
  public static Optional<Boolean> trueOrFalse(String value) {
    String trimmed = value.trim();
    return trimmed.equalsIgnoreCase("true") ? Optional.of(true)
        : trimmed.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
  }

  /**
   * The most seconds a duration setting takes: PostgreSQL's limit for a lock timeout (its
   * milliseconds in a 32-bit integer), and the JDBC drivers' for their timeouts; about 24 days.
   */
  static final long MAX_SECONDS = Integer.MAX_VALUE / 1000;

  /** The resolved values with where each came from, read as flags and durations; what does not read is a problem. */
  private record Values(Map<String, String> values, Map<String, String> origins, SettingProblems problems) {

    String value(String key) {
      return blankToNull(values.get(key));
    }

    /**
     * A {@code true} or {@code false} setting, in any case, false when not set. Anything else is
     * a problem, not false: {@code lock-safe.indexes=yes} read as false would lock the table the
     * user meant to keep open.
     */
    boolean flag(String key) {
      String value = value(key);
      if (value == null) {
        return false;
      }
      Optional<Boolean> flag = trueOrFalse(value);
      if (flag.isEmpty()) {
        wrong(key, "true or false");
      }
      return flag.orElse(false);
    }

    Duration seconds(String key, Duration otherwise) {
      return seconds(key, otherwise, 0);
    }

    /**
     * A duration of at least {@code least} seconds: a connection's wait, which only bounds, has
     * no "none" (0 had been taken for 1 s, where JDBC drivers read it as no limit at all); nor
     * has the migration lock's, where 0 meant not waiting at all, which a user test read as no
     * limit, as {@code lock-safe.lock-timeout} and PostgreSQL's {@code lock_timeout} mean it.
     */
    Duration seconds(String key, Duration otherwise, long least) {
      String value = value(key);
      if (value == null) {
        return otherwise;
      }
      try {
        long seconds = Long.parseLong(value.trim());
        if (seconds < least || seconds > MAX_SECONDS) {
          throw new NumberFormatException();
        }
        return Duration.ofSeconds(seconds);
      } catch (NumberFormatException e) {
        wrong(key, least == 0 ? "a whole number of seconds, at most " + MAX_SECONDS
            : "a whole number of seconds from " + least + " to " + MAX_SECONDS);
        return otherwise;
      }
    }

    /** {@code lock.timeout must be a whole number of seconds, not 'ten' (/app/autogenerate.properties)}. */
    void wrong(String key, String expected) {
      problems.add(key + " must be " + expected + ", not '" + values.get(key) + "' (" + origins.getOrDefault(key, "a default")
          + ")");
    }
  }

  /**
   * A relative SQLite file is relative to where it was configured (the properties file or the
   * working directory), not to wherever the JVM happens to run.
   */
  static String sqliteFileResolved(String url, Path base) {
    String prefix = "jdbc:sqlite:";
    if (url == null || !url.startsWith(prefix)) {
      return url;
    }
    String file = url.substring(prefix.length());
    if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:") || Path.of(file).isAbsolute()) {
      return url;
    }
    return prefix + base.resolve(file).normalize();
  }

  /**
   * The file a SQLite URL names ({@code jdbc:sqlite:app.db?journal_mode=wal}); none for an
   * in-memory or temporary database, a URI form, or another database.
   */
  static Optional<Path> sqliteFile(String url) {
    String prefix = "jdbc:sqlite:";
    if (url == null || !url.startsWith(prefix)) {
      return Optional.empty();
    }
    String file = url.substring(prefix.length());
    int query = file.indexOf('?');
    file = query < 0 ? file : file.substring(0, query);
    if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(file));
  }

  private static Map<String, String> namingConvention(Map<String, String> values, Map<String, String> origins,
      SettingProblems problems) {
    Map<String, String> templates = new HashMap<>();
    values.forEach((key, value) -> {
      if (key.startsWith(NAMING_CONVENTION)) {
        String kind = key.substring(NAMING_CONVENTION.length());
        if (!SettingKeys.NAMING_CONVENTION_KINDS.contains(kind)) {
          problems.add("unknown naming convention " + key + " (" + origins.getOrDefault(key, "the settings")
              + "): use naming.convention.pk, .uq, .ix, .fk or .ck");
          return;
        }
        // Empty, as any other key: the default template, not names made of nothing.
        if (blankToNull(value) != null) {
          templates.put(kind, value);
        }
      }
    });
    return templates;
  }

  /**
   * The keys and values of a settings file, trimmed, in the keys' order: read as UTF-8, a
   * byte-order mark dropped. Public for the Maven plugin, which reads what the file sets.
   *
   * @throws UserError when the file cannot be read, or is not UTF-8
   */
  public static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // Notepad and PowerShell 5 begin a UTF-8 file with a byte-order mark; it is no part of the first key.
      properties.load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
    } catch (CharacterCodingException e) {
      throw new UserError("cannot read config file " + file + ": it is not UTF-8 text (save it as UTF-8)");
    } catch (IOException e) {
      throw new UserError("cannot read config file " + file + ": " + e.getMessage());
    }
    // In the keys' order, so that the problems found in them are told in an order that stays.
    Map<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key.trim(), properties.getProperty(key).trim()));
    return values;
  }

  /**
   * The package of the migrations: as configured, or else what the directory says when it lies
   * under a source root ({@code src/main/java/com/example/migrations} gives
   * {@code com.example.migrations}), or else the default package.
   */
  static String migrationsPackage(String configured, String directory) {
    if (configured != null) {
      return configured.trim();
    }
    String normalized = directory.replace('\\', '/');
    int sourceRoot = normalized.lastIndexOf("/java/");
    if (sourceRoot >= 0) {
      String rest = normalized.substring(sourceRoot + "/java/".length()).replaceAll("/+$", "");
      return rest.replace('/', '.');
    }
    return "";
  }

  /** Splits a comma-separated (or, for paths, path-separator-separated) list. */
  public static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    Arrays.stream(value.split("[,\\n]|" + java.io.File.pathSeparator))
        .map(String::trim)
        .filter(item -> !item.isEmpty())
        .forEach(items::add);
    return items;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
