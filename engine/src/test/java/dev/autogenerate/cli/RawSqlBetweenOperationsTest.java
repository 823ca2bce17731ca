package dev.autogenerate.cli;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Raw SQL in the middle of a revision makes the runtime look at the database again; what the
 * database cannot store (an enum type on SQLite) must survive that look, or the operations after
 * the SQL fail.
 */
class RawSqlBetweenOperationsTest {

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anEnumTypeCreatedBeforeRawSqlIsStillThereAfterIt(DatabaseKind kind) {
    ProjectDirectory project = new ProjectDirectory(directory, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    project.write("src/main/java/com/example/migrations/M20260101_000000_status.java", """
        package com.example.migrations;

        import static dev.autogenerate.schema.EnumType.enumType;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "aaaaaaaaaaaa", message = "status")
        public final class M20260101_000000_status implements Migration {
          @Override
          public void upgrade(Operations op) {
            op.createEnumType(enumType("status", "NEW"));
            op.execute("create table audit (id integer primary key)");
            op.alterEnumType("status", "NEW", "PAID");
          }

          @Override
          public void downgrade(Operations op) {
            op.dropEnumType("status");
            op.execute("drop table audit");
          }
        }
        """);

    project.expect(0, "upgrade", "head");
    project.expect(0, "downgrade", "base");
  }
}
