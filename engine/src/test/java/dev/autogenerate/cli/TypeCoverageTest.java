package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.database.Database;
import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Idempotence over every basic type, a composite key and reserved names: generate, upgrade, and
 * autogenerate finds nothing more; downgrade base leaves nothing behind.
 */
class TypeCoverageTest {

  static final String EVERY_TYPE = """
      package com.example.domain;

      import jakarta.persistence.*;
      import java.math.BigDecimal;
      import java.time.*;
      import java.util.UUID;

      @Entity
      @Table(name = "every_type")
      public class EveryType {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        boolean flag;
        Boolean maybeFlag;
        byte tiny;
        short small;
        int count;
        Integer maybeCount;
        long big;
        float single;
        double twice;
        BigDecimal amount;
        @Column(precision = 10, scale = 2) BigDecimal price;
        String name;
        @Column(length = 20, nullable = false) String code;
        @Column(columnDefinition = "text") String notes;
        char initial;
        LocalDate born;
        LocalTime wakes;
        LocalDateTime localStamp;
        Instant instant;
        OffsetDateTime offsetStamp;
        UUID token;
        byte[] payload;
        @Column(name = "\\"order\\"") Integer order;
      }
      """;

  static final String MEMBERSHIP = """
      package com.example.domain;

      import jakarta.persistence.*;
      import java.io.Serializable;

      @Entity
      @Table(name = "\\"user\\"")
      @IdClass(Member.Key.class)
      public class Member {
        public record Key(Long teamId, String userName) implements Serializable {}

        @Id Long teamId;
        @Id @Column(length = 50) String userName;
        @Column(nullable = false) String role;
      }
      """;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void everyTypeRoundTripsWithoutDifferences(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(EVERY_TYPE, MEMBERSHIP);

    project.expect(0, "-m", "every type");
    String migration = project.read(project.migrationFiles().get(0));
    for (String expected : new String[] {
        "column(\"token\", UUID)", "column(\"offsetstamp\", TIMESTAMP_TZ)", "column(\"wakes\", time(0))",
        "column(\"price\", numeric(10, 2))", "column(\"code\", varchar(20)).notNull()",
        "column(\"order\", INTEGER)", "op.createTable(\"user\"", "primaryKey(\"teamid\", \"username\")"}) {
      assertTrue(migration.contains(expected), () -> expected + " missing from\n" + migration);
    }
    project.expect(0, "upgrade", "head");
    CliRun again = project.expect(0, "-m", "again");
    assertTrue(again.out().contains("No changes"), again::toString);
    project.expect(0, "check");

    project.expect(0, "downgrade", "base");
    try (Connection connection = project.database().open()) {
      assertEquals(Schema.EMPTY, Database.forKind(kind).inspector().inspect(connection, TableFilter.defaults()));
    }
  }
}
