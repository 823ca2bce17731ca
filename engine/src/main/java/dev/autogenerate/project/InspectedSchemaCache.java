package dev.autogenerate.project;

import dev.autogenerate.entities.EntityModel;
import dev.autogenerate.inspect.DatabaseInspector;
import dev.autogenerate.inspect.InspectionCache;
import dev.autogenerate.runtime.CacheDirectory;
import dev.autogenerate.runtime.CacheLimit;
import dev.autogenerate.runtime.CodeFingerprint;
import dev.autogenerate.runtime.KeyDigest;
import dev.autogenerate.runtime.ToolVersion;
import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Inspected schemas, kept in the user's cache by the identity the database gave them
 * ({@link DatabaseInspector#inspect(java.sql.Connection, dev.autogenerate.inspect.TableFilter,
 * InspectionCache)}: on SQLite, every statement of its schema) and by the tool's code that
 * inspects. A {@code check} run again and again against a database whose schema did not change
 * reads one query's worth of it instead of inspecting it.
 *
 * <p>As with the other caches: written whole and moved into place, kept under a size, an entry
 * that cannot be read is a miss, and one that cannot be written costs only speed.
 */
final class InspectedSchemaCache implements InspectionCache {

  private final Path directory;
  private final CacheLimit limit;

  InspectedSchemaCache(Path directory, CacheLimit limit) {
    this.directory = directory;
    this.limit = limit;
  }

  static InspectedSchemaCache standard() {
    return new InspectedSchemaCache(CacheDirectory.of("inspected"), CacheLimit.STANDARD);
  }

  @Override
  public Optional<Schema> get(String identity) {
    try {
      Path entry = directory.resolve(key(identity) + ".schema");
      Schema schema = EntityModelCodec.read(Files.readAllBytes(entry)).schema();
      CacheLimit.used(entry);
      return Optional.of(schema);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void put(String identity, Schema schema) {
    CacheDirectory.writeEntry(directory, key(identity) + ".schema",
        () -> EntityModelCodec.write(new EntityModel(schema, Renames.NONE)), limit);
  }

  private static String key(String identity) {
    return KeyDigest.start().text("inspected " + EntityModelCodec.FORMAT).text(ToolVersion.current())
        .text(Tool.FINGERPRINT).text(identity).hex();
  }

  /** The code that inspects (the tool's database packages) and the schema model it fills. */
  private static final class Tool {
    static final String FINGERPRINT =
        CodeFingerprint.of(List.of(DatabaseInspector.class, InspectedSchemaCache.class, Schema.class));
  }
}
