package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Made against SQLite in development, applied to PostgreSQL in production: the migrations carry
 * what SQLite cannot store (timestamptz, uuid, enum types, comments), so PostgreSQL ends up
 * matching the entities too.
 */
class PortableMigrationTest {

  private static final String STATUS = "package com.example.domain;\n\npublic enum Status { NEW, PAID }\n";

  private static final String ORDER = """
      package com.example.domain;

      import jakarta.persistence.*;
      import java.time.Instant;
      import java.util.UUID;
      import org.hibernate.annotations.Comment;
      import org.hibernate.annotations.JdbcTypeCode;
      import org.hibernate.type.SqlTypes;

      @Entity
      @Table(name = "orders")
      @Comment("Orders placed")
      public class Order {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Comment("When it was placed") Instant placed;
        UUID token;
        @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Status status;
      }
      """;

  @TempDir Path directory;

  @Test
  void generatedOnSqliteAppliedToPostgresql() {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.SQLITE));
    project.entities(ORDER, STATUS);
    project.expect(0, "-m", "orders");
    project.expect(0, "upgrade", "head");
    CliRun nothing = project.expect(0, "-m", "nothing more on SQLite");
    assertTrue(nothing.out().contains("No changes"), nothing::toString);

    TestDatabase production = TestDatabases.fresh(DatabaseKind.POSTGRESQL);
    String[] postgres = production.password() == null
        ? new String[] {"--url", production.url(), "--user", production.user()}
        : new String[] {"--url", production.url(), "--user", production.user(), "--password", production.password()};
    project.expect(0, with(postgres, "upgrade", "head"));
    CliRun check = project.expect(0, with(postgres, "check"));
    assertTrue(check.out().startsWith("OK"), check::toString);
  }

  private static String[] with(String[] options, String... command) {
    String[] all = new String[command.length + options.length];
    System.arraycopy(command, 0, all, 0, command.length);
    System.arraycopy(options, 0, all, command.length, options.length);
    return all;
  }
}
