package dev.autogenerate.compare;

import dev.autogenerate.schema.Schema;

/**
 * Compares one kind of schema-level object (tables, sequences, enum types). What is new or
 * changed must exist before the tables that use it; what is gone must outlive them, so each
 * comparator answers twice.
 */
interface SchemaElementComparator {

  /** Records what is new or changed. */
  void compareNewAndChanged(Schema current, Schema wanted, PlanBuilder plan);

  /** Records what the database has and the entities no longer use. */
  void compareDropped(Schema current, Schema wanted, PlanBuilder plan);
}
