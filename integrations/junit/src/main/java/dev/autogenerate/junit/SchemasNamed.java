package dev.autogenerate.junit;

import dev.autogenerate.operations.Operation;
import dev.autogenerate.runtime.MigrationScript;
import dev.autogenerate.runtime.RevisionHistory;
import dev.autogenerate.schema.Schema;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schemas besides the connection's current one that a history's operations name
 * ({@code sales} of {@code sales.orders}): the assertions read and empty those too (PostgreSQL).
 */
final class SchemasNamed {

  private SchemasNamed() {}

  static Set<String> in(RevisionHistory history) {
    Set<String> schemas = new TreeSet<>();
    for (MigrationScript script : history.revisions()) {
      for (Operation operation : script.upgradeOperations()) {
        for (String name : operation.namesUsed()) {
          String schema = Schema.schemaOf(name);
          if (schema != null) {
            schemas.add(schema);
          }
        }
      }
    }
    return schemas;
  }
}
