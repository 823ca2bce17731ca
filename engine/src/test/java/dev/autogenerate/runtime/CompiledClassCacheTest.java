package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations compile once: the classes each source compiled to are reused while no source
 * changed, an edited source compiles again, a damaged entry is a miss, and commands running
 * together share the cache safely.
 */
class CompiledClassCacheTest {

  @TempDir Path sources;
  @TempDir Path cacheDirectory;

  private Path source(String name, String body) throws Exception {
    return Files.writeString(sources.resolve(name + ".java"), "package m;\npublic class " + name + " {\n" + body + "\n}\n");
  }

  private SourceCompiler.Attempt compile(List<Path> files) {
    return SourceCompiler.attempt(files, List.of(), getClass().getClassLoader(), new CompiledClassCache(cacheDirectory, false));
  }

  private static String answer(SourceCompiler.Attempt attempt, String className) throws Exception {
    return String.valueOf(attempt.compiled().loader().loadClass(className).getMethod("answer").invoke(null));
  }

  @Test
  void unchangedSourcesAreNotCompiledAgain() throws Exception {
    Path first = source("First", "public static String answer() { return \"one\"; }");
    Path second = source("Second", "public static String answer() { return \"two\"; }");
    assertEquals("one", answer(compile(List.of(first, second)), "m.First"));
    try (var entries = Files.list(cacheDirectory)) {
      assertEquals(2, entries.filter(file -> file.toString().endsWith(".classes")).count());
    }

    // Proof that the second run reads the cache: javac is given nothing.
    CompiledClassCache cache = new CompiledClassCache(cacheDirectory, false);
    SourceCompiler.Attempt cached = SourceCompiler.attempt(List.of(first, second), List.of(), getClass().getClassLoader(),
        cache);
    assertEquals(List.of(), cache.compiles());
    assertEquals(List.of("m.First", "m.Second"), cached.compiled().classNames());
    assertEquals("two", answer(cached, "m.Second"));
  }

  @Test
  void anEntryOfAnotherFormatIsAMiss() throws Exception {
    Path first = source("First", "public static String answer() { return \"one\"; }");
    compile(List.of(first));
    String compilePath = SourceCompiler.classPathWithApi(List.of());
    CompiledClassCache cache = new CompiledClassCache(cacheDirectory, false);
    Map<String, byte[]> classes = cache.get(CompiledClassCache.key(first, compilePath), List.of()).orElseThrow().classes();
    // As an earlier release wrote it: the count first, no format.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeInt(classes.size());
      for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeInt(entry.getValue().length);
        out.write(entry.getValue());
      }
    }
    Files.write(cacheDirectory.resolve(CompiledClassCache.key(first, compilePath) + ".classes"), bytes.toByteArray());
    assertTrue(cache.get(CompiledClassCache.key(first, compilePath), List.of()).isEmpty());
  }

  @Test
  void anEditedSourceCompilesAgain() throws Exception {
    Path first = source("First", "public static String answer() { return \"one\"; }");
    assertEquals("one", answer(compile(List.of(first)), "m.First"));
    source("First", "public static String answer() { return \"uno\"; }");
    assertEquals("uno", answer(compile(List.of(first)), "m.First"));
  }

  @Test
  void aDamagedEntryIsAMissNotAnError() throws Exception {
    Path first = source("First", "public static String answer() { return \"one\"; }");
    compile(List.of(first));
    try (var entries = Files.list(cacheDirectory)) {
      for (Path entry : entries.toList()) {
        Files.write(entry, new byte[] {1, 2, 3});
      }
    }
    assertEquals("one", answer(compile(List.of(first)), "m.First"));
  }

  @Test
  void anEntryWithADamagedLengthIsAMissNotAnError() throws Exception {
    Path first = source("First", "public static String answer() { return \"one\"; }");
    compile(List.of(first));
    try (var entries = Files.list(cacheDirectory)) {
      for (Path entry : entries.toList()) {
        byte[] bytes = Files.readAllBytes(entry);
        // The first class's length, after the format, the count and the class's name.
        int offset;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
          in.readInt();
          in.readInt();
          in.readUTF();
          offset = bytes.length - in.available();
        }
        ByteBuffer.wrap(bytes).putInt(offset, Integer.MAX_VALUE);
        Files.write(entry, bytes);
      }
    }
    assertEquals("one", answer(compile(List.of(first)), "m.First"));
  }

  @Test
  void commandsRunningTogetherShareTheCacheSafely() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      files.add(source("Class" + i, "public static String answer() { return \"" + i + "\"; }"));
    }
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<SourceCompiler.Attempt>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        attempts.add(workers.submit(() -> compile(files)));
      }
      for (Future<SourceCompiler.Attempt> attempt : attempts) {
        assertEquals("3", answer(attempt.get(60, TimeUnit.SECONDS), "m.Class3"));
      }
    } finally {
      workers.shutdownNow();
    }
    try (var entries = Files.list(cacheDirectory)) {
      assertTrue(entries.noneMatch(file -> file.toString().endsWith(".tmp")), "no temporary file left behind");
    }
  }
}
