package dev.autogenerate.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.runtime.UserError;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a pool in front of PostgreSQL makes the driver fail with is told with its fix. */
class PoolerFailuresTest {

  @Test
  void theDriversStatementNamedAsExistingOrMissingIsExplainedWhereverItIsInTheCauses() {
    SQLException exists = new SQLException("ERROR: prepared statement \"S_3\" already exists", "42P05");
    SQLException missing = new SQLException("ERROR: prepared statement \"S_12\" does not exist", "26000");
    for (SQLException failure : new SQLException[] {exists, missing}) {
      Optional<String> told = PoolerFailures.explain(new UserError("migration x failed", failure));
      assertTrue(told.isPresent(), failure::getMessage);
      assertTrue(told.get().contains("prepareThreshold=0"), told::get);
    }
  }

  @Test
  void aMigrationsOwnPreparedStatementOrAnotherFailureIsNotTheDriversLoss() {
    assertEquals(Optional.empty(), PoolerFailures.explain(
        new SQLException("ERROR: prepared statement \"fetch_user\" already exists", "42P05")));
    assertEquals(Optional.empty(), PoolerFailures.explain(
        new SQLException("ERROR: relation \"S_1\" already exists", "42P07")));
  }

  /** As PgBouncer ends a client it found no server connection for (seen with waiters holding them). */
  @Test
  void aPoolThatRanOutOfServerConnectionsIsToldWithItsSetting() {
    Optional<String> told = PoolerFailures.explain(new SQLException("FATAL: query_wait_timeout", "08P01"));
    assertTrue(told.isPresent());
    assertTrue(told.get().contains("default_pool_size"), told::get);
  }
}
