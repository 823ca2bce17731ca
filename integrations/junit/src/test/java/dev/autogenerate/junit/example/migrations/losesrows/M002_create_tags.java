package dev.autogenerate.junit.example.migrations.losesrows;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.TEXT;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "l2", revises = "l1", message = "create tags", created = "2026-12-01T10:00:00Z")
public final class M002_create_tags implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("tags", column("label", TEXT).notNull(), primaryKey("label"));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable("tags");
    // A clean-up meant for tags that empties teams, which the revision is not about.
    op.execute("delete from teams");
  }
}
