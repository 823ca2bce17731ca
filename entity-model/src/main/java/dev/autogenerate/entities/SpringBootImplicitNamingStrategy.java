package dev.autogenerate.entities;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * The implicit naming Spring Boot applies by default ({@code SpringImplicitNamingStrategy} in
 * spring-boot's {@code org.springframework.boot.orm.jpa.hibernate}), for applications whose class
 * path the tool reads without Spring Boot on its own. Spring Boot's strategy is Hibernate's
 * JPA-compliant one except for join tables: {@code {owning physical table}_{owning property}}
 * (an {@code Order.items} many-to-many in table {@code orders} gives {@code orders_items}) where
 * JPA says {@code {owning entity}_{inverse entity}}. Without it, a Spring Boot application's join
 * tables would all look renamed.
 */
public class SpringBootImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

  @Override
  public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
    String name = source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty();
    return toIdentifier(name, source.getBuildingContext());
  }
}
