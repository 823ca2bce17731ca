package dev.autogenerate.project;

import static dev.autogenerate.project.EntityModelCacheTest.GREETER;
import static dev.autogenerate.project.EntityModelCacheTest.ORDER;
import static dev.autogenerate.project.EntityModelCacheTest.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.runtime.CacheLimit;
import dev.autogenerate.runtime.SourceStamp;
import dev.autogenerate.testing.EntitySources;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entities' cache key as the class path's files give it: taken from the memo of what it read
 * of a class file only while the file keeps the stamp it had then, and only while the folders hold
 * the same classes; and changed by any rewrite of a file it counts by its stamp. The key must be
 * the one the files give, whichever way it was made, or a check would take a stale model.
 */
class ClassFileMemoTest {

  @TempDir Path project;
  @RegisterExtension final OwnCacheDirectory cache = new OwnCacheDirectory();

  @Test
  void theKeyFromTheMemoIsTheKeyFromTheFiles() throws Exception {
    Settings settings = settledProject(ORDER, STATUS, GREETER);
    EntityModelCache.Stamps stamps = EntityModelCache.stamps(settings).orElseThrow();
    assertTrue(stamps.settled());

    String fromFiles = EntityModelCache.key(settings).orElseThrow();
    assertEquals(List.of(), memos(), "a key made without stamps keeps nothing");
    assertEquals(fromFiles, EntityModelCache.key(settings, stamps).orElseThrow());
    assertEquals(1, memos().size());
    assertEquals(fromFiles, EntityModelCache.key(settings, stamps).orElseThrow());
  }

  @Test
  void aFactIsTakenForAFileWithItsStampAndNotOnceTheFileChanged() throws Exception {
    Settings settings = settledProject(ORDER, STATUS, GREETER);
    EntityModelCache.Stamps stamps = EntityModelCache.stamps(settings).orElseThrow();
    String fromFiles = EntityModelCache.key(settings, stamps).orElseThrow();

    // Proof that the key takes the memo's digest: a wrong one gives a wrong key.
    falsifyDigestOf("Order.class", stamps);
    assertNotEquals(fromFiles, EntityModelCache.key(settings, stamps).orElseThrow());

    // Edited, the class file has another stamp: read again, the falsified fact ignored.
    compile(ORDER.replace("Status status;", "Status status;\n  Integer total;"), STATUS, GREETER);
    EntityModelCache.Stamps edited = EntityModelCache.stamps(settings).orElseThrow();
    String afterEdit = EntityModelCache.key(settings, edited).orElseThrow();
    assertEquals(EntityModelCache.key(settings).orElseThrow(), afterEdit);
    assertNotEquals(fromFiles, afterEdit);
  }

  @Test
  void theMemoOfOtherClassesInTheFoldersIsNotTaken() throws Exception {
    Settings settings = settledProject(ORDER, STATUS, GREETER);
    EntityModelCache.Stamps stamps = EntityModelCache.stamps(settings).orElseThrow();
    EntityModelCache.key(settings, stamps);
    falsifyDigestOf("Order.class", stamps);

    // A class added: what the others name may be it (their facts said nothing of it).
    EntitySources.compileInto(project.resolve("more"), List.of("""
        package com.example.domain;

        public class Receipt {}
        """));
    Files.copy(project.resolve("more/com/example/domain/Receipt.class"),
        project.resolve("classes/com/example/domain/Receipt.class"));
    EntityModelCache.Stamps added = EntityModelCache.stamps(settings).orElseThrow();
    assertEquals(EntityModelCache.key(settings).orElseThrow(), EntityModelCache.key(settings, added).orElseThrow());
  }

  @Test
  void factsOfStampsThatHaveNotSettledAreNotKept() throws Exception {
    Settings settings = settings();
    EntityModelCache.Stamps stamps;
    // Stamped within seconds of the compile: a machine that stalled longer meanwhile compiles again.
    int attempts = 0;
    do {
      compile(ORDER, STATUS, GREETER);
      stamps = EntityModelCache.stamps(settings).orElseThrow();
    } while (stamps.settled() && ++attempts < 3);
    assertFalse(stamps.settled());
    assertEquals(EntityModelCache.key(settings).orElseThrow(), EntityModelCache.key(settings, stamps).orElseThrow());
    assertEquals(List.of(), memos());
  }

