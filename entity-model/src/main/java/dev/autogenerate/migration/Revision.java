package dev.autogenerate.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Places a {@link Migration} in the revision history. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

  /** This revision's id, unique in the history. */
  String id();

  /** The id of the revision this one follows; empty for the first revision. */
  String revises() default "";

  /** What the revision does, as given to {@code autogenerate -m}. */
  String message() default "";

  /** When the revision was generated, ISO-8601 in UTC. */
  String created() default "";
}
