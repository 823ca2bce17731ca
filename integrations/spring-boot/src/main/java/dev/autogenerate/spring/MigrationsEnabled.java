package dev.autogenerate.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@code autogenerate.enabled} lets the migrations run, read as Spring binds the property
 * to a boolean: {@code false}, {@code off}, {@code no} and {@code 0} turn them off, as they read
 * for {@link AutogenerateProperties#enabled()}, where a plain {@code @ConditionalOnProperty}
 * without a value had taken every value but {@code false} for on; unset, they run.
 */
class MigrationsEnabled extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    boolean enabled = Binder.get(context.getEnvironment()).bind("autogenerate.enabled", Boolean.class).orElse(true);
    return enabled ? ConditionOutcome.match("autogenerate.enabled is on or unset")
        : ConditionOutcome.noMatch("autogenerate.enabled is off");
  }
}
