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
 * One {@code upgrade} (or {@code downgrade}) inspects the database once and carries the schema
 * value from revision to revision, inspecting again only after raw SQL. What it builds must be
 * what revision-at-a-time commands, each inspecting afresh, build: on SQLite the carried value
 * is what a table rebuild recreates the table from.
 */
class UpgradeInspectsOnceTest {

  @TempDir Path carried;
  @TempDir Path fresh;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void oneUpgradeThroughEveryRevisionBuildsWhatOneRevisionAtATimeBuilds(DatabaseKind kind) throws Exception {
    ProjectDirectory once = withHistory(new ProjectDirectory(carried, TestDatabases.fresh(kind)));
    ProjectDirectory stepwise = withHistory(new ProjectDirectory(fresh, TestDatabases.fresh(kind)));

    once.expect(0, "upgrade", "head");
    for (int revision = 1; revision <= 5; revision++) {
      stepwise.expect(0, "upgrade", "+1");
    }
    Schema built = inspect(once);
    assertTrue(built.tables().containsKey("product"), built.tables().keySet().toString());
    assertEquals(built, inspect(stepwise));

    once.expect(0, "downgrade", "bbbbbbbbbbbb");
    for (int revision = 1; revision <= 3; revision++) {
      stepwise.expect(0, "downgrade", "-1");
    }
    assertEquals(inspect(once), inspect(stepwise));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void rawSqlMakesTheNextRevisionSeeWhatItCreated(DatabaseKind kind) throws Exception {
    ProjectDirectory project = new ProjectDirectory(carried, TestDatabases.fresh(kind));
    project.entities(WalkthroughTest.USER_V1);
    revision(project, 1, "aaaaaaaaaaaa", null, """
        op.execute("create table notes (id integer primary key)");
        """, """
        op.execute("drop table notes");
        """);
    revision(project, 2, "bbbbbbbbbbbb", "aaaaaaaaaaaa", """
        op.addColumn("notes", column("body", varchar(200)));
        op.createIndex("notes", index("ix_notes_body", "body"));
        """, """
        op.dropIndex("notes", "ix_notes_body");
        op.dropColumn("notes", "body");
        """);

    project.expect(0, "upgrade", "head");

    Schema schema = inspect(project);
    assertTrue(schema.tables().get("notes").column("body").isPresent(), schema.tables().get("notes").toString());
    project.expect(0, "downgrade", "base");
    assertTrue(inspect(project).tables().isEmpty(), inspect(project).tables().keySet().toString());
  }

  /** Five revisions that create, alter (a rebuild on SQLite), constrain, index and rename. */
  static ProjectDirectory withHistory(ProjectDirectory project) {
    project.entities(WalkthroughTest.USER_V1);
    revision(project, 1, "aaaaaaaaaaaa", null, """
        op.createTable("category", column("id", BIGINT).notNull(), column("name", varchar(50)), primaryKey("id"));
        op.createTable("product", column("id", BIGINT).notNull(), column("code", varchar(20)), primaryKey("id"));
        """, """
        op.dropTable("product");
        op.dropTable("category");
        """);
    revision(project, 2, "bbbbbbbbbbbb", "aaaaaaaaaaaa", """
        op.addColumn("product", column("category_id", BIGINT));
        op.addColumn("product", column("price", numeric(12, 2)));
        """, """
        op.dropColumn("product", "price");
        op.dropColumn("product", "category_id");
        """);
    revision(project, 3, "cccccccccccc", "bbbbbbbbbbbb", """
        op.alterColumn("product", "code", type(varchar(40)), setNotNull());
        op.addConstraint("product", unique("uq_product_code", "code"));
        """, """
        op.dropConstraint("product", "uq_product_code");
        op.alterColumn("product", "code", type(varchar(20)), dropNotNull());
        """);
    revision(project, 4, "dddddddddddd", "cccccccccccc", """
        op.addConstraint("product", foreignKey("fk_product_category_id_category", List.of("category_id"), "category",
            List.of("id")));
        op.createIndex("product", index("ix_product_price", "price"));
        """, """
        op.dropIndex("product", "ix_product_price");
        op.dropConstraint("product", "fk_product_category_id_category");
        """);
    revision(project, 5, "eeeeeeeeeeee", "dddddddddddd", """
        op.renameColumn("category", "name", "title");
        op.alterColumn("product", "price", setDefault("0"));
        """, """
        op.alterColumn("product", "price", dropDefault());
        op.renameColumn("category", "title", "name");
        """);
    return project;
  }

  static void revision(ProjectDirectory project, int number, String id, String parent, String upgrade,
      String downgrade) {
    String name = "M20260101_00000" + number + "_step";
    project.write("src/main/java/com/example/migrations/" + name + ".java", """
        package com.example.migrations;

        import static dev.autogenerate.operations.ColumnChange.*;
        import static dev.autogenerate.schema.Column.column;
        import static dev.autogenerate.schema.ForeignKey.foreignKey;
        import static dev.autogenerate.schema.Index.index;
        import static dev.autogenerate.schema.PrimaryKey.primaryKey;
        import static dev.autogenerate.schema.SqlType.*;
        import static dev.autogenerate.schema.UniqueConstraint.unique;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;
        import java.util.List;

        @Revision(id = "%s", %smessage = "step %d")
        public final class %s implements Migration {
          @Override
          public void upgrade(Operations op) {
        %s  }

          @Override
          public void downgrade(Operations op) {
        %s  }
        }
        """.formatted(id, parent == null ? "" : "revises = \"" + parent + "\", ", number, name, upgrade.indent(4),
        downgrade.indent(4)));
  }

  static Schema inspect(ProjectDirectory project) throws Exception {
    try (Connection connection = project.database().open()) {
      return Database.forKind(project.database().kind()).inspector().inspect(connection, TableFilter.defaults());
    }
  }
}
