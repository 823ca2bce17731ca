package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import dev.autogenerate.schema.DatabaseKind;
import java.util.Locale;
import java.util.Optional;

/**
 * The application's {@code hibernate.dialect}, which a Spring Boot application commonly sets
 * ({@code spring.jpa.properties.hibernate.dialect}). The tool picks its dialect itself: the
 * entities are read through PostgreSQL's type system and the database is the connection's, so the
 * setting changes nothing it does. A dialect for the database the tool connects to is accepted and
 * left out; one for another database means the application runs on a database other than the
 * one compared, so it is refused rather than ignored.
 */
public final class DialectSetting {

  public static final String KEY = "hibernate.dialect";

  private DialectSetting() {}

  /**
   * The database a dialect is for, told by its class name ({@code PostgreSQLDialect}, {@code
   * PostgreSQL10Dialect}, Hibernate's community {@code SQLiteDialect}, an application's own
   * {@code MySqliteDialect}); empty for any other database.
   */
  public static Optional<DatabaseKind> kindOf(String dialect) {
    String simpleName = dialect.substring(dialect.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (simpleName.contains("postgres")) {
      return Optional.of(DatabaseKind.POSTGRESQL);
    }
    if (simpleName.contains("sqlite")) {
      return Optional.of(DatabaseKind.SQLITE);
    }
    return Optional.empty();
  }

  /**
   * Accepts a dialect for {@code database}, or for either supported database when it is not known
   * (no URL yet: the connection decides later).
   *
   * @param database the database compared, or null when not known
   * @param origin where the setting came from, for the message
   * @throws UserError when the dialect is for another database, naming the setting and the fix
   */
  public static void requireFor(String dialect, DatabaseKind database, String origin) {
    Optional<DatabaseKind> kind = kindOf(dialect.strip());
    if (kind.isEmpty()) {
      throw new UserError(KEY + "=" + dialect.strip() + " in " + origin + " is not a PostgreSQL or SQLite dialect,"
          + " the databases this tool supports: remove it, or use the application's PostgreSQL or SQLite configuration"
          + " (the tool takes the dialect from the database it connects to)");
    }
    if (database != null && kind.get() != database) {
      throw new UserError(KEY + "=" + dialect.strip() + " in " + origin + " is a " + kind.get().productName()
          + " dialect, but the database is " + database.productName() + ": remove it, or point the URL at the "
          + kind.get().productName() + " database the application runs on");
    }
  }
}
