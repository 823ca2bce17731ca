package dev.autogenerate.compare;

import dev.autogenerate.schema.Schema;
import java.util.Optional;

/**
 * Compares one kind of schema-level object (tables, sequences, enum types). What is new or
 * changed must exist before the tables that use it; what is gone must outlive them, so each
 * comparator answers twice.
 */
interface SchemaElementComparator {

  /**
   * Records what is new or changed.
   *
   * @param recorded the schema the applied migrations left, when known: what the database does
   *     not store of an object they created (a sequence's increment on SQLite) is theirs
   */
  void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded);

  /**
   * Records what the database has and the entities no longer use.
   *
   * @param recorded the schema the applied migrations left, when known (see {@link TableChanges})
   */
  void compareDropped(Schema current, Schema wanted, PlanBuilder plan, Optional<Schema> recorded);
}
