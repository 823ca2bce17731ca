package dev.autogenerate.spring;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Makes the beans that use the database's schema wait for the migration: JPA's
 * {@code EntityManagerFactory} (so that Hibernate's validation and the first query see the
 * migrated schema) and Spring's JDBC templates. Bean definitions only name their dependencies, so
 * this adds the migration bean to each one's depends-on before any bean is created.
 */
final class DependsOnStartupMigration implements BeanFactoryPostProcessor, Ordered {

  /** The types of the beans that must wait, by name, since an application may have none of them. */
  private static final List<String> WAITING_TYPES = List.of(
      "jakarta.persistence.EntityManagerFactory",
      "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean",
      "org.springframework.jdbc.core.JdbcOperations",
      "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");

  private final String migrationBean;

  DependsOnStartupMigration(String migrationBean) {
    this.migrationBean = migrationBean;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    for (String name : waitingBeans(beanFactory)) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      Set<String> dependsOn = new LinkedHashSet<>();
      if (definition.getDependsOn() != null) {
        dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
      }
      dependsOn.add(migrationBean);
      definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
  }

  private Set<String> waitingBeans(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new LinkedHashSet<>();
    ClassLoader loader = beanFactory.getBeanClassLoader();
    for (String typeName : WAITING_TYPES) {
      if (!ClassUtils.isPresent(typeName, loader)) {
        continue;
      }
      Class<?> type = ClassUtils.resolveClassName(typeName, loader);
      for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type, true, false)) {
        String definitionName = BeanFactoryUtils.transformedBeanName(name);
        if (beanFactory.containsBeanDefinition(definitionName) && !definitionName.equals(migrationBean)) {
          names.add(definitionName);
        }
      }
    }
    return names;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
