package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.ExecuteSql;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.operations.OperationChecksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a new or edited migration, only what may have changed compiles again: a new file that
 * stands alone compiles by itself, beside the cached classes of the others (a helper class of an
 * unchanged file included); a file that uses another file's class (an inlined constant too)
 * compiles again with it; a class that went away is a compile error naming the file that uses
 * it; a broken new file is set aside while the rest is read from the cache.
 */
class IncrementalCompileTest {

  @TempDir Path migrations;
  @TempDir Path cacheDirectory;
  @TempDir Path otherCacheDirectory;

  private final List<String> warnings = new ArrayList<>();
  /** The per-source cache of the last load, which records what javac was given. */
  private CompiledClassCache classCache;

  private Path migration(String className, String id, String parent, String column) throws Exception {
    return ColumnMigrations.write(migrations, className, id, parent, column);
  }

  private Path file(String name) {
    return migrations.resolve(name + ".java");
  }

  private List<MigrationScript> load() {
    return load(cacheDirectory);
  }

  private List<MigrationScript> load(Path caches) {
    classCache = new CompiledClassCache(caches, false);
    return MigrationLoader.fromSources(migrations, List.of(), getClass().getClassLoader(),
        new CompiledHistoryCache(caches), classCache);
  }

  private List<MigrationScript> read() {
    classCache = new CompiledClassCache(cacheDirectory, false);
    return MigrationLoader.readSources(migrations, List.of(), getClass().getClassLoader(), warnings::add,
        new CompiledHistoryCache(cacheDirectory), classCache);
  }

  /** The file names javac was given in the last load, run by run. */
  private List<List<String>> compiled() {
    return classCache.compiles().stream()
        .map(run -> run.stream().map(path -> path.getFileName().toString()).toList()).toList();
  }

  private static List<String> columnsAdded(List<MigrationScript> scripts) {
    return scripts.stream().flatMap(script -> script.upgradeOperations().stream())
        .map(operation -> ((AddColumn) operation).column().name()).toList();
  }

  private static List<String> checksums(List<MigrationScript> scripts) {
    return scripts.stream().map(script -> OperationChecksum.of(script.upgradeOperations())).toList();
  }

  @Test
  void aNewMigrationBesideUnchangedOnesCompilesAlone() throws Exception {
    int count = 6;
    for (int i = 1; i <= count; i++) {
      migration("M" + i + "_step", "aaaa0000000" + i, i == 1 ? null : "aaaa0000000" + (i - 1), "c" + i);
    }
    load();
    assertEquals(1, compiled().size());
    assertEquals(count, compiled().get(0).size(), "the first load compiles every file");

    migration("M7_step", "aaaa00000007", "aaaa00000006", "c7");
    List<MigrationScript> scripts = load();
    assertEquals(List.of(List.of("M7_step.java")), compiled(), "only the new file");
    // The unchanged revisions come from the previous entry: their classes are not even defined yet.
    for (int i = 0; i < count; i++) {
      assertInstanceOf(DeferredMigration.class, scripts.get(i).migration());
    }
    assertFalse(scripts.get(count).migration() instanceof DeferredMigration, "the new one is loaded");
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7"), columnsAdded(scripts));

    // The same as compiling the whole folder afresh, in what runs and in what the history records.
    List<MigrationScript> whole = load(otherCacheDirectory);
    assertEquals(count + 1, compiled().get(0).size());
    assertEquals(whole.stream().map(MigrationScript::id).toList(), scripts.stream().map(MigrationScript::id).toList());
    assertEquals(checksums(whole), checksums(scripts));
    assertEquals(whole.stream().map(MigrationScript::checksum).toList(),
        scripts.stream().map(MigrationScript::checksum).toList());

    // Every file's classes were told apart, so the folder's entry was written: the next load reads it.
    List<MigrationScript> fromEntry = load();
    assertEquals(List.of(), compiled());
    assertInstanceOf(DeferredMigration.class, fromEntry.get(6).migration());
    assertEquals(checksums(whole), fromEntry.stream().map(MigrationScript::checksum).toList());
  }

