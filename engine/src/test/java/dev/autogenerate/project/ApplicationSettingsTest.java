package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.runtime.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's own configuration (Spring Boot's application.yml / .properties with profiles,
 * persistence.xml) under autogenerate.properties, the environment and the options.
 */
class ApplicationSettingsTest {

  @TempDir Path project;

  private void write(String relativePath, String text) throws IOException {
    Path file = project.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private EffectiveSettings resolve(Map<String, String> environment, Map<String, String> options) {
    return SettingsLoader.resolve(project, null, environment, options);
  }

  private EffectiveSettings resolve() {
    return resolve(Map.of(), Map.of(SettingsLoader.CLASSPATH, "target/classes"));
  }

  private static final String APPLICATION_YML = """
      spring:
        datasource:
          url: jdbc:postgresql://db.example:5432/shop
          username: shop
          password: yml-secret
        jpa:
          hibernate:
            naming:
              physical-strategy: com.example.ShopNaming
          properties:
            hibernate:
              default_schema: sales
              type.preferred_instant_jdbc_type: TIMESTAMP
      """;

  @Test
  void aSpringBootApplicationYmlOnTheClassPathGivesTheDatabaseNamingAndHibernateSettings() throws Exception {
    write("target/classes/application.yml", APPLICATION_YML);

    EffectiveSettings effective = resolve();
    Settings settings = effective.settings();

    assertEquals("jdbc:postgresql://db.example:5432/shop", settings.url());
    assertEquals("shop", settings.user());
    assertEquals("yml-secret", settings.password());
    assertEquals("com.example.ShopNaming", settings.physicalNamingStrategy());
    assertEquals(Map.of("hibernate.default_schema", "sales", "hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"),
        settings.hibernateProperties());
    Path file = project.resolve("target/classes/application.yml");
    assertEquals(file + " (spring.datasource.url)", effective.origin(SettingsLoader.URL));
    assertEquals(file + " (spring.jpa.properties.hibernate.default_schema)", effective.origin("hibernate.default_schema"));
  }

  @Test
  void springBootsNamingDefaultsApplyWhereTheApplicationNamesNone() throws Exception {
    write("src/main/resources/application.properties", "spring.datasource.url=jdbc:sqlite:app.db\n");

    EffectiveSettings effective = resolve(Map.of(), Map.of());

    assertEquals("org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
        effective.settings().physicalNamingStrategy());
    assertEquals("dev.autogenerate.entities.SpringBootImplicitNamingStrategy",
        effective.settings().implicitNamingStrategy());
    assertEquals("default (Spring Boot application)", effective.origin(SettingsLoader.PHYSICAL_NAMING));
    // A relative SQLite file is where the application, run from the project, finds it.
    assertEquals("jdbc:sqlite:" + project.resolve("app.db"), effective.settings().url());
  }

  @Test
  void aSpringBootApplicationKeepsItsMigrationsWhereTheStarterRunsThemFrom() throws Exception {
    write("target/classes/application.properties", "spring.datasource.url=jdbc:sqlite:app.db\n");
    // The compiled application class names the annotation in its constant pool.
    write("target/classes/com/acme/shop/ShopApplication.class",
        "Lorg/springframework/boot/autoconfigure/SpringBootApplication;");
    write("target/classes/com/acme/shop/orders/Order.class", "an entity");

    EffectiveSettings beside = resolve();
    assertEquals(project.resolve("src/main/java/com/acme/shop/migrations"), beside.settings().migrations());
    assertEquals("com.acme.shop.migrations", beside.settings().migrationsPackage());
    assertEquals("default (Spring Boot application: migrations below the @SpringBootApplication package"
        + " com.acme.shop)", beside.origin(SettingsLoader.MIGRATIONS));

    write("target/classes/application.properties",
        "spring.datasource.url=jdbc:sqlite:app.db\nautogenerate.migrations-package=com.acme.db.changes\n");
    EffectiveSettings starter = resolve();
    assertEquals(project.resolve("src/main/java/com/acme/db/changes"), starter.settings().migrations());
    assertEquals("com.acme.db.changes", starter.settings().migrationsPackage());

    // Run from a multi-module build's root, the module's own sources hold them.
    write("web/target/classes/com/acme/web/WebApplication.class",
        "Lorg/springframework/boot/autoconfigure/SpringBootApplication;");
    write("web/target/classes/application.properties", "spring.datasource.url=jdbc:sqlite:app.db\n");
    assertEquals(project.resolve("web/src/main/java/com/acme/web/migrations"),
        resolve(Map.of(), Map.of(SettingsLoader.CLASSPATH, "web/target/classes")).settings().migrations());

    // Said to the tool, or a ./migrations folder of earlier runs: that stays.
    write("autogenerate.properties", "migrations=db/migrations\n");
    assertEquals(project.resolve("db/migrations"), resolve().settings().migrations());
    Files.delete(project.resolve("autogenerate.properties"));
    Files.createDirectories(project.resolve("migrations"));
    assertEquals(project.resolve("migrations"), resolve().settings().migrations());
  }

  /**
   * A plain Maven project: the command line wrote to ./migrations, the Maven plugin to the
   * groupId's package, so that a database adopted with one was a second history to the other.
   */
  @Test
  void aMavenProjectKeepsItsMigrationsWhereTheMavenPluginWritesThem() throws Exception {
    write("pom.xml", "<project><parent><groupId>com.acme</groupId></parent><artifactId>shop</artifactId></project>");

    EffectiveSettings inherited = resolve();
    assertEquals(project.resolve("src/main/java/com/acme/migrations"), inherited.settings().migrations());
    assertEquals("com.acme.migrations", inherited.settings().migrationsPackage());
    assertEquals("default (Maven project: where the Maven plugin writes them)",
        inherited.origin(SettingsLoader.MIGRATIONS));

    write("pom.xml", "<project><groupId>com.acme.shop-app</groupId><artifactId>shop</artifactId></project>");
    assertEquals("com.acme.shop_app.migrations", resolve().settings().migrationsPackage());

    // An aggregator has no sources of its own; the default stays.
    write("pom.xml", "<project><groupId>com.acme</groupId><packaging>pom</packaging></project>");
    assertEquals(project.resolve("migrations"), resolve().settings().migrations());

    // Said to the tool, or a ./migrations folder of earlier runs: that stays.
    write("pom.xml", "<project><groupId>com.acme</groupId></project>");
    assertEquals(project.resolve("db/changes"),
        resolve(Map.of(), Map.of(SettingsLoader.CLASSPATH, "target/classes", SettingsLoader.MIGRATIONS, "db/changes"))
            .settings().migrations());
    Files.createDirectories(project.resolve("migrations"));
    assertEquals(project.resolve("migrations"), resolve().settings().migrations());
  }

  /** Spring Boot activates a profile without files as readily: --profile stagin read the base settings alone, silently. */
  @Test
  void aProfileNoFileOfTheApplicationKnowsIsWarnedOfWithTheOneLikelyMeant() throws Exception {
    write("target/classes/application.yml", """
        spring:
          datasource:
            url: jdbc:sqlite:app.db
        ---
        spring:
          config:
            activate:
              on-profile: local
          datasource:
            url: jdbc:sqlite:local.db
        """);
    write("src/main/resources/application-staging.properties", "spring.datasource.url=jdbc:sqlite:staging.db\n");

    assertEquals(List.of(), withProfile("staging").warnings());
    assertEquals(List.of(), withProfile("local,staging").warnings());
    assertEquals(List.of("profile stagin has no settings of its own (no application-stagin.yml, .yaml or .properties,"
        + " no document on it): did you mean staging?"), withProfile("stagin").warnings());
    assertEquals(List.of("profile qa has no settings of its own (no application-qa.yml, .yaml or .properties, no"
        + " document on it) (profiles with settings: local, staging)"), withProfile("qa").warnings());
    assertEquals(List.of(), resolve().warnings(), "no profile asked for");
  }

  private EffectiveSettings withProfile(String profiles) {
    return resolve(Map.of(), Map.of(SettingsLoader.CLASSPATH, "target/classes", SettingsLoader.PROFILE, profiles));
  }

  /** A Spring Boot project not compiled (after mvn clean): its application class is in its sources. */
  @Test
  void aMavenSpringBootProjectWithoutClassesKeepsItsMigrationsBesideTheApplicationInItsSources() throws Exception {
    write("src/main/java/com/acme/shop/ShopApplication.java",
        "package com.acme.shop;\n\n@org.springframework.boot.autoconfigure.SpringBootApplication\npublic class ShopApplication {}\n");
    // The sources are read only where the POM names Spring Boot.
    write("pom.xml", "<project><groupId>com.acme</groupId><artifactId>shop</artifactId></project>");
    assertEquals("com.acme.migrations", resolve().settings().migrationsPackage());
    write("pom.xml", "<project><parent><groupId>org.springframework.boot</groupId>"
        + "<artifactId>spring-boot-starter-parent</artifactId></parent><groupId>com.acme</groupId></project>");

    EffectiveSettings settings = resolve();

    assertEquals(project.resolve("src/main/java/com/acme/shop/migrations"), settings.settings().migrations());
    assertEquals("com.acme.shop.migrations", settings.settings().migrationsPackage());
    // The starter's own setting, read from the sources' resources as the application would.
    write("src/main/resources/application.properties", "autogenerate.migrations-package=com.acme.shop.db\n");
    assertEquals(project.resolve("src/main/java/com/acme/shop/db"), resolve().settings().migrations());
    // Where the groupId's package holds migrations already, as the Maven plugin decides: an empty
    // folder there is not taken for that, by either (the plugin always asked for a source in it).
    Files.createDirectories(project.resolve("src/main/java/com/acme/migrations"));
    assertEquals("com.acme.shop.db", resolve().settings().migrationsPackage());
    write("src/main/java/com/acme/migrations/M20260101_000000_first.java", "package com.acme.migrations;\n");
    assertEquals("com.acme.migrations", resolve().settings().migrationsPackage());
  }

  /**
   * Spring Boot takes SPRING_DATASOURCE_URL over the file's spring.datasource.url; the tool read
   * the file only, and worked on another database than the application (a downgrade there too).
   */
  @Test
  void theApplicationsEnvironmentVariablesWinOverItsFilesAsInSpringBoot() throws Exception {
    write("src/main/resources/application.properties",
        "spring.datasource.url=jdbc:sqlite:file.db\nspring.datasource.username=file-user\n");

    EffectiveSettings effective = resolve(Map.of("SPRING_DATASOURCE_URL", "jdbc:sqlite:production.db",
        "SPRING_DATASOURCE_USERNAME", "deployer"), Map.of());

    assertEquals("jdbc:sqlite:" + project.resolve("production.db"), effective.settings().url());
    assertEquals("environment variable SPRING_DATASOURCE_URL", effective.origin(SettingsLoader.URL));
    assertEquals("deployer", effective.settings().user());
    assertEquals("jdbc:sqlite:" + project.resolve("tool.db"), resolve(Map.of("SPRING_DATASOURCE_URL", "jdbc:sqlite:production.db",
        "AUTOGENERATE_URL", "jdbc:sqlite:tool.db"), Map.of()).settings().url(), "the tool's own setting still wins");
  }

  /**
   * A misspelt starter key for the migrations' package was read past: -m wrote the migration
   * below the application's package, where the starter, told another one, would never run it.
   */
  @Test
  void aMisspeltMigrationsPackageKeyIsRefusedNamingTheKeyMeant() throws Exception {
    write("target/classes/com/acme/shop/ShopApplication.class",
        "Lorg/springframework/boot/autoconfigure/SpringBootApplication;");
    write("target/classes/application.yml", """
        spring:
          datasource:
            url: jdbc:sqlite:app.db
        autogenerate:
          fail-on-drift: true
          migration_package: com.acme.db.changes
        """);

    UserError refused = assertThrows(UserError.class, this::resolve);

    assertTrue(refused.getMessage().startsWith("autogenerate.migration_package in " + project.resolve("target/classes/application.yml")
        + " is no setting (did you mean autogenerate.migrations-package?)"), refused.getMessage());
    write("target/classes/application.yml", "spring.datasource.url: jdbc:sqlite:app.db\nautogenerate:\n"
        + "  migrations-package: com.acme.db.changes\n  migration-package: com.acme.db.other\n");
    assertThrows(UserError.class, this::resolve, "beside the right key too, as the starter refuses it");
    write("target/classes/application.yml",
        "spring.datasource.url: jdbc:sqlite:app.db\nautogenerate:\n  fail-on-drift: true\n  migrationsPackage: com.acme.db.changes\n");
    assertEquals("com.acme.db.changes", resolve().settings().migrationsPackage(), "another key of the starter, and a relaxed spelling");
  }

  /** Without --classpath the CLI looked in ./migrations, and said the database was at a revision no migration defines. */
  @Test
  void aSpringBootProjectToldNothingOfItsClassesUsesItsBuilds() throws Exception {
    write("src/main/resources/application.properties", "spring.datasource.url=jdbc:sqlite:app.db\n");
    write("target/classes/com/acme/shop/ShopApplication.class",
        "Lorg/springframework/boot/autoconfigure/SpringBootApplication;");

    EffectiveSettings effective = resolve(Map.of(), Map.of());

    assertEquals(List.of(project.resolve("target/classes")), effective.settings().classPath());
    assertEquals("default (Spring Boot application: its build's classes)", effective.origin(SettingsLoader.CLASSPATH));
    assertEquals(project.resolve("src/main/java/com/acme/shop/migrations"), effective.settings().migrations());
  }

  @Test
  void springBootClassesOnTheClassPathAloneMakeItASpringBootApplication() throws Exception {
    Files.createDirectories(project.resolve("lib"));
    try (OutputStream out = Files.newOutputStream(project.resolve("lib/spring-boot.jar"));
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new ZipEntry("org/springframework/boot/SpringApplication.class"));
      jar.closeEntry();
    }
    Settings settings = resolve(Map.of(), Map.of(SettingsLoader.CLASSPATH, "lib/spring-boot.jar")).settings();

    assertEquals(SettingsLoader.SPRING_BOOT_PHYSICAL_NAMING, settings.physicalNamingStrategy());
  }

