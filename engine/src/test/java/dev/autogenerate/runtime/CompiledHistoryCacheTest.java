package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.inspect.TableFilter;
import dev.autogenerate.operations.AddColumn;
import dev.autogenerate.operations.OperationChecksum;
import dev.autogenerate.schema.DatabaseKind;
import dev.autogenerate.testing.TestDatabase;
import dev.autogenerate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrations directory is kept as one entry: an unchanged history is read from it without
 * compiling, hashing or defining a class; a source is trusted by its stamp only once the stamp
 * has settled, and otherwise by its content, so an edit is never served stale, even one that
 * keeps the file's size and modification time; a damaged entry is a miss; commands running
 * together share it safely; checksums are kept only for migrations that reach nothing but the
 * migration API.
 */
class CompiledHistoryCacheTest {

  @TempDir Path migrations;
  @TempDir Path cacheDirectory;

  private final List<String> warnings = new ArrayList<>();

  private Path migration(String className, String id, String parent, String column) throws Exception {
    return ColumnMigrations.write(migrations, className, id, parent, column);
  }

  private void twoRevisions() throws Exception {
    migration("M1_first", "aaaa00000001", null, "c1");
    migration("M2_second", "aaaa00000002", "aaaa00000001", "c2");
  }

  private CompiledHistoryCache cache() {
    return new CompiledHistoryCache(cacheDirectory);
  }

  // The per-source cache in the test's folder too, not the user's.
  private List<MigrationScript> load() {
    return MigrationLoader.fromSources(migrations, List.of(), getClass().getClassLoader(), cache(),
        new CompiledClassCache(cacheDirectory, false));
  }

  private List<MigrationScript> read() {
    return MigrationLoader.readSources(migrations, List.of(), getClass().getClassLoader(), warnings::add, cache(),
        new CompiledClassCache(cacheDirectory, false));
  }

  private Path entryFile() throws Exception {
    try (Stream<Path> files = Files.list(cacheDirectory)) {
      List<Path> entries = files.filter(file -> file.toString().endsWith(".history")).toList();
      assertEquals(1, entries.size(), "one entry for the directory: " + entries);
      return entries.get(0);
    }
  }

  /** Rewrites the entry, as another process that had other facts would have written it. */
  private void rewriteEntry(UnaryOperator<CompiledHistory> change) throws Exception {
    Path file = entryFile();
    Files.write(file, change.apply(CompiledHistory.read(Files.readAllBytes(file))).write());
  }

  /** The entry as if written long after the sources last changed: their stamps have settled. */
  private static CompiledHistory settled(CompiledHistory entry) {
    return entry.withSources(System.currentTimeMillis() + 60_000, entry.sources());
  }

  private static CompiledHistory withMessages(CompiledHistory entry, String message) {
    List<CompiledHistory.Header> revisions = entry.revisions().stream().map(header -> new CompiledHistory.Header(
        header.className(), header.id(), header.parents(), message, header.created(), header.upgradeChecksum())).toList();
    return new CompiledHistory(entry.context(), entry.stampedAtMillis(), entry.sources(), revisions, entry.used(), entry.classFiles());
  }

  private static CompiledHistory withContentKeys(CompiledHistory entry, String key) {
    List<CompiledHistory.Source> sources = entry.sources().stream()
        .map(source -> new CompiledHistory.Source(source.path(), source.stamp(), key, source.classNames())).toList();
    return new CompiledHistory(entry.context(), entry.stampedAtMillis(), sources, entry.revisions(), entry.used(), entry.classFiles());
  }

  private static List<String> columnsAdded(List<MigrationScript> scripts) {
    return scripts.stream().flatMap(script -> script.upgradeOperations().stream())
        .map(operation -> ((AddColumn) operation).column().name()).toList();
  }

  @Test
  void anUnchangedHistoryIsReadFromTheEntryAndDefinesNoClassUntilItsOperationsAreAskedFor() throws Exception {
    twoRevisions();
    List<MigrationScript> compiled = load();
    assertFalse(compiled.get(0).migration() instanceof DeferredMigration, "the first load compiles");

    // Proof that the next load reads the entry: it says what the entry says.
    rewriteEntry(entry -> withMessages(entry, "from the entry"));
    List<MigrationScript> cached = load();
    assertEquals(List.of("from the entry", "from the entry"), cached.stream().map(MigrationScript::message).toList());
    assertEquals(compiled.stream().map(MigrationScript::id).toList(), cached.stream().map(MigrationScript::id).toList());
    assertEquals(compiled.stream().map(MigrationScript::origin).toList(),
        cached.stream().map(MigrationScript::origin).toList());
    assertEquals(List.of(List.of(), List.of("aaaa00000001")), cached.stream().map(MigrationScript::parents).toList());
    assertInstanceOf(DeferredMigration.class, cached.get(0).migration());
    assertEquals(List.of("c1", "c2"), columnsAdded(cached));
  }

