package dev.autogenerate.entities;

import dev.autogenerate.schema.Renames;
import dev.autogenerate.schema.Schema;
import java.util.Objects;

/**
 * What the entities say: the schema they map to, and the tables and columns they say were called
 * otherwise before ({@code @RenamedFrom}). The renames stay beside the schema, not in it, so that
 * the schema compares (and checksums) as any other.
 */
public record EntityModel(Schema schema, Renames renames) {

  public EntityModel {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(renames, "renames");
  }
}