  @Test
  void withoutSpringNoNamingDefaultsAreInvented() throws Exception {
    Settings settings = resolve().settings();

    assertNull(settings.physicalNamingStrategy());
    assertNull(settings.implicitNamingStrategy());
    assertNull(settings.url());
  }

  @Test
  void aHibernateNamingSettingKeepsSpringBootsDefaultAway() throws Exception {
    write("target/classes/application.yml", """
        spring.jpa.properties.hibernate.physical_naming_strategy: com.example.Physical
        """);

    Settings settings = resolve().settings();

    assertNull(settings.physicalNamingStrategy());
    assertEquals("com.example.Physical", settings.hibernateProperties().get("hibernate.physical_naming_strategy"));
    assertEquals(SettingsLoader.SPRING_BOOT_IMPLICIT_NAMING, settings.implicitNamingStrategy());
  }

  @Test
  void explicitSettingsOverrideTheApplicationsFile() throws Exception {
    write("target/classes/application.yml", APPLICATION_YML);
    write("autogenerate.properties", String.join("\n",
        "url=jdbc:sqlite:tool.db",
        "naming.physical-strategy=com.example.ToolNaming",
        "hibernate.default_schema=tool",
        "classpath=target/classes",
        ""));

    EffectiveSettings fileOnly = resolve(Map.of(), Map.of());
    assertEquals("jdbc:sqlite:" + project.resolve("tool.db"), fileOnly.settings().url());
    assertEquals("com.example.ToolNaming", fileOnly.settings().physicalNamingStrategy());
    assertEquals("tool", fileOnly.settings().hibernateProperties().get("hibernate.default_schema"));
    assertEquals("TIMESTAMP", fileOnly.settings().hibernateProperties().get("hibernate.type.preferred_instant_jdbc_type"));
    assertEquals("shop", fileOnly.settings().user());
    assertEquals(project.resolve("autogenerate.properties").toString(), fileOnly.origin(SettingsLoader.URL));

    EffectiveSettings withEnvironment = resolve(Map.of("AUTOGENERATE_USER", "env-user"), Map.of());
    assertEquals("env-user", withEnvironment.settings().user());
    assertEquals("environment variable AUTOGENERATE_USER", withEnvironment.origin(SettingsLoader.USER));

    Map<String, String> options = new HashMap<>();
    options.put(SettingsLoader.USER, "option-user");
    EffectiveSettings withOption = resolve(Map.of("AUTOGENERATE_USER", "env-user"), options);
    assertEquals("option-user", withOption.settings().user());
    assertEquals("option --user", withOption.origin(SettingsLoader.USER));
  }

