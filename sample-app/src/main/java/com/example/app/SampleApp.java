package com.example.app;

import com.example.app.domain.Team;
import com.example.app.domain.User;
import dev.autogenerate.runtime.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The sample application: applies its migrations at start-up, then starts Hibernate with schema
 * validation (so a database that does not match the entities stops it), and writes and reads a
 * row.
 *
 * <p>Usage: {@code SampleApp [JDBC_URL [USER [PASSWORD]]]}; the URL defaults to
 * {@code AUTOGENERATE_URL}, then to the SQLite file {@code sample.db}.
 */
public final class SampleApp {

  public static final String MIGRATIONS_PACKAGE = "com.example.app.migrations";

  private SampleApp() {}

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : System.getenv().getOrDefault("AUTOGENERATE_URL", "jdbc:sqlite:sample.db");
    String user = args.length > 1 ? args[1] : System.getenv("AUTOGENERATE_USER");
    String password = args.length > 2 ? args[2] : System.getenv("AUTOGENERATE_PASSWORD");
    String greeting = run(url, user, password);
    System.out.println(greeting);
  }

  /** Emails are unique: the app writes its user once and finds it on later runs. */
  private static final String EMAIL = "ada@example.com";

  /** Migrates, validates, writes a user (once) and reads it back; returns what it read. */
  public static String run(String url, String user, String password) throws SQLException {
    Properties credentials = new Properties();
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(url, credentials)) {
      Migrator.fromClasspath(MIGRATIONS_PACKAGE).upgrade(connection, "head");
    }
    try (SessionFactory sessions = hibernate(url, user, password)) {
      Long id = sessions.fromTransaction(session -> session
          .createSelectionQuery("from User where email = :email", User.class)
          .setParameter("email", EMAIL)
          .uniqueResultOptional()
          .orElseGet(() -> {
            Team team = new Team("Platform");
            session.persist(team);
            User created = new User(EMAIL, "Ada", team, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            session.persist(created);
            return created;
          })
          .getId());
      return sessions.fromTransaction(session -> {
        User found = session.find(User.class, id);
        return "Hello " + found.getDisplayName() + " <" + found.getEmail() + "> of team " + found.getTeam().getName();
      });
    }
  }

  private static SessionFactory hibernate(String url, String user, String password) {
    Configuration configuration = new Configuration();
    List.of(Team.class, User.class).forEach(configuration::addAnnotatedClass);
    configuration.setProperty("hibernate.connection.url", url);
    if (user != null) {
      configuration.setProperty("hibernate.connection.username", user);
    }
    if (password != null) {
      configuration.setProperty("hibernate.connection.password", password);
    }
    if (url.startsWith("jdbc:sqlite:")) {
      configuration.setProperty("hibernate.dialect", SqliteDialectForValidation.class.getName());
    }
    // The migrations own the schema; Hibernate only checks that it matches the entities.
    configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
    return configuration.buildSessionFactory();
  }
}
