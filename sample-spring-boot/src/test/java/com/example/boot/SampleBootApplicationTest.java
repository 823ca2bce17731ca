package com.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.boot.domain.Books;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample as a user runs it, on a new SQLite file: the starter applies the generated migration,
 * checks the entities against the database (autogenerate.fail-on-drift=true in its
 * application.properties), Hibernate validates the schema, and the application writes and reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleBootApplicationTest {

  @TempDir Path directory;

  private ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(SampleBootApplication.class)
        .web(WebApplicationType.NONE)
        // Arguments, as a user would give them: they rank above application.properties.
        .run("--spring.datasource.url=" + url, "--spring.main.banner-mode=off");
  }

  @Test
  void startsOnANewDatabaseMigratedByTheStarterAndAgainWithNothingToDo(CapturedOutput output) throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("sample-boot.db");

    try (ConfigurableApplicationContext first = start(url)) {
      assertEquals(1, first.getBean(Books.class).count());
    }
    try (ConfigurableApplicationContext second = start(url)) {
      assertEquals(1, second.getBean(Books.class).count());
    }

    assertTrue(output.getOut().contains("Applied e5a17b6c883b"), output.getOut());
    assertTrue(output.getOut().contains("Database is up to date at e5a17b6c883b"), output.getOut());
    assertTrue(output.getOut().contains("Hello The Dispossessed by Ursula K. Le Guin"), output.getOut());
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from autogenerate_history")) {
      rows.next();
      assertEquals(1, rows.getInt(1));
    }
  }
}