  @Test
  void theProfileFilesOverrideTheBaseOnesAndLaterProfilesWin() throws Exception {
    write("target/classes/application.yml", APPLICATION_YML);
    write("target/classes/application-dev.properties", "spring.datasource.username=dev\nspring.datasource.password=dev-secret\n");
    write("target/classes/application-local.yml", "spring.datasource.username: local\n");

    Map<String, String> options = new HashMap<>(Map.of(SettingsLoader.CLASSPATH, "target/classes"));
    assertEquals("shop", resolve(Map.of(), options).settings().user());

    options.put(SettingsLoader.PROFILE, "dev,local");
    Settings both = resolve(Map.of(), options).settings();
    assertEquals("local", both.user());
    assertEquals("dev-secret", both.password());

    options.put(SettingsLoader.PROFILE, "local,dev");
    assertEquals("dev", resolve(Map.of(), options).settings().user());

    options.remove(SettingsLoader.PROFILE);
    assertEquals("local", resolve(Map.of("SPRING_PROFILES_ACTIVE", "local"), options).settings().user());
    options.put(SettingsLoader.PROFILE, "dev");
    assertEquals("dev", resolve(Map.of("SPRING_PROFILES_ACTIVE", "local"), options).settings().user(),
        "--profile overrides SPRING_PROFILES_ACTIVE");
  }

