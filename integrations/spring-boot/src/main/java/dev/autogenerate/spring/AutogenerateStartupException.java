package dev.autogenerate.spring;

/**
 * Why the application could not start with its database migrated, in one line, and what to do
 * about it; {@link AutogenerateFailureAnalyzer} shows both the way Spring Boot shows start-up
 * failures.
 */
public final class AutogenerateStartupException extends RuntimeException {

  private final String action;

  public AutogenerateStartupException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  /** What the user can do about it. */
  public String action() {
    return action;
  }
}
