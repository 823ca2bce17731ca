package dev.autogenerate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table replaced by another under a new name (no {@code @RenamedFrom}: a drop and a create,
 * warned of) whose named index and unique the entity keeps: index names are one per schema, and
 * the new table's took the old one's before it was dropped, so the migration always failed
 * ("index ix_coupons_code already exists", found by a user test on SQLite).
 */
class ReplacedTableTest {

  private static final String COUPON = """
      package com.example.domain;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "coupons", indexes = @Index(name = "ix_coupons_code", columnList = "code"),
          uniqueConstraints = @UniqueConstraint(name = "uq_coupons_serial", columnNames = "serial"))
      public class Coupon {
        @Id Long id;
        String code;
        String serial;
      }
      """;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theOldTablesIndexGoesFirstAndComesBackWithItsDowngrade(DatabaseKind kind) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(COUPON);
    project.expect(0, "-m", "coupons");
    project.expect(0, "upgrade", "head");

    project.entities(COUPON.replace("name = \"coupons\"", "name = \"vouchers\""));
    project.expect(0, "-m", "vouchers");
    String file = CheckAndEnumRisksTest.written(project, "vouchers");
    assertTrue(file.contains("// index ix_coupons_code of coupons goes first: a new one takes its name"), file);
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
    project.expect(0, "downgrade", "-1");
    project.expect(0, "upgrade", "head");
    project.expect(0, "check");
  }
}