  @Test
  void aSettledStampIsTrustedWithoutReadingTheSource() throws Exception {
    twoRevisions();
    load();
    // Content keys that match no source: only a load that trusts the stamps still hits.
    rewriteEntry(entry -> withMessages(withContentKeys(settled(entry), "not the content"), "from the entry"));
    List<MigrationScript> cached = load();
    if (SourceStamp.of(migrations.resolve("M1_first.java")).changedNanos() >= 0) {
      assertEquals("from the entry", cached.get(0).message());
    } else {
      // No change time on this file system: stamps never settle, the content decides.
      assertEquals("adds c1", cached.get(0).message());
    }
  }

  @Test
  void anEditThatKeepsSizeAndModificationTimeIsCaught() throws Exception {
    twoRevisions();
    Path first = migrations.resolve("M1_first.java");
    load();
    rewriteEntry(CompiledHistoryCacheTest::settled);
    FileTime modified = Files.getLastModifiedTime(first);
    long size = Files.size(first);

    // The same length, the old modification time put back (as tar or cp -p would): only the
    // change time (or, without one, the content) tells.
    Files.writeString(first, Files.readString(first).replace("\"c1\"", "\"c9\""));
    Files.setLastModifiedTime(first, modified);
    assertEquals(size, Files.size(first));

    assertEquals(List.of("c9", "c2"), columnsAdded(load()));
  }

  @Test
  void aStampThatHasNotSettledIsCheckedAgainstTheContent() throws Exception {
    twoRevisions();
    load();
    // Written just now, the sources' stamps have not settled: their content is what counts.
    rewriteEntry(entry -> withMessages(withContentKeys(entry, "not the content"), "from the entry"));
    List<MigrationScript> reloaded = load();
    assertEquals(List.of("adds c1", "adds c2"), reloaded.stream().map(MigrationScript::message).toList());
    assertFalse(reloaded.get(0).migration() instanceof DeferredMigration, "compiled (or taken per source) again");
  }

