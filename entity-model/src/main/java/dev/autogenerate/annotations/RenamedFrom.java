package dev.autogenerate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that an entity's table or a field's column was called otherwise before, so that
 * {@code autogenerate -m} renames it, keeping its rows, instead of dropping the old one and adding
 * a new one, which loses the data.
 *
 * <pre>{@code
 * @Entity @Table(name = "people") @RenamedFrom("users")
 * public class Person {
 *   @RenamedFrom("nickname") String displayName;
 * }
 * }</pre>
 *
 * <p>On an entity class it names the old table (in the table's schema); on a field, or on the
 * getter of a property-access entity, the old column of the single column it maps (a basic
 * field, a {@code @ManyToOne} join column, a field of an embeddable). The name is the one the
 * database holds: folded to lower case unless written in quotes ({@code "\"Nick\""}), as
 * PostgreSQL folds unquoted names. Several names mean the table or column went through several
 * names; whichever the database has is renamed.
 *
 * <p>The annotation may stay once the rename is applied: a database that already has the new name
 * is left as it is. A name the database has neither under its old nor its new name is an error,
 * since a misspelt old name would otherwise lose the data silently.
 *
 * <p>This is the only class of Autogenerate an application's entities need, and it depends on
 * nothing but the JDK: the reader finds it by name, whatever class loader loaded it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {

  /** The old name or names, as the database has them. */
  String[] value();
}