  @Test
  void aDamagedMemoIsAMiss() throws Exception {
    Settings settings = settledProject(ORDER, STATUS, GREETER);
    EntityModelCache.Stamps stamps = EntityModelCache.stamps(settings).orElseThrow();
    String fromFiles = EntityModelCache.key(settings, stamps).orElseThrow();
    Path memo = memos().get(0);
    byte[] bytes = Files.readAllBytes(memo);

    // The first fact's count of the classes it names, read as two billion: no array of that size.
    int offset;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.readInt();
      in.readUTF();
      in.readInt();
      in.readUTF();
      in.skipBytes(5 * Long.BYTES);
      in.readUTF();
      in.readBoolean();
      offset = bytes.length - in.available();
    }
    ByteBuffer.wrap(bytes).putInt(offset, Integer.MAX_VALUE);
    Files.write(memo, bytes);
    assertEquals(fromFiles, EntityModelCache.key(settings, stamps).orElseThrow());

    Files.write(memo, Arrays.copyOf(bytes, bytes.length / 2));
    assertEquals(fromFiles, EntityModelCache.key(settings, stamps).orElseThrow());
  }

  /**
   * A file the key counts by its stamp (a jar, a resource) put back with its size and
   * modification time but other content, as cp -p or rsync -t do: its change time tells.
   */
  @Test
  void aFileKeptByItsStampButRewrittenWithItsSizeAndTimeIsAnotherKey() throws Exception {
    compile(ORDER, STATUS, GREETER);
    Path resource = project.resolve("classes/messages.properties");
    Files.writeString(resource, "greeting=aaaa");
    Settings settings = settings();
    FileTime modified = Files.getLastModifiedTime(resource);
    String before = EntityModelCache.key(settings).orElseThrow();

    Files.writeString(resource, "greeting=bbbb");
    Files.setLastModifiedTime(resource, modified);
    assertNotEquals(before, EntityModelCache.key(settings).orElseThrow());
  }

  /** The classes compiled, and old enough that no write can hide behind their stamps. */
  private Settings settledProject(String... sources) throws Exception {
    compile(sources);
    Thread.sleep(SourceStamp.SETTLE_MILLIS + 300);
    return settings();
  }

  private void compile(String... sources) {
    EntitySources.compileInto(project.resolve("classes"), List.of(sources));
  }

  private Settings settings() {
    return SettingsLoader.resolve(project, null, Map.of(),
        Map.of(SettingsLoader.CLASSPATH, "classes", SettingsLoader.URL, "jdbc:sqlite:unused.db")).settings();
  }

  /** Rewrites the memo with another digest for the class file of this name. */
  private void falsifyDigestOf(String fileName, EntityModelCache.Stamps stamps) throws Exception {
    List<String> classes;
    try (Stream<Path> files = Files.walk(project.resolve("classes"))) {
      classes = files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> project.resolve("classes").relativize(file).toString().replace(".class", "")).sorted().toList();
    }
    ClassFileMemo memo = new ClassFileMemo(cache.path().resolve("class-files"), CacheLimit.STANDARD);
    Map<String, ClassFileMemo.Facts> facts = new HashMap<>(memo.read(stamps.project(), classes));
    assertEquals(classes.size(), facts.size(), facts::toString);
    facts.replaceAll((path, fact) -> path.endsWith("/" + fileName)
        ? new ClassFileMemo.Facts(fact.stamp(), "0".repeat(fact.digest().length()), fact.reach()) : fact);
    memo.write(stamps.project(), classes, facts);
  }

  private List<Path> memos() throws Exception {
    Path folder = cache.path().resolve("class-files");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".facts")).toList();
    }
  }
}
