package dev.autogenerate.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites PostgreSQL JDBC URLs to point at another database on the same server.
 *
 * <p>Needed because a server given by URL may carry parameters (SSL mode, credentials, logger
 * level) that every database on it must be reached with too.
 */
final class PostgresUrls {

  /** {@code jdbc:postgresql://host[:port][,host2...][/database][?parameters]}. */
  private static final Pattern WITH_HOST =
      Pattern.compile("(?i)(jdbc:postgresql://[^/?]*)(?:/[^?]*)?(\\?.*)?");

  /** {@code jdbc:postgresql:database[?parameters]}, which means localhost:5432. */
  private static final Pattern WITHOUT_HOST =
      Pattern.compile("(?i)(jdbc:postgresql:)(?!//)[^?]*(\\?.*)?");

  private PostgresUrls() {}

  static String withDatabase(String url, String database) {
    Matcher withHost = WITH_HOST.matcher(url);
    if (withHost.matches()) {
      return withHost.group(1) + "/" + database + orEmpty(withHost.group(2));
    }
    Matcher withoutHost = WITHOUT_HOST.matcher(url);
    if (withoutHost.matches()) {
      return withoutHost.group(1) + database + orEmpty(withoutHost.group(2));
    }
    throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
