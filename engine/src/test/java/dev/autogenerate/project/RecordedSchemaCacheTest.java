package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.operations.LeaveToDatabase;
import dev.autogenerate.operations.LeaveToDatabase.Kind;
import dev.autogenerate.runtime.AppliedRevisions;
import dev.autogenerate.runtime.MigrationLoader;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema the applied revisions record is kept by what decides it: read back when the
 * revisions are unchanged, replayed when an entry is damaged or a revision cannot say.
 */
class RecordedSchemaCacheTest {

  @TempDir Path migrations;
  @RegisterExtension final OwnCacheDirectory cache = new OwnCacheDirectory();

  private void revision(String className, String id, String parent, String body) throws Exception {
    Files.writeString(migrations.resolve(className + ".java"), """
        package m;

        import static dev.autogenerate.schema.Column.column;
        import static dev.autogenerate.schema.PrimaryKey.primaryKey;
        import static dev.autogenerate.schema.SqlType.BIGINT;
        import static dev.autogenerate.schema.SqlType.varchar;

        import dev.autogenerate.migration.Migration;
        import dev.autogenerate.migration.Operations;
        import dev.autogenerate.migration.Revision;

        @Revision(id = "%s", revises = {%s})
        public final class %s implements Migration {
          @Override
          public void upgrade(Operations op) {
            %s
          }

          @Override
          public void downgrade(Operations op) {}
        }
        """.formatted(id, parent == null ? "" : "\"" + parent + "\"", className, body));
  }

  /** A table, then a column of the given name added to it. */
  private void twoRevisions(String column) throws Exception {
    revision("M1_create", "bbbb00000001", null,
        "op.createTable(\"items\", column(\"id\", BIGINT).notNull(), primaryKey(\"id\"));");
    revision("M2_name", "bbbb00000002", "bbbb00000001",
        "op.addColumn(\"items\", column(\"" + column + "\", varchar(40)));");
  }

  private RevisionHistory history() {
    return RevisionHistory.of(MigrationLoader.fromSources(migrations, List.of(), getClass().getClassLoader()));
  }

  private static AppliedRevisions all(RevisionHistory history) {
    return history.appliedAt(List.of("bbbb00000002"));
  }

  private List<Path> entries() throws Exception {
    Path directory = cache.path().resolve("recorded");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.toString().endsWith(".schema")).toList();
    }
  }

  @Test
  void anUnchangedHistoryIsReadBackAndADamagedEntryIsReplayed() throws Exception {
    twoRevisions("name");
    RecordedSchemaCache recorded = RecordedSchemaCache.standard();

    RevisionHistory compiled = history();
    Schema replayed = compiled.replay(all(compiled));
    assertEquals(replayed, recorded.replay(compiled, all(compiled)));
    assertEquals(List.of(), entries(), "a history just compiled cannot say what decides its revisions yet");

    RevisionHistory cached = history();
    assertTrue(cached.replayIdentity(all(cached)).isPresent());
    assertEquals(replayed, recorded.replay(cached, all(cached)));
    assertEquals(1, entries().size());

    // Proof that the next replay is read: it gives what the entry holds.
    Schema marker = Schema.of(List.of(Table.of("from_the_entry", List.of(Column.column("id", SqlType.BIGINT)))));
    Files.write(entries().get(0), EntityModelCodec.write(new EntityModel(marker, Renames.NONE)));
    assertEquals(marker, recorded.replay(history(), all(history())));

    Files.write(entries().get(0), new byte[] {0, 0, 0, 1, 7});
    assertEquals(replayed, recorded.replay(history(), all(history())));
    assertEquals(replayed, recorded.replay(history(), all(history())), "written again whole");
  }

  /** What the revisions left to the database is kept beside the schema, by the same key. */
  @Test
  void whatTheRevisionsLeftToTheDatabaseIsReadBack() throws Exception {
    revision("M1_create", "bbbb00000001", null,
        "op.createTable(\"items\", column(\"id\", BIGINT).notNull(), column(\"name\", varchar(40)),"
            + " primaryKey(\"id\"));\n"
            + "    op.createIndex(\"items\", dev.autogenerate.schema.Index.index(\"items_by_dba\", \"name\"));\n"
            + "    op.leaveIndexToDatabase(\"items\", \"items_by_dba\");\n"
            + "    op.leaveCommentToDatabase(\"items\");");
    revision("M2_name", "bbbb00000002", "bbbb00000001", "");
    RecordedSchemaCache recorded = RecordedSchemaCache.standard();
    List<LeaveToDatabase> expected = List.of(new LeaveToDatabase("items", Kind.INDEX, "items_by_dba"),
        new LeaveToDatabase("items", Kind.COMMENT, null));
    history();
    assertEquals(expected, recorded.leftToDatabase(history(), all(history())));
    Path entry = cache.path().resolve("recorded");
    List<Path> marks;
    try (Stream<Path> files = Files.list(entry)) {
      marks = files.filter(file -> file.toString().endsWith(".left")).toList();
    }
    assertEquals(1, marks.size());

    // Proof that the next read is the entry's: it gives what the entry holds.
    List<LeaveToDatabase> marker = List.of(new LeaveToDatabase("from_the_entry", Kind.DEFAULT, "name"));
    Files.write(marks.get(0), RecordedSchemaCache.marks(marker));
    assertEquals(marker, recorded.leftToDatabase(history(), all(history())));

    Files.write(marks.get(0), new byte[] {0, 0, 0, 9, 7});
    assertEquals(expected, recorded.leftToDatabase(history(), all(history())), "a damaged entry is a miss");
  }

  @Test
  void anEditedRevisionIsReplayedAgain() throws Exception {
    twoRevisions("name");
    RecordedSchemaCache recorded = RecordedSchemaCache.standard();
    history();
    RevisionHistory before = history();
    recorded.replay(before, all(before));

    twoRevisions("title");
    RevisionHistory after = history();
    Schema schema = recorded.replay(after, all(after));
    assertTrue(schema.requireTable("items").column("title").isPresent(), schema.toString());
  }
}
