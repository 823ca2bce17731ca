package dev.autogenerate.project;

import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.operations.LeaveToDatabase;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.AppliedRevisions;
import dev.autogenerate.runtime.CacheDirectory;
import dev.autogenerate.runtime.CodeFingerprint;
import dev.autogenerate.runtime.KeyDigest;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.ToolVersion;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schema the applied revisions record ({@link RevisionHistory#replay}), kept by what alone
 * decides it: each revision's {@linkplain RevisionHistory#replayIdentity identity} (its source and
 * the tool, for migrations whose classes reach nothing else) and the code that replays. Replaying
 * runs every revision's upgrade, which defines every class of the history; {@code check} on a long
 * history that did not change reads this instead. A history whose revisions cannot all say what
 * decides them is replayed every time.
 *
 * <p>As with the other caches: written whole and moved into place, an entry that cannot be read
 * is a miss, and one that cannot be written costs only speed.
 */
final class RecordedSchemaCache {

  private final Path directory;

  RecordedSchemaCache(Path directory) {
    this.directory = directory;
  }

  static RecordedSchemaCache standard() {
    return new RecordedSchemaCache(CacheDirectory.of("recorded"));
  }

  /**
   * The replayed schema, as the migrations' own ({@link RevisionHistory#replayOwned}), from the
   * cache when the revisions can say what decides it.
   */
  Schema replay(RevisionHistory history, AppliedRevisions applied) {
    Optional<String> key = history.replayIdentity(applied).map(RecordedSchemaCache::key);
    if (key.isPresent()) {
      try {
        return EntityModelCodec.read(Files.readAllBytes(directory.resolve(key.get() + ".schema"))).schema();
      } catch (IOException | RuntimeException e) {
        // A miss: replay below.
      }
    }
    return replayedAndKept(history, applied, key).schema();
  }

  /**
   * What the applied revisions left to the database ({@link RevisionHistory#ownedReplay}), kept
   * by the same key beside the schema: finding it replays every revision, which an adopted
   * database, whose DBA objects the comparison meets on every check, would pay each time.
   */
  List<LeaveToDatabase> leftToDatabase(RevisionHistory history, AppliedRevisions applied) {
    Optional<String> key = history.replayIdentity(applied).map(RecordedSchemaCache::key);
    if (key.isPresent()) {
      try {
        return readMarks(Files.readAllBytes(directory.resolve(key.get() + ".left")));
      } catch (IOException | RuntimeException e) {
        // A miss: replay below.
      }
    }
    return replayedAndKept(history, applied, key).left();
  }

  /** One replay, both its results kept: the schema and the marks cost the same replay. */
  private RevisionHistory.OwnedReplay replayedAndKept(RevisionHistory history, AppliedRevisions applied,
      Optional<String> key) {
    RevisionHistory.OwnedReplay replayed = history.ownedReplay(applied);
    key.ifPresent(name -> {
      put(name, replayed.schema());
      CacheDirectory.writeEntry(directory, name + ".left", () -> marks(replayed.left()));
    });
    return replayed;
  }

  /** Each mark's table, kind and name (empty for a table's comment), after their number. */
  static byte[] marks(List<LeaveToDatabase> left) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(left.size());
      for (LeaveToDatabase mark : left) {
        out.writeUTF(mark.table());
        out.writeUTF(mark.kind().name());
        out.writeUTF(mark.name() == null ? "" : mark.name());
      }
    }
    return bytes.toByteArray();
  }

  static List<LeaveToDatabase> readMarks(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int count = in.readInt();
      List<LeaveToDatabase> left = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String table = in.readUTF();
        LeaveToDatabase.Kind kind = LeaveToDatabase.Kind.valueOf(in.readUTF());
        String name = in.readUTF();
        left.add(new LeaveToDatabase(table, kind, name.isEmpty() ? null : name));
      }
      if (in.read() != -1) {
        throw new IOException("more than its marks");
      }
      return left;
    }
  }

  private void put(String key, Schema schema) {
    CacheDirectory.writeEntry(directory, key + ".schema",
        () -> EntityModelCodec.write(new EntityModel(schema, Renames.NONE)));
  }

  private static String key(String identity) {
    return KeyDigest.start().text("recorded " + EntityModelCodec.FORMAT).text(ToolVersion.current())
        .text(Tool.FINGERPRINT).text(identity).hex();
  }

  /** The code that applies operations to a schema, and this cache's. */
  private static final class Tool {
    static final String FINGERPRINT =
        CodeFingerprint.of(List.of(Operation.class, RevisionHistory.class, RecordedSchemaCache.class));
  }
}
