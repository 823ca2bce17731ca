package dev.autogenerate.project;

import dev.autogenerate.schema.ForeignKey;
import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.List;

/**
 * What a baseline leaves out of the tables it adopts, because a database built from its migration
 * could not have it as this one does: an index PostgreSQL marks INVALID (a failed concurrent build,
 * which no query uses: created by the migration, it would be a working index there, a unique one
 * enforcing what this database does not), and a foreign key to a table the migrations will not
 * create (an excluded one, a DBA's lookup table no entity maps), which would fail there. Both stay
 * this database's own, and later comparisons say so.
 */
final class AdoptionLeavesOut {

  private AdoptionLeavesOut() {}

  /** The schema's tables without either; {@code invalid} collects the indexes left out, as {@code table.index}. */
  static Schema from(Schema adopted, List<String> invalid) {
    Schema kept = adopted;
    for (Table table : adopted.tables().values()) {
      Table without = withoutKeysOutside(withoutInvalidIndexes(table, invalid), adopted);
      if (without != table) {
        kept = kept.withTable(without);
      }
    }
    return kept;
  }

  /** The table without its INVALID indexes, each named in {@code invalid}. */
  static Table withoutInvalidIndexes(Table table, List<String> invalid) {
    Table kept = table;
    for (Index index : table.indexes()) {
      if (!index.valid()) {
        kept = kept.withoutIndex(index.name());
        invalid.add(table.name() + "." + index.name());
      }
    }
    return kept;
  }

  /** The table without its foreign keys to tables {@code schema} lacks. */
  static Table withoutKeysOutside(Table table, Schema schema) {
    Table kept = table;
    for (ForeignKey key : table.foreignKeys()) {
      // By name first: check runs this on every mapped table, and a scan per key was quadratic.
      boolean there = schema.hasTable(key.referencedTable())
          || schema.tables().keySet().stream().anyMatch(name -> name.equalsIgnoreCase(key.referencedTable()));
      if (key.name() != null && !there) {
        kept = kept.withoutConstraint(key.name());
      }
    }
    return kept;
  }
}