  @Test
  void aSourceThatNoLongerCompilesIsToldNotServedFromTheEntry() throws Exception {
    twoRevisions();
    read();
    rewriteEntry(CompiledHistoryCacheTest::settled);
    Path second = migrations.resolve("M2_second.java");
    Files.writeString(second, Files.readString(second).replace("op.addColumn", "op.noSuchOperation"));

    List<MigrationScript> scripts = read();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("M2_second.java does not compile"), warnings.get(0));
    assertFalse(scripts.get(1).compiled());
  }

  @Test
  void anAddedSourceIsLoadedAndItsFolderKeepsOneEntry() throws Exception {
    twoRevisions();
    load();
    migration("M3_third", "aaaa00000003", "aaaa00000002", "c3");
    assertEquals(List.of("c1", "c2", "c3"), columnsAdded(load()));
    assertEquals(3, CompiledHistory.read(Files.readAllBytes(entryFile())).sources().size(), "replaced, not added to");
    assertInstanceOf(DeferredMigration.class, load().get(2).migration());
  }

  @Test
  void aDamagedEntryIsAMissNotAnError() throws Exception {
    twoRevisions();
    load();
    Path entry = entryFile();
    byte[] whole = Files.readAllBytes(entry);
    Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertEquals(List.of("c1", "c2"), columnsAdded(load()));

    // One byte of a class changed: the classes are read only when one is defined, but the entry's
    // checksum refuses it whole when it is read.
    whole = Files.readAllBytes(entryFile());
    whole[whole.length - 20] ^= 0x5a;
    Files.write(entryFile(), whole);
    List<MigrationScript> afterDamage = load();
    assertFalse(afterDamage.get(0).migration() instanceof DeferredMigration, "a miss");
    assertEquals(List.of("c1", "c2"), columnsAdded(afterDamage));

    Files.write(entryFile(), new byte[] {0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    assertEquals(List.of("c1", "c2"), columnsAdded(load()));
    assertEquals(List.of("c1", "c2"), columnsAdded(load()), "the entry written again is whole");
  }

  @Test
  void commandsRunningTogetherShareTheEntrySafely() throws Exception {
    for (int i = 1; i <= 6; i++) {
      migration("M" + i + "_step", "aaaa0000000" + i, i == 1 ? null : "aaaa0000000" + (i - 1), "c" + i);
    }
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<MigrationScript>>> loads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        loads.add(workers.submit(this::load));
      }
      for (Future<List<MigrationScript>> each : loads) {
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), columnsAdded(each.get(60, TimeUnit.SECONDS)));
      }
    } finally {
      workers.shutdownNow();
    }
    try (Stream<Path> files = Files.list(cacheDirectory)) {
      assertTrue(files.noneMatch(file -> file.toString().endsWith(".tmp")), "no temporary file left behind");
    }
    CompiledHistory.read(Files.readAllBytes(entryFile()));
    assertInstanceOf(DeferredMigration.class, load().get(0).migration());
  }

  @Test
  void aKeptChecksumIsTheOneTheOperationsGive() throws Exception {
    twoRevisions();
    load();
    for (MigrationScript script : load()) {
      assertTrue(script.identity().isPresent(), "a migration that reaches only the API has an identity");
      assertEquals(OperationChecksum.of(script.upgradeOperations()), script.checksum());
      assertTrue(script.matchesChecksum(OperationChecksum.of(script.upgradeOperations())));
    }
    assertTrue(CompiledHistory.read(Files.readAllBytes(entryFile())).revisions().stream()
        .allMatch(header -> header.upgradeChecksum().startsWith("v1:")));
  }

  @Test
  void aKeptChecksumThatDiffersIsCheckedAgainstTheOperations() throws Exception {
    twoRevisions();
    load();
    rewriteEntry(entry -> new CompiledHistory(entry.context(), entry.stampedAtMillis(), entry.sources(),
        entry.revisions().stream().map(header -> new CompiledHistory.Header(header.className(), header.id(),
            header.parents(), header.message(), header.created(), "v1:not-what-it-records")).toList(),
        entry.used(), entry.classFiles()));
    List<MigrationScript> scripts = load();
    MigrationScript first = scripts.get(0);
    assertTrue(first.matchesChecksum(OperationChecksum.of(first.upgradeOperations())));
    assertFalse(first.matchesChecksum("v1:something-else"));

    // A database records the checksum of what ran, never the kept one.
    TestDatabase database = TestDatabases.fresh(DatabaseKind.SQLITE);
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      statement.execute("create table items (id integer primary key)");
      new Migrator(RevisionHistory.of(scripts), TableFilter.defaults()).upgrade(connection, "head");
      List<String> recorded = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(
          "select checksum from autogenerate_version union all select checksum from autogenerate_history")) {
        while (rows.next()) {
          recorded.add(rows.getString(1));
        }
      }
      assertEquals(List.of(OperationChecksum.of(scripts.get(1).upgradeOperations()),
          OperationChecksum.of(scripts.get(0).upgradeOperations()), OperationChecksum.of(scripts.get(1).upgradeOperations())),
          recorded);
    }
  }

  @Test
  void aMigrationThatReachesBeyondTheApiKeepsNoChecksum() throws Exception {
    twoRevisions();
    Files.writeString(migrations.resolve("M2_second.java"), Files.readString(migrations.resolve("M2_second.java"))
        .replace("column(\"c2\"", "column(System.getProperty(\"column.name\", \"c2\")"));
    load();
    List<MigrationScript> cached = load();
    assertInstanceOf(DeferredMigration.class, cached.get(0).migration());
    // Per file: the first keeps its checksum, the second, which reads a system property, does not.
    assertTrue(!cached.get(0).identity().isEmpty() && cached.get(1).identity().isEmpty(), cached::toString);
    List<CompiledHistory.Header> headers = CompiledHistory.read(Files.readAllBytes(entryFile())).revisions();
    assertTrue(!headers.get(0).upgradeChecksum().isEmpty() && headers.get(1).upgradeChecksum().isEmpty(),
        headers::toString);
    RevisionHistory history = RevisionHistory.of(cached);
    assertTrue(history.replayIdentity(history.appliedAt(List.of("aaaa00000002"))).isEmpty());
    assertEquals(OperationChecksum.of(cached.get(1).upgradeOperations()), cached.get(1).checksum());
  }

  @Test
  void aMigrationUsingAHelperOfAnotherFileKeepsNoChecksum() throws Exception {
    twoRevisions();
    // A helper in a file of its own may change while the migration's file stays as it is.
    Files.writeString(migrations.resolve("Names.java"), "package m;\n\nfinal class Names {\n"
        + "  static String second() {\n    return \"c2\";\n  }\n}\n");
    Files.writeString(migrations.resolve("M2_second.java"), Files.readString(migrations.resolve("M2_second.java"))
        .replace("column(\"c2\"", "column(Names.second()"));
    load();
    load();

    List<CompiledHistory.Header> headers = CompiledHistory.read(Files.readAllBytes(entryFile())).revisions();
    assertTrue(!headers.get(0).upgradeChecksum().isEmpty() && headers.get(1).upgradeChecksum().isEmpty(),
        headers::toString);
  }

  @Test
  void theReplayIdentityNamesEachAppliedRevision() throws Exception {
    twoRevisions();
    load();
    RevisionHistory history = RevisionHistory.of(load());
    String both = history.replayIdentity(history.appliedAt(List.of("aaaa00000002"))).orElseThrow();
    String first = history.replayIdentity(history.appliedAt(List.of("aaaa00000001"))).orElseThrow();
    assertTrue(both.startsWith(first) && both.length() > first.length(), both);
    assertTrue(both.contains("m.M2_second"), both);
  }

  @Test
  void aStampSettlesOnlyWithAChangeTimeWellBeforeItWasRead() {
    long now = System.currentTimeMillis();
    long nanos = TimeUnit.MILLISECONDS.toNanos(now);
    assertTrue(new SourceStamp(1, nanos, nanos - TimeUnit.SECONDS.toNanos(10), 1, 1).settledBefore(now));
    assertFalse(new SourceStamp(1, nanos, nanos - TimeUnit.MILLISECONDS.toNanos(500), 1, 1).settledBefore(now));
    assertFalse(new SourceStamp(1, nanos - TimeUnit.SECONDS.toNanos(10), -1, 0, 0).settledBefore(now),
        "without a change time, never");
  }
}
