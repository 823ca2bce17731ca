package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL keeps a check (or a default) as it rewrote it ({@code like} as {@code ~~}, a timestamp literal with
 * its time zone and cast): right after the tool's own migration, check said the check differed,
 * planned to add it again, and stopped on "table p already has constraint". Created by the
 * migrations with the entities' text, it is the entities' check whatever the database made of
 * it; one a baseline adopts is taken for the entities' by its name, said in a note.
 */
class CheckRewritesTest {

  private static final String PLAN = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "p")
      @org.hibernate.annotations.Check(name = "ck_p_code", constraints = "code like 'A%'")
      @org.hibernate.annotations.Check(name = "ck_p_since", constraints = "since > '2020-01-01'")
      public class P {
        @Id Long id;
        @Column(length = 10) String code;
        java.time.Instant since;
        @org.hibernate.annotations.ColumnDefault("now() + interval '1 day'") java.time.Instant due;
      }
      """;

  @TempDir Path directory;

  @Test
  void aCheckTheMigrationsCreatedIsTheEntitiesOneWhateverPostgresqlMadeOfIt() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(PLAN);
    project.expect(0, "-m", "plans");
    project.expect(0, "upgrade", "head");

    project.expect(0, "check");
    assertTrue(project.expect(0, "-m", "nothing").out().contains("No changes"));

    // A changed check is still a change: dropped and added again.
    project.entities(PLAN.replace("code like 'A%'", "code like 'B%'"));
    project.expect(0, "-m", "b codes");
    String file = CheckAndEnumRisksTest.written(project, "b_codes");
    assertTrue(file.contains("op.dropConstraint(\"p\", \"ck_p_code\");"), file);
    assertTrue(file.contains("check(\"ck_p_code\", \"code like 'B%'\")"), file);
    assertFalse(file.contains("ck_p_since"), file);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }

  @Test
  void aBaselineAdoptsAHandMadeCheckOfTheEntitiesNameWithoutStopping() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("create table p (id bigint primary key, code varchar(10), since timestamp(6) with time zone,"
          + " due timestamp(6) with time zone default now(),"
          + " constraint ck_p_code check (code like 'A%'), constraint ck_p_since check (since > '2020-01-01'))");
    }
    // The default as the database has it: adopted, its text is the database's, which the normal form reads.
    project.entities(PLAN.replace("now() + interval '1 day'", "now()"));

    CliRun baseline = project.expect(0, "baseline", "-m", "adopt");

    assertFalse(baseline.err().contains("Exception"), baseline::toString);
    CliRun check = project.expect(0, "check");
    assertEquals(1, check.out().lines().filter(line -> line.contains("ck_p_since")).count(), check::toString);
  }

  private static final String ADDRESS = """
      package com.example.domain;

      import jakarta.persistence.*;
      import org.hibernate.annotations.ColumnDefault;

      @Entity
      @Table(name = "addr")
      public class Address {
        @Id Long id;
        @ColumnDefault("'DE'") @Column(length = 2) String country;
        @ColumnDefault("true") boolean active;
      }
      """;

  /**
   * A constant default the migrations set, changed by hand (found by a user test): check said OK,
   * taking 'AT' for PostgreSQL's spelling of the 'DE' the migrations wrote. Two constants of
   * different values are drift, set back.
   */
  @Test
  void aConstantDefaultChangedByHandIsADifference() throws Exception {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(DatabaseKind.POSTGRESQL));
    project.entities(ADDRESS);
    project.expect(0, "-m", "addresses");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    try (Connection connection = project.database().open(); Statement statement = connection.createStatement()) {
      statement.execute("alter table addr alter column country set default 'AT', alter column active set default false");
    }

    CliRun check = project.expect(1, "check");
    assertTrue(check.out().contains("default 'DE'") && check.out().contains("default true"), check::toString);
    project.expect(0, "-m", "defaults back");
    String file = CheckAndEnumRisksTest.written(project, "defaults_back");
    assertTrue(file.contains("op.alterColumn(\"addr\", \"country\", setDefault(\"'DE'\"))"), file);
    assertTrue(file.contains("op.alterColumn(\"addr\", \"active\", setDefault(\"true\"))"), file);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }
}
