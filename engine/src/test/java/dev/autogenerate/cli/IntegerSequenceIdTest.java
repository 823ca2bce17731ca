package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by this session's review: on SQLite an Integer id from a sequence is an {@code integer
 * primary key}, the rowid's alias, which the database reads as an identity; check then failed
 * right after the first migration ("no longer an identity", and the sequence moved past the
 * rows), and every -m wrote both again. The migrations made it no identity: no difference.
 */
class IntegerSequenceIdTest {

  @TempDir Path directory;

  @Test
  void anIntegerIdFromASequenceIsNoDifferenceOnceMigrated() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities("""
        package com.example.domain;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "orders")
        public class Order {
          @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Integer id;
          String item;
        }
        """);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    CliRun again = project.expect(0, "-m", "nothing");
    assertEquals(1, project.migrationFiles().size(), again::toString);
  }
}
