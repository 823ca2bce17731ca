package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the cache is, and how an entry is written. The system property names the cache before
 * the environment does: with both, a build's tests (surefire sets the property) wrote into the
 * developer's $AUTOGENERATE_CACHE.
 */
class CacheDirectoryTest {

  @TempDir Path directory;

  /** Prints where the cache of one kind is, for a JVM started with its own environment. */
  public static void main(String[] args) {
    System.out.print(CacheDirectory.of(args[0]));
  }

  /**
   * An entry is written through a temporary file of the process's own, readable by its owner
   * only (as {@code Files.createTempFile} made them), and a temporary name already taken (by
   * another process, however unlikely) is skipped and left as it is.
   */
  @Test
  void anEntryIsWrittenWholeForItsOwnerOnlyPastTemporaryNamesTaken() throws Exception {
    Path folder = directory.resolve("entries");
    Files.createDirectories(folder);
    String prefix = CacheDirectory.temporaryPrefix("model");
    long next = CacheDirectory.temporaryFilesNamed() + 1;
    List<Path> taken = List.of(folder.resolve(prefix + next + ".tmp"), folder.resolve(prefix + (next + 1) + ".tmp"));
    for (Path file : taken) {
      Files.writeString(file, "another process's");
    }

    CacheDirectory.writeEntry(folder, "model", () -> "content".getBytes(StandardCharsets.UTF_8));

    assertEquals("content", Files.readString(folder.resolve("model")));
    for (Path file : taken) {
      assertEquals("another process's", Files.readString(file));
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(3, files.count(), "the entry and the two files it did not own, no temporary file of its own");
    }
    if (Files.getFileAttributeView(folder.resolve("model"), PosixFileAttributeView.class) != null) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("model"))));
    }
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironment() throws Exception {
    Path property = directory.resolve("property");
    Path environment = directory.resolve("environment");
    assertEquals(property.resolve("entities").toString(), whereAChildJvmCaches(property, environment));
  }

  @Test
  void theEnvironmentNamesTheCacheWhenThePropertyIsNotSet() throws Exception {
    Path environment = directory.resolve("environment");
    assertEquals(environment.resolve("entities").toString(), whereAChildJvmCaches(null, environment));
  }

  private static String whereAChildJvmCaches(Path property, Path environment) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = property == null
        ? List.of(java, "-cp", System.getProperty("java.class.path"), CacheDirectoryTest.class.getName(), "entities")
        : List.of(java, "-Dautogenerate.cache=" + property, "-cp", System.getProperty("java.class.path"),
            CacheDirectoryTest.class.getName(), "entities");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    // Options a JVM picks up from the environment could name the cache themselves.
    builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
    builder.environment().put("AUTOGENERATE_CACHE", environment.toString());
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
      assertEquals(0, process.exitValue());
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
    }
  }
}
