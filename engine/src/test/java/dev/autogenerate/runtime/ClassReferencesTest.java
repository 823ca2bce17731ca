package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes a class file names, which decide whether a migration's operations depend on its
 * bytes and the tool alone.
 */
class ClassReferencesTest {

  @TempDir Path sources;
  @TempDir Path cacheDirectory;

  /** The classes one source compiles to, by binary name. */
  private Map<String, byte[]> compile(String name, String body) throws Exception {
    Path source = Files.writeString(sources.resolve(name + ".java"), "package m;\n" + body);
    SourceCompiler.Attempt attempt = SourceCompiler.attempt(List.of(source), List.of(), getClass().getClassLoader(),
        new CompiledClassCache(cacheDirectory, false));
    return attempt.compiled().bySource().get(source).classes();
  }

  @Test
  void namesEveryClassTheCodeReaches() throws Exception {
    Map<String, byte[]> classes = compile("Clock", """
        public class Clock {
          long now() { return System.currentTimeMillis() + java.util.List.of(1).size(); }
        }
        """);
    Set<String> references = ClassReferences.of(classes.get("m.Clock"));
    assertTrue(references.contains("java/lang/System"), references.toString());
    assertTrue(references.contains("java/util/List"), references.toString());
    assertFalse(SelfContainedClasses.all(classes), "the clock is outside what a kept checksum may depend on");
  }

  @Test
  void classesThatReachOnlyEachOtherTheApiAndPlainValuesAreSelfContained() throws Exception {
    Map<String, byte[]> classes = compile("Columns", """
        import dev.autogenerate.schema.Column;
        import dev.autogenerate.schema.SqlType;

        public class Columns {
          static final class Names {
            static String of(int i) { return "c" + i; }
          }
          Object column(int i) { return Column.column(Names.of(i), SqlType.varchar(10 * i)); }
          java.util.List<Integer> sizes() { return java.util.List.of(1, 2); }
        }
        """);
    assertTrue(classes.containsKey("m.Columns$Names"));
    assertTrue(SelfContainedClasses.all(classes));
  }

  @Test
  void anApplicationClassIsOutside() throws Exception {
    Map<String, byte[]> classes = compile("UsesApplication", """
        public class UsesApplication {
          Object name() { return new StringBuilder(dev.autogenerate.runtime.ToolVersion.current()); }
        }
        """);
    assertFalse(SelfContainedClasses.all(classes), "the tool's runtime is not the migration API");
  }

  @Test
  void bytesThatAreNotAClassAreRefused() {
    assertThrows(IOException.class, () -> ClassReferences.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    assertFalse(SelfContainedClasses.all(Map.of("x.Y", new byte[] {1, 2, 3})));
  }
}