  @Test
  void theRevisionsOfThePreviousEntryAreTakenOnlyForTheSameBytes() throws Exception {
    migration("M1_first", "aaaa00000001", null, "c1");
    migration("M2_second", "aaaa00000002", "aaaa00000001", "c2");
    load();
    // The entry as if M1's classes had compiled otherwise back then, every message marked.
    Path entryFile;
    try (Stream<Path> files = Files.list(cacheDirectory)) {
      entryFile = files.filter(file -> file.toString().endsWith(".history")).findFirst().orElseThrow();
    }
    CompiledHistory entry = CompiledHistory.read(Files.readAllBytes(entryFile));
    Map<String, byte[]> classes = new HashMap<>(entry.classFiles().all());
    classes.put("m.M1_first", classes.get("m.M2_second"));
    List<CompiledHistory.Header> marked = entry.revisions().stream().map(header -> new CompiledHistory.Header(
        header.className(), header.id(), header.parents(), "from the entry", header.created(), header.upgradeChecksum()))
        .toList();
    Files.write(entryFile, new CompiledHistory(entry.context(), entry.stampedAtMillis(), entry.sources(), marked,
        entry.used(), CompiledHistory.ClassFiles.of(classes)).write());

    migration("M3_third", "aaaa00000003", "aaaa00000002", "c3");
    List<MigrationScript> scripts = load();
    assertEquals(List.of("adds c1", "from the entry", "adds c3"), scripts.stream().map(MigrationScript::message).toList());
    assertFalse(scripts.get(0).migration() instanceof DeferredMigration);
    assertInstanceOf(DeferredMigration.class, scripts.get(1).migration());
  }

  @Test
  void aNewMigrationUsesAHelperClassOfAnUnchangedFile() throws Exception {
    migration("M1_first", "aaaa00000001", null, "c1");
    Files.writeString(file("Names"), """
        package m;

        final class Names {
          static String third() {
            return "c" + (1 + 2);
          }
        }
        """);
    load();

    migration("M3_third", "aaaa00000003", "aaaa00000001", "Names.third()");
    List<MigrationScript> scripts = load();
    assertEquals(List.of(List.of("M3_third.java")), compiled(), "the helper is taken from the cache");
    assertEquals(List.of("c1", "c3"), columnsAdded(scripts));
  }

  @Test
  void aNewMigrationReachesAClassItDoesNotNameThroughOneItNames() throws Exception {
    // Widget is reached through Names without being written: Names, which names another file's
    // class, compiles again beside the new file, and javac is shown the cached Widget.
    migration("M1_first", "aaaa00000001", null, "c1");
    Files.writeString(file("Names"), """
        package m;

        final class Names {
          static Widget widget() {
            return new Widget();
          }
        }
        """);
    Files.writeString(file("Widget"), """
        package m;

        final class Widget {
          String column() {
            return "c3";
          }
        }
        """);
    load();

    migration("M3_third", "aaaa00000003", "aaaa00000001", "Names.widget().column()");
    List<MigrationScript> scripts = load();
    assertEquals(List.of(List.of("M3_third.java", "Names.java")), compiled());
    assertEquals(List.of("c1", "c3"), columnsAdded(scripts));
  }