  @Test
  void theFilesOwnActiveProfileAndProfileDocumentsApply() throws Exception {
    write("target/classes/application.yml", """
        spring:
          profiles.active: prod
          datasource.username: base
        ---
        spring:
          config.activate.on-profile: prod
          datasource.username: prod-in-document
        ---
        spring:
          config.activate.on-profile: test
          datasource.username: test-in-document
        """);

    assertEquals("prod-in-document", resolve().settings().user());
  }

  @Test
  void thePropertiesFileOverridesTheYamlOneAndTheClassPathOverridesSources() throws Exception {
    write("src/main/resources/application.yml", "spring.datasource.username: source-yml\nspring.datasource.password: p\n");
    write("target/classes/application.yml", "spring.datasource.username: compiled-yml\nspring.datasource.password: y\n");
    write("target/classes/application.properties", "spring.datasource.password=compiled-properties\n");
    write("src/main/resources/application.properties", "spring.datasource.username=source-properties\n");

    Settings settings = resolve().settings();

    assertEquals("compiled-yml", settings.user());
    assertEquals("compiled-properties", settings.password());
  }

  @Test
  void placeholdersResolveFromTheEnvironmentOrTheirDefault() throws Exception {
    write("target/classes/application.yml", """
        spring:
          datasource:
            url: ${DB_URL:jdbc:postgresql://localhost/dev}
            password: ${DB_PASSWORD}
        """);

    Map<String, String> options = Map.of(SettingsLoader.CLASSPATH, "target/classes");
    Settings settings = resolve(Map.of("DB_PASSWORD", "from-env"), options).settings();
    assertEquals("jdbc:postgresql://localhost/dev", settings.url());
    assertEquals("from-env", settings.password());

    UserError error = assertThrows(UserError.class, () -> resolve(Map.of(), options));
    assertTrue(error.getMessage().startsWith("cannot resolve ${DB_PASSWORD} in "
        + project.resolve("target/classes/application.yml") + " (spring.datasource.password)"), error.getMessage());

    // Told with what the tool's own file has wrong, not instead of it.
    Files.writeString(project.resolve("autogenerate.properties"), "colour=blue\nlock.timeout=ten\n");
    UserError all = assertThrows(UserError.class, () -> resolve(Map.of(), options));
    assertTrue(all.getMessage().startsWith("3 settings are wrong: unknown setting colour in "), all.getMessage());
    assertTrue(all.getMessage().contains("; lock.timeout must be a whole number of seconds"), all.getMessage());
    assertTrue(all.getMessage().contains("; cannot resolve ${DB_PASSWORD} in "), all.getMessage());
    Files.delete(project.resolve("autogenerate.properties"));

    // Given to the tool otherwise (an option, the environment, the file), it is no error: the
    // application's value is not used.
    assertEquals("secret", resolve(Map.of(), Map.of(SettingsLoader.CLASSPATH, "target/classes",
        SettingsLoader.PASSWORD, "secret")).settings().password());
    assertEquals("secret", resolve(Map.of("AUTOGENERATE_PASSWORD", "secret"), options).settings().password());
    Files.writeString(project.resolve("autogenerate.properties"), "password=secret\n");
    assertEquals("secret", resolve(Map.of(), options).settings().password());
  }

