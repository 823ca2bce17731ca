package dev.autogenerate.inspect;

import dev.autogenerate.schema.Schema;
import java.util.Optional;

/**
 * Schemas inspected before, each kept by a text that decides it whole: what a database can tell
 * of its schema cheaply and for certain, where it can ({@link DatabaseInspector#inspect(java.sql.Connection,
 * TableFilter, InspectionCache)}). Where the schema is kept, and how long, is the caller's.
 */
public interface InspectionCache {

  /** Keeps nothing: every inspection reads the database. */
  InspectionCache NONE = new InspectionCache() {
    @Override
    public Optional<Schema> get(String identity) {
      return Optional.empty();
    }

    @Override
    public void put(String identity, Schema schema) {}
  };

  /** The schema inspected under this identity, if kept. */
  Optional<Schema> get(String identity);

  /** Keeps a schema just inspected under its identity; may keep nothing. */
  void put(String identity, Schema schema);
}