  @Test
  void anEditedConstantRecompilesTheFileThatCopiedIt() throws Exception {
    Files.writeString(file("Sizes"), "package m;\n\nfinal class Sizes {\n  static final int NAME = 20;\n}\n");
    migration("M1_first", "aaaa00000001", null, "c1");
    migration("M2_second", "aaaa00000002", "aaaa00000001", "c2");
    // M1's column is as long as the constant: javac copies 20 into M1's class.
    Files.writeString(file("M1_first"), Files.readString(file("M1_first")).replace("varchar(20)", "varchar(Sizes.NAME)"));
    assertEquals(20, firstColumnLength(load()));

    Files.writeString(file("Sizes"), Files.readString(file("Sizes")).replace("20", "30"));
    List<MigrationScript> scripts = load();
    assertEquals(List.of(List.of("M1_first.java", "Sizes.java")), compiled(), "M2, which uses neither, is taken");
    assertEquals(30, firstColumnLength(scripts));
    // M1's text is as it was, its classes are not: nothing the previous entry read from them is taken.
    assertFalse(scripts.get(0).migration() instanceof DeferredMigration);
    assertEquals(OperationChecksum.of(scripts.get(0).upgradeOperations()), scripts.get(0).checksum());

    // And back: M1's classes compiled against 30 are not taken for the old text of Sizes.
    Files.writeString(file("Sizes"), Files.readString(file("Sizes")).replace("30", "20"));
    assertEquals(20, firstColumnLength(load()));
  }

  @Test
  void aMigrationThatCopiedAnotherFilesConstantHasNoIdentityOfItsOwn() throws Exception {
    // javac copied the 20 into M1, so another file decides what M1 records: M1's own source (its
    // key) must not be taken for all that decides it.
    Files.writeString(file("Sizes"), "package m;\n\nfinal class Sizes {\n  static final int NAME = 20;\n}\n");
    migration("M1_first", "aaaa00000001", null, "c1");
    Files.writeString(file("M1_first"), Files.readString(file("M1_first")).replace("varchar(20)", "varchar(Sizes.NAME)"));
    migration("M2_second", "aaaa00000002", "aaaa00000001", "c2");
    load();
    List<MigrationScript> cached = load();
    assertEquals(List.of(), compiled());
    assertTrue(cached.get(0).identity().isEmpty(), "M1 depends on Sizes");
    assertTrue(cached.get(1).identity().isPresent(), "M2 stands alone");
  }

  private static int firstColumnLength(List<MigrationScript> scripts) {
    return ((AddColumn) scripts.get(0).upgradeOperations().get(0)).column().type().length();
  }

  @Test
  void aClassThatWentAwayIsAnErrorNamingTheFileThatUsesIt() throws Exception {
    migration("M1_first", "aaaa00000001", null, "c1");
    Files.writeString(file("Names"), "package m;\n\nfinal class Names {\n  static final String SECOND = \"c2\";\n}\n");
    migration("M2_second", "aaaa00000002", "aaaa00000001", "Names.SECOND");
    assertEquals(List.of("c1", "c2"), columnsAdded(load()));

    // Renamed: the file and its class are Labels now; M2, unchanged, still says Names.
    Files.move(file("Names"), file("Labels"));
    Files.writeString(file("Labels"), Files.readString(file("Labels")).replace("class Names", "class Labels"));
    UserError error = assertThrows(UserError.class, this::load);
    int line = lineOf(file("M2_second"), "column(Names.SECOND");
    assertTrue(error.getMessage().startsWith("migration does not compile: " + file("M2_second") + ":" + line + ": "),
        error.getMessage());

    // Removed altogether: the same.
    Files.delete(file("Labels"));
    error = assertThrows(UserError.class, this::load);
    assertTrue(error.getMessage().startsWith("migration does not compile: " + file("M2_second") + ":" + line + ": "),
        error.getMessage());
  }

  private static int lineOf(Path file, String text) throws Exception {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  @Test
  void aBrokenNewFileIsSetAsideAndTheRestIsReadFromTheCache() throws Exception {
    migration("M1_first", "aaaa00000001", null, "c1");
    migration("M2_second", "aaaa00000002", "aaaa00000001", "c2");
    read();

    migration("M3_third", "aaaa00000003", "aaaa00000002", "c3");
    Files.writeString(file("M3_third"), Files.readString(file("M3_third")).replace("op.addColumn", "op.noSuchOperation"));
    List<MigrationScript> scripts = read();
    assertEquals(List.of(List.of("M3_third.java")), compiled(), "javac sees the new file only; the rest is cached");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("M3_third.java does not compile: line " + lineOf(file("M3_third"),
        "noSuchOperation") + ": "), warnings.get(0));
    assertEquals(List.of("aaaa00000001", "aaaa00000002", "aaaa00000003"),
        scripts.stream().map(MigrationScript::id).toList());
    assertTrue(scripts.get(0).compiled() && scripts.get(1).compiled());
    assertFalse(scripts.get(2).compiled());
    assertEquals(List.of("c1", "c2"), columnsAdded(scripts.subList(0, 2)));
  }

