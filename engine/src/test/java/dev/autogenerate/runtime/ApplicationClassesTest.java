package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.autogenerate.operations.AddColumn;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that uses an application class (here a constant, which javac copies in) compiles
 * again when that class is rebuilt otherwise: neither the per-source cache nor the folder's
 * entry serves the classes compiled against the old one. Rebuilt the same, they are taken.
 */
class ApplicationClassesTest {

  @TempDir Path migrations;
  @TempDir Path application;
  @TempDir Path applicationSources;
  @TempDir Path caches;

  @Test
  void aMigrationCompiledAgainstAnOldApplicationClassCompilesAgain() throws Exception {
    buildApplication("member");
    Files.writeString(migrations.resolve("M1_roles.java"), """
        package m;

        import static dev.autogenerate.schema.Column.column;
        import static dev.autogenerate.schema.SqlType.varchar;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "aaaa00000001", message = "role column")
        public final class M1_roles implements Migration {
          @Override
          public void upgrade(Operations op) {
            op.addColumn("users", column(app.Roles.DEFAULT, varchar(20)));
          }

          @Override
          public void downgrade(Operations op) {
            op.dropColumn("users", app.Roles.DEFAULT);
          }
        }
        """);
    assertEquals("member", column(load()));
    assertInstanceOf(DeferredMigration.class, load().get(0).migration(), "unchanged: the folder's entry");
    // The entry knows the one application class used; the JDK's and the tool's are not looked for.
    assertEquals(List.of("app/Roles"), List.copyOf(historyEntry().used().digests().keySet()));

    buildApplication("admin");
    assertEquals("admin", column(load()), "compiled again against the rebuilt class");

    buildApplication("admin");
    assertInstanceOf(DeferredMigration.class, load().get(0).migration(), "rebuilt the same: taken from the cache");
  }

  private List<MigrationScript> load() throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {application.toUri().toURL()}, getClass().getClassLoader());
    return MigrationLoader.fromSources(migrations, List.of(application), loader, new CompiledHistoryCache(caches),
        new CompiledClassCache(caches, false));
  }

  private CompiledHistory historyEntry() throws Exception {
    try (Stream<Path> files = Files.list(caches)) {
      Path entry = files.filter(file -> file.toString().endsWith(".history")).findFirst().orElseThrow();
      return CompiledHistory.read(Files.readAllBytes(entry));
    }
  }

  private static String column(List<MigrationScript> scripts) {
    return ((AddColumn) scripts.get(0).upgradeOperations().get(0)).column().name();
  }

  /** Compiles app.Roles, whose DEFAULT is {@code value}, into the application's class folder. */
  private void buildApplication(String value) throws Exception {
    Path source = Files.createDirectories(applicationSources.resolve("app")).resolve("Roles.java");
    Files.writeString(source, "package app; public final class Roles { public static final String DEFAULT = \""
        + value + "\"; private Roles() {} }\n");
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", application.toString(), source.toString());
    assertEquals(0, status);
  }
}
