package dev.autogenerate.schema;

import java.util.Locale;

/** The databases Autogenerate targets. */
public enum DatabaseKind {
  POSTGRESQL("PostgreSQL", "17.0"),
  SQLITE("SQLite", "3.50");

  private final String productName;
  private final String assumedVersion;

  DatabaseKind(String productName, String assumedVersion) {
    this.productName = productName;
    this.assumedVersion = assumedVersion;
  }

  /** The name JDBC metadata and Hibernate use for the product. */
  public String productName() {
    return productName;
  }

  /**
   * The version Hibernate is told when it reads entities without a database; its offline default
   * is old enough to change which types it picks.
   */
  public String assumedVersion() {
    return assumedVersion;
  }

  /** The database a JDBC URL points at. */
  public static DatabaseKind fromJdbcUrl(String url) {
    String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    throw new IllegalArgumentException(
        "unsupported database URL '" + url + "': use jdbc:postgresql://... or jdbc:sqlite:FILE");
  }
}
