package dev.autogenerate.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Places a {@link Migration} in the revision history, a graph: each revision names its parents,
 * so two revisions may revise the same one (a branch, as two developers each running {@code -m}
 * make) and a merge revision joins branches again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

  /** This revision's id, unique in the history. */
  String id();

  /**
   * The ids of the revisions this one follows: one for an ordinary revision ({@code revises =
   * "9b1c2d3e4f5a"}, which Java reads as a one-element array), two or more for a merge that joins
   * branches ({@code revises = {"9b1c2d3e4f5a", "4e5f6a7b8c9d"}}), none for the first revision.
   */
  String[] revises() default {};

  /** What the revision does, as given to {@code autogenerate -m}. */
  String message() default "";

  /** When the revision was generated, ISO-8601 in UTC. */
  String created() default "";
}
