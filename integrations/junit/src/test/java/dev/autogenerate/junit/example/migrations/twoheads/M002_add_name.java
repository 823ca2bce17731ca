package dev.autogenerate.junit.example.migrations.twoheads;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.SqlType.TEXT;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "t2a", revises = "t1", message = "add name", created = "2026-12-01T10:00:00Z")
public final class M002_add_name implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.addColumn("teams", column("name", TEXT));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropColumn("teams", "name");
  }
}
