package dev.autogenerate.junit.example.migrations.nullable;

import static dev.autogenerate.operations.ColumnChange.dropNotNull;
import static dev.autogenerate.operations.ColumnChange.setNotNull;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "n2", revises = "n1", message = "names optional", created = "2026-12-01T10:00:00Z")
public final class M002_names_optional implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.alterColumn("teams", "name", dropNotNull());
  }

  @Override
  public void downgrade(Operations op) {
    // Fine on the rows from before, fails on a team written without a name since.
    op.alterColumn("teams", "name", setNotNull());
  }
}
