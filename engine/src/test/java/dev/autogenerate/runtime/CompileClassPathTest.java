package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class path a compile of migrations reads: javac's order and javac's reading of manifests,
 * with the jars listed from indexes. Which class a name resolves to depends on that order, so it
 * is checked through real compiles too.
 */
class CompileClassPathTest {

  @TempDir Path build;
  @TempDir Path migrations;
  @TempDir Path cache;

  private static final String CONSTANTS = "package app; public final class Constants { public static final String COLUMN = \"%s\"; }";
  private static final String NAMES = "package app; public final class Names { public static final String TABLE = \"%s\"; }";

  @Test
  void entriesKeepTheirOrderWithTheJarsAManifestNamesRightAfterIt() throws Exception {
    Path first = Files.createDirectories(build.resolve("first"));
    Path named = jar("named.jar", null, "app/Names.class");
    Path naming = jar("naming.jar", "named.jar missing.jar", "app/Constants.class");
    Path last = Files.createDirectories(build.resolve("last"));

    try (CompileClassPath path = CompileClassPath.open(
        List.of(first.toString(), naming.toString(), named.toString(), last.toString()), 17)) {
      List<Path> locations = path.entries().stream().map(CompileClassPath.Entry::location).toList();
      assertEquals(List.of(first, naming, named, build.resolve("missing.jar"), last), locations,
          "the named jars after the jar that names them; the later mention of named.jar counts for nothing");
      assertEquals(List.of(first, build.resolve("missing.jar"), last), path.forJavac(),
          "folders and what is not there are javac's");
      assertNotNull(path.entries().get(1).jar());
      assertNotNull(path.entries().get(2).jar());
    }
  }

  @Test
  void aJarNamedTwiceOtherwiseIsReadOnce() throws Exception {
    Path jar = jar("app.jar", null, "app/Constants.class");
    Path relative = Path.of("").toAbsolutePath().relativize(jar);

    try (CompileClassPath path = CompileClassPath.open(List.of(relative.toString(), jar.toString()), 17)) {
      assertEquals(List.of(jar), path.entries().stream().map(CompileClassPath.Entry::location).toList());
    }
  }

  @Test
  void aFileNoJarReaderOpensIsLeftToJavac() throws Exception {
    Path notAJar = Files.writeString(build.resolve("notes.jar"), "not a zip");

    try (CompileClassPath path = CompileClassPath.open(List.of(notAJar.toString()), 17)) {
      assertNull(path.entries().get(0).jar());
      assertEquals(List.of(notAJar), path.forJavac());
    }
  }

  /** The application's jars are closed with the compile; the JVM's own stay indexed for the next. */
  @Test
  void theJvmsOwnJarsAreIndexedOnceAndTheApplicationsClosedAfter() throws Exception {
    String own = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> Files.isRegularFile(Path.of(entry))).findFirst().orElseThrow();
    Path application = jar("app.jar", null, "app/Constants.class");

    JarClassIndex applicationIndex;
    JarClassIndex ownIndex;
    try (CompileClassPath path = CompileClassPath.open(List.of(own, application.toString()), 17)) {
      ownIndex = path.entries().get(0).jar();
      applicationIndex = path.entries().stream().filter(entry -> entry.location().equals(application))
          .findFirst().orElseThrow().jar();
      assertEquals(1, applicationIndex.list("app", false).size());
    }
    try (CompileClassPath again = CompileClassPath.open(List.of(own), 17)) {
      assertSame(ownIndex, again.entries().get(0).jar());
    }
    assertThrows(IllegalStateException.class, () -> applicationIndex.list("app", false).get(0).openInputStream(),
        "closed with its compile");
  }

  /** The first class of a name on the class path is the one a migration compiles against, as with javac's own reading. */
  @Test
  void aFolderBeforeAJarWinsAndAJarBeforeAFolder() throws Exception {
    Path folder = compileApplication("folder", "from_folder");
    Path jar = jarOf(compileApplication("jar-classes", "from_jar"), "app.jar", null);

    assertEquals("from_folder", compiledColumn(List.of(folder, jar)));
    assertEquals("from_jar", compiledColumn(List.of(jar, folder)));
  }

  @Test
  void aClassOfAJarAManifestNamesResolves() throws Exception {
    Path classes = compileApplication("named-classes", "from_named");
    jarOf(classes, "named.jar", null);
    Path naming = jar("naming.jar", "named.jar");

    assertEquals("from_named", compiledColumn(List.of(naming)));
  }

  private String compiledColumn(List<Path> classPath) throws Exception {
    Path source = Files.writeString(migrations.resolve("Probe.java"),
        "package m; public final class Probe { public static String column() { return app.Constants.COLUMN; } }");
    SourceCompiler.Compiled compiled = SourceCompiler.compile(List.of(source), classPath, getClass().getClassLoader(),
        new CompiledClassCache(cache.resolve(String.valueOf(System.nanoTime())), false));
    // The constant is copied into Probe: what javac read decides it.
    return (String) compiled.loader().loadClass("m.Probe").getMethod("column").invoke(null);
  }

  /** Compiles app.Constants (and app.Names) with this column into a folder of build. */
  private Path compileApplication(String folderName, String column) throws Exception {
    Path sources = Files.createDirectories(build.resolve(folderName + "-sources/app"));
    Path classes = build.resolve(folderName);
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
    arguments.add(Files.writeString(sources.resolve("Constants.java"), CONSTANTS.formatted(column)).toString());
    arguments.add(Files.writeString(sources.resolve("Names.java"), NAMES.formatted(column)).toString());
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)));
    return classes;
  }

  /** A jar in build of the classes of a folder, with a manifest Class-Path when given. */
  private Path jarOf(Path classes, String name, String manifestClassPath) throws Exception {
    Path jar = build.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest(manifestClassPath));
        Stream<Path> files = Files.list(classes.resolve("app"))) {
      for (Path classFile : files.sorted().toList()) {
        out.putNextEntry(new JarEntry("app/" + classFile.getFileName()));
        out.write(Files.readAllBytes(classFile));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** A jar in build holding these entries (empty bytes) and a manifest Class-Path when given. */
  private Path jar(String name, String manifestClassPath, String... entries) throws Exception {
    Path jar = build.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest(manifestClassPath))) {
      for (String entry : entries) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static Manifest manifest(String classPath) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    return manifest;
  }
}
