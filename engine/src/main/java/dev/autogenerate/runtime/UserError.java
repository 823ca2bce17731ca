package dev.autogenerate.runtime;

/**
 * A problem the user can fix: bad configuration, an unreachable database, an unknown revision, a
 * migration that does not compile. The command line prints the message alone, on one line, with
 * no stack trace; the message says what is wrong and how to fix it.
 */
public class UserError extends RuntimeException {

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }

  /** The first line of a driver's or library's message, so that an error stays one line. */
  public static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("").trim();
  }
}
