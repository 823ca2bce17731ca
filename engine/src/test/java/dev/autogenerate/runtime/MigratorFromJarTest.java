package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.CompiledClasses;
import dev.autogenerate.testing.EntitySources;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An application runs the migrations compiled into its jar: found by package, applied in order. */
class MigratorFromJarTest {

  private static final String FIRST = """
      package com.example.app.migrations;

      import static dev.autogenerate.schema.Column.column;
      import static dev.autogenerate.schema.PrimaryKey.primaryKey;
      import static dev.autogenerate.schema.SqlType.BIGINT;
      import static dev.autogenerate.schema.SqlType.TEXT;

      import dev.autogenerate.migration.Migration;
      import dev.autogenerate.migration.Operations;
      import dev.autogenerate.migration.Revision;

      @Revision(id = "aaaaaaaaaaaa", message = "notes")
      public final class M1 implements Migration {
        @Override public void upgrade(Operations op) {
          op.createTable("notes", column("id", BIGINT).notNull(), column("body", TEXT), primaryKey("id"));
        }
        @Override public void downgrade(Operations op) {
          op.dropTable("notes");
        }
      }
      """;

  private static final String SECOND = """
      package com.example.app.migrations;

      import static dev.autogenerate.schema.Column.column;
      import static dev.autogenerate.schema.SqlType.INTEGER;

      import dev.autogenerate.migration.Migration;
      import dev.autogenerate.migration.Operations;
      import dev.autogenerate.migration.Revision;

      @Revision(id = "bbbbbbbbbbbb", revises = "aaaaaaaaaaaa", message = "note ranks")
      public final class M2 implements Migration {
        @Override public void upgrade(Operations op) {
          op.addColumn("notes", column("rank", INTEGER));
        }
        @Override public void downgrade(Operations op) {
          op.dropColumn("notes", "rank");
        }
      }
      """;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void upgradesFromMigrationsInAJar(DatabaseKind kind) throws Exception {
    CompiledClasses compiled = EntitySources.compile(SECOND, FIRST);
    Path jar = jar(compiled.directory(), directory.resolve("app.jar"));
    TestDatabase database = TestDatabases.fresh(kind);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        Connection connection = database.open()) {
      Migrator migrator = Migrator.fromClasspath("com.example.app.migrations", loader);
      List<MigrationScript> applied = migrator.upgrade(connection, "head");

      assertEquals(List.of("aaaaaaaaaaaa", "bbbbbbbbbbbb"), applied.stream().map(MigrationScript::id).toList());
      assertEquals("bbbbbbbbbbbb", migrator.current(connection));
      assertTrue(applied.get(0).origin().endsWith("M1"), applied.get(0).origin());
      assertEquals(List.of(), migrator.upgrade(connection, "head"));
    }
  }

  @Test
  void aPackageWithoutMigrationsIsAnError() {
    UserError error = assertThrows(UserError.class,
        () -> Migrator.fromClasspath("com.example.misspelt", getClass().getClassLoader()));

    assertTrue(error.getMessage().startsWith("no migrations in package com.example.misspelt"), error.getMessage());
  }

  private static Path jar(Path classes, Path jar) throws Exception {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> paths = Files.walk(classes)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(path));
        out.closeEntry();
      }
    }
    return jar;
  }
}
