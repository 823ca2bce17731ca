package dev.autogenerate.spring;

import dev.autogenerate.database.Database;
import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.entities.EntityModelOptions;
import dev.autogenerate.entities.SpringBootImplicitNamingStrategy;
import dev.autogenerate.project.DialectSetting;
import dev.autogenerate.project.Project;
import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Reads the application's entities into the tool's model as its JPA would map them: the classes
 * in its entity packages, with the naming strategies and {@code spring.jpa.properties.hibernate.*}
 * settings Spring Boot gives Hibernate, defaults included.
 *
 * @param namingBeans the class names of the application's {@code PhysicalNamingStrategy} and
 *     {@code ImplicitNamingStrategy} beans, which Spring Boot prefers to its properties; null
 *     where there is none
 */
record EntityModelSource(List<String> packages, PackageScan scan, Environment environment, NamingBeans namingBeans) {

  /** The class names of the naming strategies the application declares as beans, or null. */
  record NamingBeans(String physical, String implicit) {}

  /** Spring Boot 4's defaults when nothing names a strategy. */
  static final String BOOT_PHYSICAL_NAMING = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
  static final String BOOT_IMPLICIT_NAMING = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

  /**
   * Settings the application's Hibernate uses at run time and that say nothing about the mapping;
   * passed to a reading without a connection they could only get in its way.
   */
  private static final List<String> RUNTIME_ONLY = List.of("hibernate.connection.", "hibernate.hikari.",
      "hibernate.c3p0.", "hibernate.hbm2ddl.auto", "hibernate.boot.allow_jdbc_metadata_access");

  EntityModel read(Connection connection) throws SQLException {
    List<Class<?>> classes = scan.classNames(packages, List.of(new AnnotationTypeFilter(Entity.class),
            new AnnotationTypeFilter(MappedSuperclass.class), new AnnotationTypeFilter(Embeddable.class),
            new AnnotationTypeFilter(Converter.class)))
        .stream().<Class<?>>map(scan::load).toList();
    if (classes.stream().noneMatch(type -> type.isAnnotationPresent(Entity.class))) {
      throw new UserError("no entity classes in " + String.join(", ", packages)
          + ": set autogenerate.entity-packages to the packages of the application's entities");
    }
    Map<String, String> jpa = binder().bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of());
    DatabaseKind database = Database.of(connection).kind();
    String platform = binder().bind("spring.jpa.database-platform", String.class).orElse(null);
    if (platform != null && !platform.isBlank()) {
      DialectSetting.requireFor(platform, database, "spring.jpa.database-platform");
    }
    Map<String, String> hibernate = hibernateSettings(jpa, database);
    ClassLoader loader = scan.classLoader();
    EntityModelOptions options = new EntityModelOptions(loader,
        strategy(namingBeans.implicit(), "implicit-strategy", jpa.get("hibernate.implicit_naming_strategy"),
            present(BOOT_IMPLICIT_NAMING, loader) ? BOOT_IMPLICIT_NAMING : SpringBootImplicitNamingStrategy.class.getName()),
        strategy(namingBeans.physical(), "physical-strategy", jpa.get("hibernate.physical_naming_strategy"),
            BOOT_PHYSICAL_NAMING),
        hibernate);
    return Project.readEntities(options, classes);
  }

  /**
   * A naming strategy as Spring Boot picks it: a bean, else {@code spring.jpa.hibernate.naming.*},
   * else Hibernate's own setting, else Spring Boot's default.
   */
  private String strategy(String bean, String namingKey, String hibernateSetting, String bootDefault) {
    if (bean != null) {
      return bean;
    }
    String named = binder().bind("spring.jpa.hibernate.naming." + namingKey, String.class).orElse(null);
    if (named != null && !named.isBlank()) {
      return named.strip();
    }
    return hibernateSetting != null && !hibernateSetting.isBlank() ? hibernateSetting.strip() : bootDefault;
  }

  /**
   * The {@code hibernate.*} settings that shape the mapping ({@code hibernate.type.*},
   * {@code hibernate.id.*}, {@code hibernate.default_schema}, ...). The dialect is the tool's own,
   * so the application's is only checked to be for the database it runs on ({@link DialectSetting}).
   */
  static Map<String, String> hibernateSettings(Map<String, String> jpa, DatabaseKind database) {
    Map<String, String> settings = new LinkedHashMap<>();
    jpa.forEach((key, value) -> {
      if (!key.startsWith("hibernate.") || value == null || value.isBlank()
          || RUNTIME_ONLY.stream().anyMatch(key::startsWith)
          || key.equals("hibernate.physical_naming_strategy") || key.equals("hibernate.implicit_naming_strategy")) {
        return;
      }
      if (key.equals(DialectSetting.KEY)) {
        DialectSetting.requireFor(value, database, "spring.jpa.properties." + key);
        return;
      }
      settings.put(key, value.strip());
    });
    return settings;
  }

  private Binder binder() {
    return Binder.get(environment);
  }

  private static boolean present(String className, ClassLoader loader) {
    return ClassUtils.isPresent(className, loader);
  }
}
