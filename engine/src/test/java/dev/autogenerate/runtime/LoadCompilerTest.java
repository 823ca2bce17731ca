package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The class archive's run compiles its small migration and leaves nothing behind. */
class LoadCompilerTest {

  @Test
  void theSmallMigrationCompilesAndItsFolderGoes() throws IOException {
    Set<Path> before = compilerFolders();

    assertTrue(SourceCompiler.loadCompiler(List.of(), getClass().getClassLoader()));

    assertEquals(before, compilerFolders());
  }

  /** This process's: the other test JVM may make and drop its own meanwhile. */
  private static Set<Path> compilerFolders() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(entry -> entry.getFileName().toString().startsWith(SourceCompiler.COMPILER_FOLDER_PREFIX))
          .collect(Collectors.toSet());
    }
  }
}
