package dev.autogenerate.junit.example.migrations.withviews;

import static dev.autogenerate.schema.Column.column;
import static dev.autogenerate.schema.SqlType.BIGINT;
import static dev.autogenerate.schema.SqlType.varchar;

import dev.autogenerate.migration.Migration;
import dev.autogenerate.migration.Operations;
import dev.autogenerate.migration.Revision;

/** A table, a view over it and a view over that view, as a project's reporting views are. */
@Revision(id = "v1", message = "teams and views", created = "2026-12-02T10:00:00Z")
public final class M001_teams_and_views implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("teams", column("id", BIGINT).notNull(), column("name", varchar(100)));
    op.createView("team_names", "SELECT id, name FROM teams");
    op.createView("named_teams", "SELECT name FROM team_names WHERE name IS NOT NULL");
  }

  @Override
  public void downgrade(Operations op) {
    op.dropView("named_teams");
    op.dropView("team_names");
    op.dropTable("teams");
  }
}
