package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.autogenerate.operations.AddColumn;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that uses an application class (a constant javac copies in: from the class
 * itself, from its supertype, into an annotation) compiles again when a class file it was
 * compiled against is rebuilt otherwise, from a folder or a jar: neither the per-source cache
 * nor the folder's entry serves classes compiled against the old one. Rebuilt the same, they
 * are taken.
 */
class ApplicationClassesTest {

  @TempDir Path migrations;
  @TempDir Path applicationSources;
  @TempDir Path build;
  @TempDir Path caches;

  /** The application: Roles.DEFAULT, inherited by Admins from its superclass, and an id in Ids. */
  private static final String ROLES = "package app; public class Roles { public static final String DEFAULT = \"%s\"; }";
  private static final String ADMINS = "package app; public final class Admins extends Roles { private Admins() {} }";
  private static final String IDS = "package app; public final class Ids { public static final String FIRST = \"%s\"; }";

  @Test
  void aConstantOfTheClassItselfFromAFolder() throws Exception {
    assertCompiledAgain("app.Roles.DEFAULT", false);
  }

  @Test
  void aConstantOfAClassInAFolderReachedThroughALink() throws Exception {
    // javac names a folder's class files by their real path: the link must not hide them.
    linked = true;
    assertCompiledAgain("app.Roles.DEFAULT", false);
  }

  @Test
  void aConstantInheritedFromASuperclassFromAJar() throws Exception {
    // The constant pool names only Admins; Roles, where DEFAULT is, changes.
    assertCompiledAgain("app.Admins.DEFAULT", true);
  }

  @Test
  void aConstantInAnAnnotationLeavesNoReferenceYetCounts() throws Exception {
    Path application = buildApplication("member", "aaaa00000001", false);
    writeMigration("app.Ids.FIRST", "\"role\"");
    assertEquals("aaaa00000001", load(application).get(0).id());

    application = buildApplication("member", "bbbb00000001", false);
    assertEquals("bbbb00000001", load(application).get(0).id(), "compiled again against the rebuilt Ids");
  }

  private void assertCompiledAgain(String column, boolean jar) throws Exception {
    Path application = buildApplication("member", "aaaa00000001", jar);
    writeMigration("\"aaaa00000001\"", column);
    assertEquals("member", column(load(application)));
    assertInstanceOf(DeferredMigration.class, load(application).get(0).migration(), "unchanged: the folder's entry");

    application = buildApplication("admin", "aaaa00000001", jar);
    assertEquals("admin", column(load(application)), "compiled again against the rebuilt class");

    application = buildApplication("admin", "aaaa00000001", jar);
    assertInstanceOf(DeferredMigration.class, load(application).get(0).migration(), "rebuilt the same: from the cache");
  }

  private void writeMigration(String id, String column) throws Exception {
    Files.writeString(migrations.resolve("M1_roles.java"), """
        package m;

        import static dev.autogenerate.schema.Column.column;
        import static dev.autogenerate.schema.SqlType.varchar;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = %s, message = "role column")
        public final class M1_roles implements Migration {
          @Override
          public void upgrade(Operations op) {
            op.addColumn("users", column(%s, varchar(20)));
          }

          @Override
          public void downgrade(Operations op) {
            op.dropColumn("users", %s);
          }
        }
        """.formatted(id, column, column));
  }

  private List<MigrationScript> load(Path application) throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {application.toUri().toURL()}, getClass().getClassLoader());
    return MigrationLoader.fromSources(migrations, List.of(application), loader, new CompiledHistoryCache(caches),
        new CompiledClassCache(caches, false));
  }

  private static String column(List<MigrationScript> scripts) {
    return ((AddColumn) scripts.get(0).upgradeOperations().get(0)).column().name();
  }

  /** Whether the class folder is given through a symbolic link to it. */
  private boolean linked;

  /** Compiles the application into build/classes, or into build/app.jar; returns the class path entry. */
  private Path buildApplication(String role, String id, boolean jar) throws Exception {
    Path folder = Files.createDirectories(applicationSources.resolve("app"));
    List<String> arguments = new ArrayList<>(List.of("-d", build.resolve("classes").toString()));
    arguments.add(Files.writeString(folder.resolve("Roles.java"), ROLES.formatted(role)).toString());
    arguments.add(Files.writeString(folder.resolve("Admins.java"), ADMINS).toString());
    arguments.add(Files.writeString(folder.resolve("Ids.java"), IDS.formatted(id)).toString());
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)));
    if (!jar) {
      if (!linked) {
        return build.resolve("classes");
      }
      Path link = build.resolve("classes-link");
      if (!Files.isSymbolicLink(link)) {
        Files.createSymbolicLink(link, build.resolve("classes"));
      }
      return link;
    }
    Path jarFile = build.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarFile));
        Stream<Path> classes = Files.list(build.resolve("classes").resolve("app"))) {
      for (Path classFile : classes.sorted().toList()) {
        out.putNextEntry(new JarEntry("app/" + classFile.getFileName()));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
    }
    return jarFile;
  }
}
