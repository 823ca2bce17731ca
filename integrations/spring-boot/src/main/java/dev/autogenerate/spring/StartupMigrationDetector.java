package dev.autogenerate.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that the start-up migration initializes the database, as its Flyway and
 * Liquibase support do: its SQL scripts ({@code spring.sql.init}, whose detector comes later in
 * order) and the beans marked {@code @DependsOnDatabaseInitialization} then wait for the
 * migration. Without it, {@code data.sql} ran on a database without the tables yet.
 */
public final class StartupMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(StartupMigration.class);
  }
}
