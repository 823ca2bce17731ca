package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's own log lines (its "Database info" block, among others) stay out of a command's
 * output unless --debug asks for them: java.util.logging is set up on a thread of its own, and
 * the command must have set Hibernate's level before Hibernate reads the entities.
 */
class HibernateLoggingTest {

  private static final String ITEM = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      public class Item {
        @Id Long id;
        String name;
      }
      """;

  @TempDir Path directory;

  private final List<LogRecord> hibernateRecords = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.hibernate")) {
        hibernateRecords.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void record() {
    Logger.getLogger("").addHandler(recorder);
  }

  @AfterEach
  void stopRecording() {
    Logger.getLogger("").removeHandler(recorder);
  }

  @Test
  void hibernateLogsNothingBelowSevereWithoutDebug() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(ITEM);
    project.expect(0, "-m", "items");
    assertTrue(hibernateRecords.stream().noneMatch(record -> record.getLevel().intValue() < Level.SEVERE.intValue()),
        () -> "Hibernate logged: " + hibernateRecords.stream().map(LogRecord::getMessage).toList());
  }

  @Test
  void debugLetsHibernateTellWhatItDoes() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(ITEM);
    project.expect(0, "--debug", "-m", "items");
    assertFalse(hibernateRecords.isEmpty(), "Hibernate's INFO lines are shown with --debug");
  }
}
