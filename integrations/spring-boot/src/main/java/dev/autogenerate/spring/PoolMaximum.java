package dev.autogenerate.spring;

import java.util.List;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.util.ClassUtils;

/**
 * The most connections the application's pool lends at once, as Spring Boot's pool metadata
 * tells it (Hikari, Tomcat, Commons DBCP2, Oracle UCP): the migration holds two while it runs
 * (see {@code Migrator.withLockConnections}), and a pool of one would make it wait for the pool's
 * connection timeout before it fell back to one. Unknown without Spring Boot's JDBC support or
 * for another pool.
 */
final class PoolMaximum {

  private static final String PROVIDER = "org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider";

  private PoolMaximum() {}

  static OptionalInt of(DataSource dataSource, BeanFactory beans, ClassLoader loader) {
    // The metadata's classes are named only past this check, in a class of their own.
    return ClassUtils.isPresent(PROVIDER, loader) ? Metadata.maximum(dataSource, beans) : OptionalInt.empty();
  }

  private static final class Metadata {
    static OptionalInt maximum(DataSource dataSource, BeanFactory beans) {
      List<DataSourcePoolMetadataProvider> providers =
          beans.getBeanProvider(DataSourcePoolMetadataProvider.class).orderedStream().toList();
      DataSourcePoolMetadata metadata = new CompositeDataSourcePoolMetadataProvider(providers)
          .getDataSourcePoolMetadata(dataSource);
      Integer maximum = metadata == null ? null : metadata.getMax();
      return maximum == null ? OptionalInt.empty() : OptionalInt.of(maximum);
    }
  }
}
