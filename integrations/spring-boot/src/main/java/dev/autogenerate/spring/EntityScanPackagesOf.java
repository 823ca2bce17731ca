package dev.autogenerate.spring;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;

/**
 * The packages {@code @EntityScan} names. Kept apart so that the class it reads is loaded only
 * when the application has Spring Boot's persistence module.
 */
final class EntityScanPackagesOf {

  static final String TYPE = "org.springframework.boot.persistence.autoconfigure.EntityScanPackages";

  private EntityScanPackagesOf() {}

  static List<String> get(BeanFactory beanFactory) {
    return List.copyOf(EntityScanPackages.get(beanFactory).getPackageNames());
  }
}
