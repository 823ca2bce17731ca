package dev.autogenerate.junit.example.migrations.dynamicsql;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.TEXT;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "d2", revises = "d1", message = "create tags", created = "2026-12-01T10:00:00Z")
public final class M002_create_tags implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("tags", column("label", TEXT).notNull(), primaryKey("label"));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable("tags");
    // PostgreSQL dynamic SQL: the table it changes appears in no word of the migration.
    op.execute("do $$ begin execute 'update ' || 'tea' || 'ms set name = upper(name)'; end $$");
  }
}
