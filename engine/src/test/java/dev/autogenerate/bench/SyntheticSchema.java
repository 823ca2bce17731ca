package dev.autogenerate.bench;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.ForeignKey.foreignKey;
import static dev.autogenerate.schema.Index.index;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.UniqueConstraint.unique;

import dev.autogenerate.schema.Schema;
import dev.autogenerate.schema.SqlType;
import dev.autogenerate.schema.Table;
import dev.autogenerate.schema.TableElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's tables as schema values, without entities: {@code table_N} with an identity id,
 * strings, numbers, a time, a unique, an index on two columns and a foreign key to the table
 * before. Names are left to the naming convention, as the reader leaves them.
 */
public final class SyntheticSchema {

  private SyntheticSchema() {}

  public static Schema tables(int count) {
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<TableElement> elements = new ArrayList<>(List.of(
          column("id", SqlType.BIGINT).notNull().generatedAsIdentity(),
          column("code", SqlType.varchar(100)).notNull(),
          column("name", SqlType.varchar(255)),
          column("amount", SqlType.numeric(12, 2)),
          column("quantity", SqlType.INTEGER),
          column("active", SqlType.BOOLEAN).notNull(),
          column("created", SqlType.TIMESTAMP_TZ),
          primaryKey("id"),
          unique(null, "code")));
      if (i > 0) {
        elements.add(column("previous_id", SqlType.BIGINT));
        elements.add(foreignKey(null, List.of("previous_id"), "table_" + (i - 1), List.of("id")));
      }
      tables.add(Table.of("table_" + i, elements).withIndex(index(null, "created", "name")));
    }
    return Schema.of(tables);
  }
}
