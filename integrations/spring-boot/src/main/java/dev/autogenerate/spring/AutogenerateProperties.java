package dev.autogenerate.spring;

import dev.autogenerate.inspect.TableFilter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * The starter's settings, under {@code autogenerate.*} in the application's configuration.
 *
 * @param enabled whether the migrations run at start-up
 * @param migrationsPackage the package the migrations are compiled into; by default
 *     {@code migrations} under the application's package (that of its
 *     {@code @SpringBootApplication} class)
 * @param lockTimeout how long to wait for another instance migrating the same database; a number
 *     without a unit is seconds, as the command line's {@code lock.timeout}
 * @param failOnDrift whether start-up fails when, once migrated, the database and the entities
 *     disagree (as {@code autogenerate check} would report)
 * @param entityPackages where the entities are, for {@code fail-on-drift}; by default the packages
 *     JPA scans ({@code @EntityScan}, else the application's package)
 * @param acceptNewerDatabase whether an instance starts on a database a newer release migrated
 *     (at revisions its migrations do not define, all of theirs applied), applying nothing, as
 *     during a rolling deploy or after a rollback
 * @param transactionMode {@code per-revision} (each revision commits on its own) or {@code single}
 *     (all the revisions a start-up applies in one transaction: all of them or none), as the
 *     command line's {@code transaction.mode}
 * @param excludeTables name globs of tables (and views, sequences, enum types) the tool never
 *     touches, as the command line's {@code exclude.tables}: without it, {@code fail-on-drift}
 *     failed on an adopted database where the command line's check passed (a user test)
 */
@ConfigurationProperties("autogenerate")
public record AutogenerateProperties(
    @DefaultValue("true") boolean enabled,
    String migrationsPackage,
    @DefaultValue("600s") @DurationUnit(ChronoUnit.SECONDS) Duration lockTimeout,
    @DefaultValue("false") boolean failOnDrift,
    List<String> entityPackages,
    @DefaultValue("true") boolean acceptNewerDatabase,
    @DefaultValue("per-revision") TransactionMode transactionMode,
    List<String> excludeTables) {

  /** How many transactions the revisions of a start-up run in. */
  public enum TransactionMode {
    PER_REVISION,
    SINGLE
  }

  public AutogenerateProperties {
    if (lockTimeout != null && lockTimeout.isNegative()) {
      // As the command line refuses a negative lock.timeout: it gave up at once, saying "after -5 s".
      throw new IllegalArgumentException("autogenerate.lock-timeout cannot be negative (" + lockTimeout.toSeconds()
          + " s): give the seconds to wait for another instance's migration, 600 by default");
    }
    entityPackages = entityPackages == null ? List.of() : List.copyOf(entityPackages);
    excludeTables = excludeTables == null ? List.of()
        : excludeTables.stream().map(String::strip).filter(glob -> !glob.isEmpty()).toList();
  }

  /** What the tool reads and touches of the database: all but the excluded tables and its own. */
  TableFilter tableFilter() {
    return new TableFilter(excludeTables);
  }
}
