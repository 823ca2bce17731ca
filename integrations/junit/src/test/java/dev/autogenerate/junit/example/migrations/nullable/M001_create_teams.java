package dev.autogenerate.junit.example.migrations.nullable;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.INTEGER;
import static dev.autogenerate.schema.SqlType.TEXT;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

@Revision(id = "n1", message = "create teams", created = "2026-12-01T10:00:00Z")
public final class M001_create_teams implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("teams", column("id", INTEGER).notNull(), column("name", TEXT).notNull(), primaryKey("id"));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable("teams");
  }
}
