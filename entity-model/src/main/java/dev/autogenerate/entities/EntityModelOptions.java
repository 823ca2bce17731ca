package dev.autogenerate.entities;

import java.util.Map;
import java.util.Objects;

/**
 * How to read entities: with which class loader, and with the application's naming strategies
 * (class names, as in {@code hibernate.physical_naming_strategy}) and further Hibernate settings.
 *
 * @param implicitNamingStrategy class name, or null for Hibernate's default
 * @param physicalNamingStrategy class name, or null for Hibernate's default
 * @param hibernateSettings further Hibernate settings the application uses, applied as they are
 */
public record EntityModelOptions(
    ClassLoader classLoader,
    String implicitNamingStrategy,
    String physicalNamingStrategy,
    Map<String, String> hibernateSettings) {

  public EntityModelOptions {
    Objects.requireNonNull(classLoader, "classLoader");
    hibernateSettings = Map.copyOf(hibernateSettings);
  }

  public static EntityModelOptions using(ClassLoader classLoader) {
    return new EntityModelOptions(classLoader, null, null, Map.of());
  }

  public EntityModelOptions withNamingStrategies(String implicit, String physical) {
    return new EntityModelOptions(classLoader, implicit, physical, hibernateSettings);
  }
}
