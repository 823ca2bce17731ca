package dev.autogenerate.changes;

import java.util.Optional;

/**
 * The project's say over what autogenerate proposes, in the spirit of Alembic's
 * {@code include_object} and {@code compare_type}: every change the comparison finds passes
 * through {@link #review} before it is written, so a team can leave out what it manages by other
 * means (a table another tool owns, a column whose type it widens by hand) or adjust a step.
 *
 * <p>Put an implementation with a public no-argument constructor on the entity class path and
 * either name it in {@code autogenerate.properties} ({@code compare.hook=com.example.MyHook}) or
 * list it in {@code META-INF/services/dev.autogenerate.changes.CompareHook}. The downgrade is
 * derived from the reviewed upgrade, so it always undoes exactly what the upgrade does.
 */
@FunctionalInterface
public interface CompareHook {

  /**
   * Decides one proposed change.
   *
   * @param proposed the change as the comparison found it: its operation (a record of {@code
   *     dev.autogenerate.operations}, such as {@code AlterColumn}) and its reason
   * @return the change to write, the same or adjusted ({@link Change#withOperation}); empty to
   *     leave it out of the migration
   */
  Optional<Change> review(Change proposed);
}
