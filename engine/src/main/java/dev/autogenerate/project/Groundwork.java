package dev.autogenerate.project;

import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What {@code check} and {@code -m} read before comparing: the connection, the compiled history,
 * the entities and the database's schema. The three do not depend on one another, so they are
 * read at the same time ({@link Project#groundwork}); this holds the results, and each failure
 * is told when its result is asked for, in the order the commands ask (connection, history, and
 * after the up-to-date check the entities, then the inspection), as when they ran one by one.
 *
 * <p>Closing it closes the connection and waits for a phase still running, so a command leaves
 * no thread behind.
 */
public final class Groundwork implements AutoCloseable {

  private final Connection connection;
  private final RevisionHistory history;
  private final Future<EntityModel> entities;
  private final Schema inspected;
  private final SQLException inspectionFailure;
  private final Workers workers;

  Groundwork(Connection connection, RevisionHistory history, Future<EntityModel> entities, Schema inspected,
      SQLException inspectionFailure, Workers workers) {
    this.connection = connection;
    this.history = history;
    this.entities = entities;
    this.inspected = inspected;
    this.inspectionFailure = inspectionFailure;
    this.workers = workers;
  }

  public Connection connection() {
    return connection;
  }

  public RevisionHistory history() {
    return history;
  }

  /** The entities as read, waiting for the reading if it is still under way. */
  public EntityModel entities() {
    return await(entities);
  }

  /** The database's schema inspected with the project's filter, reading the current schema only. */
  Schema inspected() throws SQLException {
    if (inspectionFailure != null) {
      // Told after what the entities' reading reports, in the order above, though asked for first.
      entities();
      throw inspectionFailure;
    }
    return inspected;
  }

  @Override
  public void close() throws SQLException {
    try {
      stop(workers);
    } finally {
      connection.close();
    }
  }

  /** Stops the workers and waits for what runs: a command must not leave a thread behind. */
  static void stop(Workers workers) {
    workers.stop();
  }

  /** The result of a phase; its failure rethrown as it was thrown, a user error staying one. */
  static <T> T await(Future<T> phase) {
    try {
      return phase.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + phase, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }
}
