package dev.autogenerate.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.testing.CompiledClasses;
import dev.autogenerate.testing.EntitySources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.launch.JarLauncher;

/**
 * {@code Migrator.fromClasspath} inside a Spring Boot executable jar, where the application's
 * classes sit under {@code BOOT-INF/classes} and its libraries are jars nested in the jar: an
 * application that calls it without the starter finds its migrations there and applies them.
 */
class ExecutableJarTest {

  @TempDir Path directory;

  private static final String MIGRATION = """
      package com.example.app.migrations;

      import static dev.autogenerate.schema.Column.column;
      import static dev.autogenerate.schema.PrimaryKey.primaryKey;
      import static dev.autogenerate.schema.SqlType.BIGINT;

      import dev.autogenerate.migration.Migration;
      import dev.autogenerate.migration.Operations;
      import dev.autogenerate.migration.Revision;

      @Revision(id = "a1b2c3d4e5f6", message = "create users", created = "2026-12-01T00:00:00Z")
      public final class M20261201_000000_create_users implements Migration {
        @Override
        public void upgrade(Operations op) {
          op.createTable("users", column("id", BIGINT).notNull(), primaryKey("id"));
        }

        @Override
        public void downgrade(Operations op) {
          op.dropTable("users");
        }
      }
      """;

  private static final String MAIN = """
      package com.example.app;

      import dev.autogenerate.runtime.Migrator;
      import org.sqlite.SQLiteDataSource;

      public final class Main {
        public static void main(String[] args) throws Exception {
          SQLiteDataSource database = new SQLiteDataSource();
          database.setUrl(args[0]);
          System.out.println("applied " + Migrator.fromClasspath("com.example.app.migrations").upgrade(database).size());
        }
      }
      """;

  @ParameterizedTest(name = "migrations in a library jar: {0}")
  @ValueSource(booleans = {false, true})
  void theMigrationsCompiledIntoTheJarAreFoundAndApplied(boolean inALibrary) throws Exception {
    Path jar = executableJar(EntitySources.compile(MIGRATION, MAIN), inALibrary);
    String url = "jdbc:sqlite:" + directory.resolve("app.db");

    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), url).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);

    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("applied 1"), output);
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet version = connection.createStatement().executeQuery("select version_num from autogenerate_version")) {
      assertTrue(version.next());
      assertEquals("a1b2c3d4e5f6", version.getString(1));
    }
  }

  /**
   * The layout Spring Boot's build plugins write: the launcher's classes at the root, the
   * application's classes under {@code BOOT-INF/classes}, its libraries stored (not compressed)
   * under {@code BOOT-INF/lib}.
   */
  private Path executableJar(CompiledClasses application, boolean migrationsInALibrary) throws IOException {
    Path jar = directory.resolve("app.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JarLauncher.class.getName());
    manifest.getMainAttributes().putValue("Start-Class", "com.example.app.Main");
    manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
    manifest.getMainAttributes().putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      copyJar(Path.of(JarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()), out);
      Path migrations = application.directory().resolve("com/example/app/migrations");
      if (migrationsInALibrary) {
        // The application's own library: a jar in BOOT-INF/lib holding the migrations package.
        Path library = directory.resolve("migrations-library");
        copyTree(migrations, library.resolve("com/example/app/migrations"));
        deleteTree(migrations);
        stored(out, "BOOT-INF/lib/app-migrations.jar", Files.readAllBytes(jarOf(library)));
      }
      copyFolder(application.directory(), "BOOT-INF/classes/", out);
      for (Path library : libraries()) {
        Path packed = Files.isDirectory(library) ? jarOf(library) : library;
        // A module of this build is its target/classes folder: named after the module.
        String name = Files.isDirectory(library) ? library.getParent().getParent().getFileName() + ".jar"
            : library.getFileName().toString();
        stored(out, "BOOT-INF/lib/" + name, Files.readAllBytes(packed));
      }
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return jar;
  }

  /** What the runtime needs of the test's class path: the tool's modules and the SQLite driver. */
  private static List<Path> libraries() {
    List<Path> libraries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      String text = path.toString();
      if (text.contains("entity-model") || text.contains("/engine/") || text.contains("engine-")
          || text.contains("sqlite-jdbc") || text.contains("slf4j-api")) {
        libraries.add(path);
      }
    }
    return libraries;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private Path jarOf(Path classes) throws IOException {
    Path jar = Files.createTempFile(directory, "library", ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      copyFolder(classes, "", out);
    }
    return jar;
  }

  private static void copyFolder(Path folder, String prefix, JarOutputStream out) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = prefix + folder.relativize(file).toString().replace('\\', '/');
        if (Files.isDirectory(file)) {
          if (!name.isEmpty() && !name.equals(prefix)) {
            out.putNextEntry(new JarEntry(name + "/"));
            out.closeEntry();
          } else if (!prefix.isEmpty() && name.equals(prefix)) {
            out.putNextEntry(new JarEntry(prefix));
            out.closeEntry();
          }
        } else {
          out.putNextEntry(new JarEntry(name));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    }
  }

  private static void copyJar(Path source, JarOutputStream out) throws IOException {
    try (JarFile jar = new JarFile(source.toFile())) {
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        if (entry.getName().startsWith("META-INF/")) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream in = jar.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  /** Spring Boot reads nested jars in place, which needs them stored uncompressed. */
  private static void stored(OutputStream target, String name, byte[] content) throws IOException {
    JarOutputStream out = (JarOutputStream) target;
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    out.putNextEntry(entry);
    out.write(content);
    out.closeEntry();
  }
}
