package dev.autogenerate.junit.example.migrations.forgetsdrop;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.SqlType.INTEGER;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "f2", revises = "f1", message = "add budget", created = "2026-12-01T10:00:00Z")
public final class M002_add_budget implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.addColumn("teams", column("budget", INTEGER));
  }

  @Override
  public void downgrade(Operations op) {
    // Forgets op.dropColumn("teams", "budget").
  }
}
