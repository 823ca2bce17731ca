package dev.autogenerate.junit.example.migrations.broken;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.SqlType.INTEGER;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "b1", message = "add a column to a table nobody created", created = "2026-12-01T10:00:00Z")
public final class M001_add_to_missing_table implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.addColumn("teams", column("size", INTEGER));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropColumn("teams", "size");
  }
}
