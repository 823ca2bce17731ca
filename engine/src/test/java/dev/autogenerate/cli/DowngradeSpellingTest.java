package dev.autogenerate.cli;

import static dev.autogenerate.cli.WalkthroughTest.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL keeps checks and defaults rewritten ({@code ((kind)::text = ANY ((ARRAY['BASE'::character
 * varying, ...} for {@code kind in ('BASE', ...)}). A downgrade that puts a dropped one back uses
 * the text the migration gave it, which reads as written and runs on SQLite too.
 */
class DowngradeSpellingTest {

  private static final String PLAN = """
      package com.example.domain;

      import jakarta.persistence.*;
      import org.hibernate.annotations.ColumnDefault;

      @Entity
      @Table(name = "plans")
      public class Plan {
        public enum Kind { BASE, PREMIUM }

        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Enumerated(EnumType.STRING) @Column(length = 10) Kind kind;
        @ColumnDefault("'n/a'") @Column(length = 20) String label;
      }
      """;

  @TempDir Path directory;

  @Test
  void aDroppedCheckAndDefaultComeBackInTheMigrationsOwnWords() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(PLAN);
    project.expect(0, "-m", "plans");
    String created = CheckAndEnumRisksTest.written(project, "plans");
    project.expect(0, "upgrade", "head");

    project.entities(PLAN.replace("@Enumerated(EnumType.STRING) @Column(length = 10) Kind kind;\n", "")
        .replace("@ColumnDefault(\"'n/a'\") @Column(length = 20) String label;\n", ""));
    project.expect(0, "-m", "plain plans");
    String file = CheckAndEnumRisksTest.written(project, "plain_plans");
    List<String> downgrade = statements(file, "downgrade");

    assertFalse(file.contains("character varying") || file.contains("ARRAY["), file);
    String check = created.substring(created.indexOf("check(\""), created.indexOf(")", created.indexOf("kind in")) + 1);
    assertTrue(String.join("\n", downgrade).contains(check), () -> check + "\n" + file);
    assertTrue(String.join("\n", downgrade).contains("defaultSql(\"'n/a'\")"), file);

    project.expect(0, "upgrade", "head");
    project.expect(0, "downgrade", "-1");
    assertEquals(List.of("id", "label", "kind"), WalkthroughTest.columnsOf(project, "plans"));
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }
}
