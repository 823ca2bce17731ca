package dev.autogenerate.project;

import dev.autogenerate.compare.DiffOptions;
import dev.autogenerate.compare.LockSafety;
import dev.autogenerate.compare.NamingConvention;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.runtime.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a command needs to know about the user's project, resolved from the properties
 * file, the environment and the command-line options (in rising order of precedence).
 *
 * @param entities packages or class names holding the entities; empty means every class on
 *     {@code classPath}
 * @param classPath where the compiled entity classes and their dependencies are
 * @param migrationsPackage the package of generated migrations ("" for the default package)
 * @param excludeTables table-name globs the tool leaves alone
 * @param implicitNamingStrategy Hibernate implicit naming strategy class, or null
 * @param physicalNamingStrategy Hibernate physical naming strategy class, or null
 * @param namingConvention constraint and index name templates by kind (pk, uq, ix, fk, ck)
 * @param dropUnmappedIndexes whether indexes only the database has are dropped, not just reported
 * @param dropUnmapped whether every object only the database has is dropped, even if no migration
 *     created it
 * @param hibernateProperties every {@code hibernate.*} setting, passed to Hibernate's boot as the
 *     application's own configuration would ({@code hibernate.default_schema},
 *     {@code hibernate.type.preferred_instant_jdbc_type}, naming strategies, ...)
 * @param compareHook the class name of the project's {@code CompareHook}, or null to look for one
 *     registered as a service on the entity class path
 * @param lockTimeout how long upgrade and downgrade wait for another process migrating the database
 * @param connectTimeout how long to wait for the database to accept the connection and answer
 * @param lockSafety the forms {@code -m} writes so that migrations keep busy PostgreSQL tables
 *     available (concurrent indexes, validated constraints, a lock timeout per revision)
 * @param singleTransaction whether upgrade and downgrade run all their revisions in one
 *     transaction ({@code transaction.mode=single}) rather than one each
 */
public record Settings(
    String url,
    String user,
    String password,
    List<String> entities,
    List<Path> classPath,
    Path migrations,
    String migrationsPackage,
    List<String> excludeTables,
    String implicitNamingStrategy,
    String physicalNamingStrategy,
    Map<String, String> namingConvention,
    boolean dropUnmappedIndexes,
    boolean dropUnmapped,
    Map<String, String> hibernateProperties,
    String compareHook,
    Duration lockTimeout,
    Duration connectTimeout,
    LockSafety lockSafety,
    boolean singleTransaction) {

  /** Long enough for a slow network, short enough that a dead server fails a CI job quickly. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  public Settings {
    entities = List.copyOf(entities);
    classPath = List.copyOf(classPath);
    excludeTables = List.copyOf(excludeTables);
    namingConvention = Map.copyOf(namingConvention);
    hibernateProperties = Map.copyOf(hibernateProperties);
  }

  /** The Hibernate settings the entities are read with. */
  public Map<String, String> hibernateSettings() {
    return hibernateProperties;
  }

  /** How the diff compares, as configured. */
  public DiffOptions diffOptions() {
    try {
      return new DiffOptions(NamingConvention.of(namingConvention), dropUnmappedIndexes, dropUnmapped,
          DiffOptions.KEEP_ALL);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage() + " (naming.convention.* in autogenerate.properties)");
    }
  }

  /**
   * Fails with a user error naming the fix when there is no URL or it names a database the tool
   * does not support; which database it is, is decided from the connection.
   */
  public void requireSupportedUrl() {
    if (url == null || url.isBlank()) {
      throw new UserError("no database URL: set url= in autogenerate.properties, AUTOGENERATE_URL, --url, or"
          + " spring.datasource.url in your application.yml or application.properties on the class path");
    }
    try {
      DatabaseKind.fromJdbcUrl(url);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