  @Test
  void anUnresolvablePlaceholderTheToolDoesNotNeedIsNoError() throws Exception {
    write("target/classes/application.yml", "server.port: ${PORT}\nspring.datasource.username: u\n");

    assertEquals("u", resolve().settings().user());
  }

  @Test
  void aHibernateSettingTheToolCannotHonourIsRefusedNamingTheApplicationsFile() throws Exception {
    write("target/classes/application.properties", "spring.jpa.properties.hibernate.hbm2ddl.auto=update\n");

    UserError error = assertThrows(UserError.class, () -> resolve());

    assertTrue(error.getMessage().startsWith("hibernate.hbm2ddl.auto in the settings cannot be honoured"),
        error.getMessage());
    assertTrue(error.getMessage().contains("application.properties (spring.jpa.properties.hibernate.hbm2ddl.auto)"),
        error.getMessage());
    assertTrue(error.getMessage().endsWith("leave it out for the tool with an empty hibernate.hbm2ddl.auto= in"
        + " autogenerate.properties"), error.getMessage());

    // Written in the tool's own file, it is only to be removed there.
    Files.writeString(project.resolve("autogenerate.properties"), "hibernate.hbm2ddl.auto=update\n");
    UserError own = assertThrows(UserError.class, () -> resolve());
    assertTrue(own.getMessage().endsWith("remove it from " + project.resolve("autogenerate.properties").toAbsolutePath()
        .normalize() + " (the database is url=)"), own.getMessage());
  }

