package dev.autogenerate.operations;

import dev.autogenerate.schema.Index;
import dev.autogenerate.schema.Schema;
import java.util.List;

/**
 * {@code create index concurrently}: builds an index on a busy PostgreSQL table without blocking
 * its writes. PostgreSQL cannot run it inside a transaction, so it must be the only operation of
 * its revision, which then runs outside a transaction ({@link #transactional()}). If it fails,
 * PostgreSQL may leave an invalid index behind: drop it ({@code drop index concurrently ...}) and
 * upgrade again. On SQLite it is an ordinary {@code create index}.
 */
public record CreateIndexConcurrently(String table, Index index) implements Operation {

  public CreateIndexConcurrently {
    if (index.name() == null) {
      throw new IllegalArgumentException("an index created on " + table + " needs a name, so it can be dropped");
    }
    index = index.withValid(true);
    if (!index.isManaged()) {
      throw new IllegalArgumentException("index " + index.name() + " is a verbatim definition: write it with"
          + " op.execute(\"create index concurrently ...\") in a revision of its own");
    }
  }

  @Override
  public Schema applyTo(Schema before) {
    return before.withTable(before.requireTable(table).withIndex(index));
  }

  @Override
  public List<Operation> inverse(Schema before) {
    return List.of(new DropIndex(table, index.name()));
  }

  @Override
  public String describe() {
    return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table + " concurrently";
  }

  @Override
  public boolean transactional() {
    return false;
  }

  @Override
  public String subject() {
    return table;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.createIndexConcurrently(this);
  }
}
