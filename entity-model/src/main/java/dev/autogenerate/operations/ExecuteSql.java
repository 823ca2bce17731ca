package dev.autogenerate.operations;

import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * Arbitrary SQL, usually a data migration. It does not change the schema as far as replay knows,
 * and it cannot be undone automatically: a downgrade states its own SQL.
 */
public record ExecuteSql(String sql) implements Operation {

  public ExecuteSql {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("execute needs SQL");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    return before;
  }

  @Override
  public List<Operation> inverse(Schema before) {
    throw new IrreversibleOperationException("raw SQL cannot be reversed automatically: " + sql);
  }

  @Override
  public String describe() {
    return "execute SQL";
  }

  @Override
  public String subject() {
    return null;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.executeSql(this);
  }
}
