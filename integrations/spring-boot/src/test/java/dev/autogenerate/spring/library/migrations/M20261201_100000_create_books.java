package dev.autogenerate.spring.library.migrations;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.PrimaryKey.primaryKey;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.varchar;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

/** create books */
@Revision(
    id = "5d0a1c2b3e4f",
    message = "create books",
    created = "2026-12-01T10:00:00Z"
)
public final class M20261201_100000_create_books implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("books",
        column("id", BIGINT).notNull(),
        column("title", varchar(200)).notNull(),
        primaryKey("id"));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable("books");
  }
}