  /** The way out the refusal names: the application keeps its setting, the tool leaves it out. */
  @Test
  void anEmptyKeyInTheToolsSettingsLeavesTheApplicationsValueOut() throws Exception {
    write("target/classes/application.properties", String.join("\n",
        "spring.jpa.properties.hibernate.hbm2ddl.auto=validate",
        "spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type=TIMESTAMP", ""));
    write("autogenerate.properties", "hibernate.hbm2ddl.auto=\n");

    Settings settings = resolve().settings();

    assertEquals(Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), settings.hibernateProperties());
  }

  @Test
  void aDialectOfTheConnectedDatabaseIsAcceptedAndLeftOutSinceTheToolPicksItsOwn() throws Exception {
    write("target/classes/application.properties", """
        spring.datasource.url=jdbc:postgresql://db/shop
        spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect
        spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type=TIMESTAMP
        """);

    Settings settings = resolve().settings();

    assertEquals(Map.of("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), settings.hibernateSettings());
  }

  @Test
  void aSqliteDialectIsAcceptedForASqliteDatabaseAndAnyDialectOfTheTwoBeforeAUrlIsKnown() throws Exception {
    write("target/classes/application.properties", """
        spring.datasource.url=jdbc:sqlite:app.db
        spring.jpa.properties.hibernate.dialect=org.hibernate.community.dialect.SQLiteDialect
        """);
    assertEquals(Map.of(), resolve().settings().hibernateSettings());

    write("target/classes/application.properties",
        "spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect\n");
    assertEquals(Map.of(), resolve().settings().hibernateSettings());
  }

  @Test
  void aDialectOfAnotherDatabaseThanTheUrlsIsRefusedNamingTheFileAndTheFix() throws Exception {
    write("target/classes/application.properties", """
        spring.datasource.url=jdbc:sqlite:app.db
        spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect
        """);

    UserError error = assertThrows(UserError.class, () -> resolve());

    assertTrue(error.getMessage().startsWith("hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect in "),
        error.getMessage());
    assertTrue(error.getMessage().contains("application.properties (spring.jpa.properties.hibernate.dialect)"),
        error.getMessage());
    assertTrue(error.getMessage().contains("is a PostgreSQL dialect, but the database is SQLite"), error.getMessage());
  }

  @Test
  void aDialectOfADatabaseTheToolDoesNotSupportIsRefused() throws Exception {
    write("target/classes/application.properties", """
        spring.datasource.url=jdbc:postgresql://db/shop
        spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.H2Dialect
        """);

    UserError error = assertThrows(UserError.class, () -> resolve());

    assertTrue(error.getMessage().contains("org.hibernate.dialect.H2Dialect in ")
        && error.getMessage().contains("is not a PostgreSQL or SQLite dialect"), error.getMessage());
  }

  @Test
  void persistenceXmlGivesTheDatabaseAndHibernateSettingsWithoutSpringDefaults() throws Exception {
    write("target/classes/META-INF/persistence.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
          <persistence-unit name="shop">
            <properties>
              <property name="jakarta.persistence.jdbc.url" value="jdbc:postgresql://db/shop"/>
              <property name="jakarta.persistence.jdbc.user" value="jpa-user"/>
              <property name="jakarta.persistence.jdbc.password" value="jpa-secret"/>
              <property name="hibernate.default_schema" value="sales"/>
              <property name="jakarta.persistence.schema-generation.database.action" value="none"/>
            </properties>
          </persistence-unit>
        </persistence>
        """);

    EffectiveSettings effective = resolve();

    assertEquals("jdbc:postgresql://db/shop", effective.settings().url());
    assertEquals("jpa-user", effective.settings().user());
    assertEquals("jpa-secret", effective.settings().password());
    assertEquals(Map.of("hibernate.default_schema", "sales"), effective.settings().hibernateProperties());
    assertNull(effective.settings().physicalNamingStrategy());
    assertTrue(effective.origin(SettingsLoader.URL).endsWith("persistence.xml (jakarta.persistence.jdbc.url)"));
  }

  @Test
  void springFilesOverridePersistenceXml() throws Exception {
    write("target/classes/META-INF/persistence.xml", """
        <persistence><persistence-unit name="u"><properties>
        <property name="jakarta.persistence.jdbc.url" value="jdbc:sqlite:jpa.db"/>
        <property name="jakarta.persistence.jdbc.user" value="jpa"/>
        </properties></persistence-unit></persistence>
        """);
    write("target/classes/application.properties", "spring.datasource.username=spring\n");

    Settings settings = resolve().settings();

    assertEquals("spring", settings.user());
    assertEquals("jdbc:sqlite:" + project.resolve("jpa.db"), settings.url());
  }

  @Test
  void theReportShowsEachValueAndItsOriginWithPasswordsMasked() throws Exception {
    write("target/classes/application.yml", """
        spring:
          datasource:
            url: jdbc:postgresql://shop:url-secret@db.example/shop?password=param-secret
            password: yml-secret
          jpa.properties.hibernate.connection_password_note: hidden-secret
        """);
    // A hibernate.* key holding a password is masked too (this one is made up, and allowed).
    EffectiveSettings effective = resolve();

    List<String> lines = SettingsReport.lines(effective);
    String report = String.join("\n", lines);

    assertFalse(report.contains("secret"), report);
    Path file = project.resolve("target/classes/application.yml");
    assertTrue(lines.contains("password = ***  [" + file + " (spring.datasource.password)]"), report);
    assertTrue(lines.contains("url = jdbc:postgresql://shop:***@db.example/shop?password=***  ["
        + file + " (spring.datasource.url)]"), report);
    assertTrue(lines.contains("classpath = " + project.resolve("target/classes") + "  [option --classpath]"), report);
    assertTrue(lines.contains("lock.timeout = 600  [default]"), report);
    assertTrue(lines.contains("naming.physical-strategy = " + SettingsLoader.SPRING_BOOT_PHYSICAL_NAMING
        + "  [default (Spring Boot application)]"), report);
    assertTrue(lines.contains("user = (none)  [default]"), report);
  }
}
