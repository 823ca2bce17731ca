package dev.autogenerate.project;

import dev.autogenerate.compare.ComparisonRules;
import dev.autogenerate.schema.Column;
import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.Table;
import java.util.Optional;

/**
 * The types a baseline writes for the columns it adopts. Where the database cannot tell the
 * column's type from the one the entities declare (SQLite declares a {@code @Lob} and a
 * {@code byte[]} both {@code blob}), the database's is one of two readings, and the baseline takes
 * the entities'. A later comparison trusts the migrations' type where the database cannot store it:
 * the other reading would make the next {@code -m} change a column that did not change, and a
 * PostgreSQL database built from the migrations differ from the entities (a {@code bytea} for an
 * {@code oid}).
 */
final class AdoptedTypes {

  private AdoptedTypes() {}

  /**
   * @param adopted the database's schema, spelled as the entities spell their names
   * @param entities the entities' schema
   */
  static Schema asTheEntitiesSayWhereAlike(Schema adopted, Schema entities, ComparisonRules rules) {
    Schema result = adopted;
    for (Table table : adopted.tables().values()) {
      Optional<Table> mapped = entities.table(table.name());
      if (mapped.isEmpty()) {
        continue;
      }
      Table typed = table;
      for (Column column : table.columns()) {
        Optional<Column> declared = mapped.get().column(column.name());
        if (declared.isPresent() && !declared.get().type().equals(column.type())
            && rules.sameType(column.type(), declared.get().type(), column.identity() && declared.get().identity())) {
          typed = typed.withColumnReplaced(column.name(), each -> each.withType(declared.get().type()));
        }
      }
      result = result.withTable(typed);
    }
    return result;
  }
}
