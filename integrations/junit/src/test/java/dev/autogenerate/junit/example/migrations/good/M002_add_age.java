package dev.autogenerate.junit.example.migrations.good;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.SqlType.INTEGER;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "a2", revises = "a1", message = "add age", created = "2026-12-01T11:00:00Z")
public final class M002_add_age implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.addColumn("users", column("age", INTEGER));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropColumn("users", "age");
  }
}
