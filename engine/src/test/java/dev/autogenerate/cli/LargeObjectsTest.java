package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Lob} is PostgreSQL's {@code oid} (as Hibernate makes it there), and on SQLite a column
 * that keeps each value as it is given: declared {@code oid}, SQLite's numeric affinity turned the
 * text '00123' into the number 123.
 */
public class LargeObjectsTest {

  public static final String DOCUMENT = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "documents")
      public class Document {
        @Id Long id;
        @Lob String body;
        @Lob byte[] data;
      }
      """;

  @TempDir Path directory;

  @Test
  void aLargeObjectOnSqliteKeepsTextAsText() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(DOCUMENT);
    project.expect(0, "-m", "documents");
    assertTrue(project.lastMigration().contains("column(\"body\", sqlType(\"oid\"))"), project::lastMigration);
    project.expect(0, "upgrade", "head");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("insert into documents (id, body, data) values (1, '00123', x'00ff')");
      try (ResultSet row = statement.executeQuery("select typeof(body), body, typeof(data) from documents")) {
        row.next();
        assertEquals("text 00123 blob", row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
      }
    }
    project.expect(0, "check");
  }

  /** A text column made a {@code @Lob} changes: PostgreSQL, where the same migration runs, needs the oid. */
  @Test
  void aTextColumnBecomingALargeObjectIsAChange() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(DOCUMENT.replace("@Lob String body", "@Column(columnDefinition = \"text\") String body"));
    project.expect(0, "-m", "documents");
    project.expect(0, "upgrade", "head");
    project.entities(DOCUMENT);
    CliRun change = project.expect(0, "-m", "large body");
    assertTrue(change.out().contains("alter column documents.body"), change::toString);
  }
}
