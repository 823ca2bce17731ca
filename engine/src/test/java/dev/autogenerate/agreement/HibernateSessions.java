package dev.autogenerate.agreement;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/** Hibernate itself, started on compiled test entities with a schema action (create, validate). */
final class HibernateSessions {

  private HibernateSessions() {}

  static SessionFactory start(TestDatabase database, List<Class<?>> classes, String schemaAction) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // Hibernate loads mapped classes by name too; they live in the test's own class loader.
    thread.setContextClassLoader(classes.get(0).getClassLoader());
    try {
      Configuration configuration = new Configuration();
      classes.stream()
          .filter(type -> type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class))
          .forEach(configuration::addAnnotatedClass);
      configuration.setProperty("hibernate.connection.url", database.url());
      if (database.user() != null) {
        configuration.setProperty("hibernate.connection.username", database.user());
      }
      if (database.password() != null) {
        configuration.setProperty("hibernate.connection.password", database.password());
      }
      if (database.kind() == DatabaseKind.SQLITE) {
        configuration.setProperty("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
      }
      configuration.setProperty("hibernate.hbm2ddl.auto", schemaAction);
      return configuration.buildSessionFactory();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
