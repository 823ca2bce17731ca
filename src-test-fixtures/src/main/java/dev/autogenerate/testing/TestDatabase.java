package dev.autogenerate.testing;

import dev.autogenerate.schema.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The JDBC coordinates of one real, initially empty database created for a test.
 *
 * <p>Tests hand the URL, user and password to the code under test exactly as a user would, so
 * the tool is exercised through the same path as in production rather than through a pre-built
 * {@code DataSource}.
 *
 * @param kind which database product this is
 * @param url the JDBC URL of the database
 * @param user the user to connect as; {@code null} for SQLite, or when the URL carries it
 * @param password the user's password; {@code null} for SQLite, or when the URL carries it or
 *     the server needs none
 */
public record TestDatabase(DatabaseKind kind, String url, String user, String password) {

  public TestDatabase {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
  }

  /** Opens a new connection; the caller closes it. */
  public Connection open() throws SQLException {
    // DriverManager leaves null user/password out of the connection properties, which is what
    // SQLite (no credentials) and URLs that carry their own credentials need.
    return DriverManager.getConnection(url, user, password);
  }
}
