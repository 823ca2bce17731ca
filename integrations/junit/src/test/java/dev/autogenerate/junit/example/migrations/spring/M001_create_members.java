package dev.autogenerate.junit.example.migrations.spring;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.varchar;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "s1", message = "create members", created = "2026-12-01T10:00:00Z")
public final class M001_create_members implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("members", column("id", BIGINT).notNull(), column("display_name", varchar(255)), primaryKey("id"));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable("members");
  }
}
