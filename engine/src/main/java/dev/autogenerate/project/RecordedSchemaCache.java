package dev.autogenerate.project;

import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.AppliedRevisions;
import dev.autogenerate.runtime.CacheDirectory;
import dev.autogenerate.runtime.CodeFingerprint;
import dev.autogenerate.runtime.KeyDigest;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.runtime.ToolVersion;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Schema replayed = history.replayOwned(applied);
    key.ifPresent(name -> put(name, replayed));
    return replayed;
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