  @Test
  void commandsRunningTogetherAfterANewMigrationAgree() throws Exception {
    for (int i = 1; i <= 4; i++) {
      migration("M" + i + "_step", "aaaa0000000" + i, i == 1 ? null : "aaaa0000000" + (i - 1), "c" + i);
    }
    load();
    migration("M5_step", "aaaa00000005", "aaaa00000004", "c5");
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<MigrationScript>>> loads = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        loads.add(workers.submit(() -> MigrationLoader.fromSources(migrations, List.of(), getClass().getClassLoader(),
            new CompiledHistoryCache(cacheDirectory), new CompiledClassCache(cacheDirectory, false))));
      }
      for (Future<List<MigrationScript>> each : loads) {
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5"), columnsAdded(each.get(60, TimeUnit.SECONDS)));
      }
    } finally {
      workers.shutdownNow();
    }
    try (Stream<Path> files = Files.list(cacheDirectory)) {
      assertTrue(files.noneMatch(file -> file.toString().endsWith(".tmp")), "no temporary file left behind");
    }
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5"), columnsAdded(load()));
    assertEquals(List.of(), compiled(), "the entry one of them wrote is whole");
  }

  @Test
  void migrationsWithNestedClassesOfTheSameNameStandAlone() throws Exception {
    // As a very large generated migration splits its steps into UpgradePart1, UpgradePart2...
    for (int i = 1; i <= 2; i++) {
      migration("M" + i + "_large", "aaaa0000000" + i, i == 1 ? null : "aaaa0000000" + (i - 1), "c" + i);
      Files.writeString(file("M" + i + "_large"), Files.readString(file("M" + i + "_large"))
          .replace("op.addColumn(", "UpgradePart1.run(op);\n    op.addColumn(")
          .replaceFirst("}\n$", "\n  // One class would pass Java's limits.\n  static final class UpgradePart1 {\n"
              + "    static void run(Operations op) {\n      op.execute(\"select " + i + "\");\n    }\n  }\n}\n"));
    }
    load();
    migration("M3_large", "aaaa00000003", "aaaa00000002", "c3");
    Files.writeString(file("M3_large"), Files.readString(file("M2_large")).replace("M2_large", "M3_large")
        .replace("aaaa00000002", "aaaa00000003").replace("aaaa00000001", "aaaa00000002").replace("c2", "c3"));
    List<MigrationScript> scripts = load();
    assertEquals(List.of(List.of("M3_large.java")), compiled());
    assertEquals(List.of("select 1", "c1", "select 2", "c2", "select 2", "c3"), scripts.stream()
        .flatMap(script -> script.upgradeOperations().stream())
        .map(operation -> operation instanceof AddColumn add ? add.column().name() : sqlOf(operation)).toList());
  }

  private static String sqlOf(Operation operation) {
    return ((ExecuteSql) operation).sql();
  }

  @Test
  void aNewFileDeclaringANameAnUnchangedFileWritesCompilesThemTogether() throws Exception {
    // M1 writes Names in a comment only: alone, its classes are kept.
    migration("M1_first", "aaaa00000001", null, "c1");
    Files.writeString(file("M1_first"), Files.readString(file("M1_first")).replace("public final class",
        "// the column could come from Names\npublic final class"));
    migration("M2_second", "aaaa00000002", "aaaa00000001", "c2");
    load();
    Files.writeString(file("Names"), "package m;\n\nfinal class Names {\n}\n");
    load();
    assertEquals(List.of(List.of("M1_first.java", "Names.java")), compiled(),
        "a class of that name might now be what M1 means");
  }
}
