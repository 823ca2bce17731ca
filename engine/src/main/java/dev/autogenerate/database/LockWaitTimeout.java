package dev.autogenerate.database;

import dev.autogenerate.runtime.UserError;

/**
 * A wait for another migration's lock that reached the lock timeout: told apart from other user
 * errors where the remedy differs (the Spring Boot starter names its own timeout setting).
 */
public final class LockWaitTimeout extends UserError {

  LockWaitTimeout(String message) {
    super(message);
  }
}
