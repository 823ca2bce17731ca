package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar's classes as javac would list them from the jar itself. */
class JarClassIndexTest {

  @TempDir
  Path folder;

  @Test
  void listsAPackagesClassesByBinaryNameAndReadsTheirBytes() throws IOException {
    Path jar = jar(false, Map.of(
        "lib/Greeting.class", "greeting",
        "lib/Greeting$Inner.class", "inner",
        "lib/sub/Deeper.class", "deeper",
        "Root.class", "root",
        "lib/notes.txt", "not a class"));
    try (JarClassIndex index = JarClassIndex.open(jar, 17)) {
      List<JavaFileObject> listed = index.list("lib", false);

      assertEquals(List.of("lib.Greeting", "lib.Greeting$Inner"), names(listed));
      JavaFileObject greeting = listed.get(0);
      assertEquals("greeting", text(greeting));
      assertTrue(greeting.isNameCompatible("Greeting", JavaFileObject.Kind.CLASS));
      assertFalse(greeting.isNameCompatible("Greet", JavaFileObject.Kind.CLASS));
      assertTrue(listed.get(1).isNameCompatible("Greeting$Inner", JavaFileObject.Kind.CLASS));
      assertEquals(jar + "(lib/Greeting.class)", greeting.getName());
      assertNotNull(greeting.toUri().getPath(), "javac and SimpleJavaFileObject need a URI with a path");
      assertEquals(List.of("Root"), names(index.list("", false)));
      assertEquals(List.of("lib.Greeting", "lib.Greeting$Inner", "lib.sub.Deeper"), names(index.list("lib", true)));
      assertEquals(List.of(), index.list("java.lang", false), "a package the jar has not");
      assertEquals(listed, index.list("lib", false), "the same file objects each time, as javac remembers them");
    }
  }

  @Test
  void aMultiReleaseJarGivesEachClassTheNewestVersionUpToTheRelease() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("lib/Greeting.class", "base");
    entries.put("META-INF/versions/9/lib/Greeting.class", "nine");
    entries.put("META-INF/versions/11/lib/Greeting.class", "eleven");
    entries.put("META-INF/versions/24/lib/Greeting.class", "twenty-four");
    entries.put("META-INF/versions/11/lib/OnlyVersioned.class", "only in 11");
    entries.put("META-INF/versions/24/lib/Later.class", "only in 24");
    entries.put("module-info.class", "module");
    entries.put("META-INF/versions/9/module-info.class", "module");
    entries.put("META-INF/lib/Stray.class", "not a version");
    Path jar = jar(true, entries);

    try (JarClassIndex index = JarClassIndex.open(jar, 17)) {
      List<JavaFileObject> listed = index.list("lib", false);
      assertEquals(List.of("lib.Greeting", "lib.OnlyVersioned"), names(listed));
      assertEquals("eleven", text(listed.get(0)));
      assertEquals("only in 11", text(listed.get(1)));
      assertEquals(List.of(), index.list("", false), "no module-info on the class path");
      assertEquals(List.of(), index.list("META-INF.lib", false));
    }
    try (JarClassIndex index = JarClassIndex.open(jar, 25)) {
      assertEquals(List.of("lib.Greeting", "lib.Later", "lib.OnlyVersioned"), names(index.list("lib", false)));
      assertEquals("twenty-four", text(index.list("lib", false).get(0)));
    }
  }

  @Test
  void versionsAreIgnoredWhereTheManifestDoesNotSayMultiRelease() throws IOException {
    Path jar = jar(false, Map.of(
        "lib/Greeting.class", "base",
        "META-INF/versions/11/lib/Greeting.class", "eleven",
        "META-INF/versions/11/lib/OnlyVersioned.class", "only in 11"));
    try (JarClassIndex index = JarClassIndex.open(jar, 17)) {
      List<JavaFileObject> listed = index.list("lib", false);
      assertEquals(List.of("lib.Greeting"), names(listed));
      assertEquals("base", text(listed.get(0)));
    }
  }

  @Test
  void onlyItsOwnFileObjectsHaveABinaryNameFromIt() throws IOException {
    Path jar = jar(false, Map.of("lib/Greeting.class", "greeting"));
    try (JarClassIndex index = JarClassIndex.open(jar, 17)) {
      assertEquals("lib.Greeting", JarClassIndex.binaryName(index.list("lib", false).get(0)));
    }
    assertNull(JarClassIndex.binaryName(
        new SimpleJavaFileObject(URI.create("memory:///lib/Greeting.class"), JavaFileObject.Kind.CLASS) {}));
  }

  /** A manifest's Class-Path, as javac reads it: relative to the jar's folder, file URLs only. */
  @Test
  void readsTheJarsItsManifestNames() throws IOException {
    Manifest naming = manifest(false);
    Path elsewhere = folder.resolve("else where/other.jar");
    naming.getMainAttributes().put(Attributes.Name.CLASS_PATH,
        "lib/one.jar  ../two.jar " + elsewhere.toUri() + " http://example.com/three.jar");
    Path jar = jar(naming, Map.of("lib/Greeting.class", "greeting"));
    try (JarClassIndex index = JarClassIndex.open(jar, 17)) {
      assertEquals(List.of(folder.resolve("lib/one.jar"), folder.getParent().resolve("two.jar"), elsewhere),
          index.manifestClassPath());
    }
    try (JarClassIndex index = JarClassIndex.open(jar(false, Map.of("lib/Greeting.class", "greeting")), 17)) {
      assertEquals(List.of(), index.manifestClassPath());
    }
  }

  private Path jar(boolean multiRelease, Map<String, String> entries) throws IOException {
    return jar(manifest(multiRelease), entries);
  }

  private static Manifest manifest(boolean multiRelease) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (multiRelease) {
      manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
    }
    return manifest;
  }

  private Path jar(Manifest manifest, Map<String, String> entries) throws IOException {
    Path jar = Files.createTempFile(folder, "classes", ".jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static List<String> names(List<JavaFileObject> files) {
    return files.stream().map(JarClassIndex::binaryName).toList();
  }

  private static String text(JavaFileObject file) throws IOException {
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
